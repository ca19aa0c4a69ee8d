package io.newspulse.common.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageDetectorTest {
    private static final String HANT = "英偉達股價周三大漲5%";
    private static final String HANS = "英伟达股价周三大涨5%";
    private static final String ARABIC =
            "أعلنت شركة iFlytek الصينية عن ارتفاع أرباحها بنسبة ١٥٪ في الربع الثالث.";
    private static final String ENGLISH =
            "NEW YORK, March 5 (Reuters) - Nvidia Corp shares rose 4% on Wednesday after the"
                    + " chipmaker forecast quarterly revenue above Wall Street estimates.";

    private final LanguageDetector detector = new LanguageDetector();

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                HANT + "| ZH_HANT",
                HANS + "| ZH_HANS",
                "台積電（TSMC）第三季營收創新高，外資連續三日買超。| ZH_HANT",
                "騰訊控股(0700.HK)公佈季度業績，盈利勝預期，股價午後上升3%。| ZH_HANT",
                "台股大漲| ZH_HANT",
                "苹果公司(Apple Inc.)周二发布iPhone 16 Pro Max，分析师预计出货量将增长。| ZH_HANS",
                "台积电公布第三季度营收，里程碑式增长。| ZH_HANS",
                ARABIC + "| AR",
                "أَعْلَنَتْ أرامـــكو السعودية عن أرباح قياسية| AR",
                ENGLISH + "| EN",
                "Tencent Holdings (騰訊) reported a 12% rise in quarterly profit.| EN",
                "<div class=\"article-body\"><p>英伟达股价大涨</p></div>| ZH_HANS",
                "日本銀行は金融政策の維持を決定した。| OTHER",
                "Акции Сбербанка выросли на 3%| OTHER",
                "12345 %| OTHER",
            })
    void detectsLanguageFromScript(String text, Language expected) {
        assertThat(detector.detect(text)).isEqualTo(expected);
    }

    @Test
    void emptyTextIsOther() {
        assertThat(detector.detect("")).isEqualTo(Language.OTHER);
    }

    @Test
    void declaredLanguageWinsWhenTheScriptAgrees() {
        assertThat(detector.detect(HANS, "zh-TW")).isEqualTo(Language.ZH_HANT);
        assertThat(detector.detect(ARABIC, "ar-SA")).isEqualTo(Language.AR);
        assertThat(detector.detect("iFlytek وشركة", "en")).isEqualTo(Language.EN);
        assertThat(detector.detect("12345", "en")).isEqualTo(Language.EN);
    }

    @Test
    void declaredLanguageLosesWhenItContradictsTheScript() {
        assertThat(detector.detect(ENGLISH, "ar")).isEqualTo(Language.EN);
        assertThat(detector.detect(HANT, "en")).isEqualTo(Language.ZH_HANT);
        assertThat(detector.detect(ARABIC, "zh-Hans")).isEqualTo(Language.AR);
    }

    @Test
    void bareChineseTagLeavesTheScriptToDetection() {
        assertThat(detector.detect(HANT, "zh")).isEqualTo(Language.ZH_HANT);
        assertThat(detector.detect(HANS, "zh")).isEqualTo(Language.ZH_HANS);
    }

    @Test
    void unknownOrMissingDeclarationFallsBackToDetection() {
        assertThat(detector.detect(ENGLISH, null)).isEqualTo(Language.EN);
        assertThat(detector.detect(ENGLISH, "fr")).isEqualTo(Language.EN);
        assertThat(detector.detect(ARABIC, "")).isEqualTo(Language.AR);
    }
}
