package io.newspulse.common.kb.listing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameFormsTest {
    @Test
    void chineseShortNamesLoseStatusMarkersAndShareClass() {
        assertThat(NameForms.chineseShort("万  科Ａ")).isEqualTo("万科A");
        assertThat(NameForms.withoutShareClass("万科A")).isEqualTo("万科");
        assertThat(NameForms.chineseShort("*ST美丽")).isEqualTo("美丽");
        assertThat(NameForms.chineseShort("阿里巴巴－Ｗ")).isEqualTo("阿里巴巴");
    }

    @Test
    void legalFormsAreDroppedWhileTheNameStaysDistinctive() {
        assertThat(NameForms.chineseStripped("紫金矿业集团股份有限公司")).isEqualTo("紫金矿业");
        assertThat(NameForms.chineseStripped("比亚迪股份有限公司")).isEqualTo("比亚迪");
        assertThat(NameForms.chineseStripped("北京控股有限公司")).isEqualTo("北京控股");
        assertThat(NameForms.englishShort("Ping An Bank Co., Ltd.")).isEqualTo("Ping An Bank");
        assertThat(NameForms.englishShort("HSBC Holdings plc")).isEqualTo("HSBC");
        assertThat(NameForms.issuer("Apple Inc. Common Stock")).isEqualTo("Apple Inc.");
        assertThat(NameForms.arabicShort("شركة الزيت العربية السعودية"))
                .isEqualTo("الزيت العربية السعودية");
    }

    @Test
    void shortOrSingleWordAliasesNeedEvidence() {
        assertThat(AliasEvidence.of("国华")).isEqualTo(AliasEvidence.ENTITY);
        assertThat(AliasEvidence.of("زين")).isEqualTo(AliasEvidence.ENTITY);
        assertThat(AliasEvidence.of("太阳能")).isEqualTo(AliasEvidence.CONTEXT);
        assertThat(AliasEvidence.of("Ameresco")).isEqualTo(AliasEvidence.CONTEXT);
        assertThat(AliasEvidence.of("紫金矿业")).isEqualTo(AliasEvidence.NONE);
        assertThat(AliasEvidence.of("Ping An Bank")).isEqualTo(AliasEvidence.NONE);
    }
}
