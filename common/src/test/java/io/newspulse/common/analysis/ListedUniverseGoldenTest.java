package io.newspulse.common.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped knowledge base with its generated listed universe, on sentences written for these
 * tests in simplified and traditional Chinese, Arabic and English: markets it must now see, codes
 * that resolve, names as the press writes them, and ordinary text that must stay empty.
 */
class ListedUniverseGoldenTest {
    private static DocumentAnalyzer analyzer;

    @BeforeAll
    static void build() {
        analyzer = ShippedAnalyzer.get();
    }

    private static List<String> ids(String text) {
        return analyzer.analyze(text).entities().stream().map(EntitySummary::id).toList();
    }

    @Test
    void marketsBeyondTheCuratedLargeCaps() {
        assertThat(ids("今日A股中小盘活跃，常山北明、东方国信涨停。")).contains("cn.000158", "cn.300166");
        assertThat(ids("威剛、十銓股價漲停，記憶體模組族群走強。")).contains("tw.3260", "tw.4967");
        assertThat(ids("威刚、十铨股价涨停，存储模组板块走强。")).contains("tw.3260", "tw.4967");
        assertThat(ids("ارتفع سهم البنك التجاري الدولي وطلعت مصطفى في البورصة المصرية."))
                .contains("eg.comi", "eg.tmgh");
        assertThat(
                        ids(
                                "Malayan Banking Berhad rose 1% while Commercial International"
                                        + " Bank gained 2% in Cairo."))
                .contains("my.1155", "eg.comi");
    }

    @Test
    void mainIndexConstituentsCuratedWhereTheListingsStop() {
        // UAE (no listing file), Qatar's Arabic names, STI and FBM KLCI in Chinese press usage.
        assertThat(ids("ارتفع سهم بنك أبوظبي الأول 2% وصعد سهم إعمار للتطوير في دبي."))
                .contains("fab", "emaar-development");
        assertThat(ids("Emaar Properties rose 1.5% on the Dubai Financial Market."))
                .contains("emaar-properties");
        assertThat(ids("ارتفع سهم صناعات قطر 1.2% في بورصة قطر.")).contains("qa.iqcd");
        assertThat(ids("星展银行股价上涨1%，带动海峡时报指数走高。")).contains("sg.d05", "index.straits-times");
        assertThat(ids("海峽時報指數走高，華僑銀行股價上漲1%。")).contains("sg.o39", "index.straits-times");
        assertThat(ids("马银行和大众银行领涨，隆综指上扬0.6%。")).contains("my.1155", "my.1295", "index.fbm-klci");
    }

    @Test
    void aCodeInBracketsNamesTheFundEvenAfterAnotherFundsName() {
        // 半导体ETF is a curated alias of 512480; the code names another fund.
        assertThat(ids("半导体ETF(159325)涨3%。"))
                .contains("etf.cn.159325")
                .doesNotContain("etf.512480");
        assertThat(ids("半導體ETF(159325)漲3%。"))
                .contains("etf.cn.159325")
                .doesNotContain("etf.512480");
        assertThat(ids("ارتفع صندوق الرقائق (159325) بنسبة 3%.")).contains("etf.cn.159325");
        assertThat(ids("China's chip ETF (159325) rose 3% in Shenzhen.")).contains("etf.cn.159325");
        assertThat(ids("半导体ETF(512480)涨3%，芯片ETF(159995)涨2.5%。"))
                .contains("etf.512480", "etf.159995");
    }

    @Test
    void shortAndTranslatedIndexAndBankNames() {
        assertThat(ids("沪综指收涨0.5%，国指跌1%，科指跌1.5%，汇控涨2%。"))
                .contains("index.sse-composite", "index.hscei", "index.hang-seng-tech", "hsbc");
        assertThat(ids("滬綜指收漲0.5%，國指跌1%，科指跌1.5%，滙控漲2%。"))
                .contains("index.sse-composite", "index.hscei", "index.hang-seng-tech", "hsbc");
        assertThat(ids("انخفض مؤشر هانغ سنغ للتكنولوجيا 1.5%.")).contains("index.hang-seng-tech");
        assertThat(
                        ids(
                                "The Hang Seng China Enterprises Index fell 1% and the Hang Seng"
                                        + " Tech Index dropped 1.5%."))
                .contains("index.hscei", "index.hang-seng-tech");
    }

    @Test
    void theBankIsNotTheIndex() {
        assertThat(ids("恒生银行股价涨2%，恒指跌0.5%。")).contains("hang-seng-bank", "index.hang-seng");
        assertThat(ids("恆生銀行股價漲2%。")).containsExactly("hang-seng-bank");
        assertThat(ids("ارتفع سهم بنك هانغ سنغ 2%.")).containsExactly("hang-seng-bank");
        assertThat(ids("Hang Seng Bank shares rose 2%.")).containsExactly("hang-seng-bank");
    }

    @Test
    void ordinaryTextYieldsNoCompany() {
        assertThat(ids("我买了一斤苹果和两斤小米，准备煮粥。")).isEmpty();
        assertThat(ids("我買了一斤蘋果和兩斤小米，準備煮粥。")).isEmpty();
        assertThat(ids("他站在楼宇之间的中建筑工地上。")).isEmpty();
        assertThat(ids("中日航线的机票价格上涨。")).isEmpty();
        assertThat(ids("中日航線的機票價格上漲。")).isEmpty();
        assertThat(ids("他在美丽的海边度过了一个周末，国华说这里很美。")).isEmpty();
        assertThat(ids("وقعت الشركة اتفاقية مبادلة مع البنك.")).isEmpty();
        assertThat(ids("زرنا غابات الأمازون المطيرة الأسبوع الماضي.")).isEmpty();
        assertThat(ids("According to data from Dow Jones Market Data, the index rose."))
                .doesNotContain("index.dow-jones");
        assertThat(ids("China-Japan routes and the buildings of Shanghai.")).isEmpty();
    }

    @Test
    void shortSymbolsAreNoPartOfAbbreviationsOrCompounds() {
        assertThat(ids("U.K. FACTORY GATE PRICES RISE 0.6 PCT, YEAR-ON-YEAR RISE 4.1 PCT"))
                .doesNotContain("us.u", "etf.us.year", "us.pct");
        assertThat(ids("Profit from U.K. operations rose 12 pct, and from the U.N. unit 3 pct."))
                .doesNotContain("us.u");
        assertThat(ids("Ford Motor Co (F.N) rose 2 pct.")).contains("ford");
    }

    @Test
    void aCommodityNameInsideAnotherProductsNameIsNotThatCommodity() {
        assertThat(ids("Heavy fuel oil prices fell 18 pct in April."))
                .doesNotContain("asset.crude-oil");
        assertThat(ids("Palm oil prices rose in Kuala Lumpur, heating-oil prices fell."))
                .doesNotContain("asset.crude-oil");
        assertThat(ids("Crude oil prices rose 4 pct while heating\noil prices fell."))
                .containsExactly("asset.crude-oil");
        assertThat(ids("Oil prices rose 4 pct.")).contains("asset.crude-oil");
        assertThat(ids("燃料油价格下跌18%。")).doesNotContain("asset.crude-oil");
        assertThat(ids("燃料油價格下跌18%。")).doesNotContain("asset.crude-oil");
        assertThat(ids("تراجعت أسعار زيت الوقود 18% في أبريل.")).doesNotContain("asset.crude-oil");
    }
}
