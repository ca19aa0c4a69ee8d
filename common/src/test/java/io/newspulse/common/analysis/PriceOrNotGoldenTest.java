package io.newspulse.common.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.newspulse.common.kb.KnowledgeBase;
import io.newspulse.common.moves.MarketMove;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Price or not, whole documents with the shipped knowledge base: sentences written for these tests
 * in the style of wire copy, each with the entities whose price moved (none when the figure is
 * sales, profit, output, a stake, a weight, a growth rate, a yield or a forecast).
 */
class PriceOrNotGoldenTest {
    private static DocumentAnalyzer analyzer;

    @BeforeAll
    static void build() {
        analyzer = DocumentAnalyzer.create(KnowledgeBase.embedded());
    }

    static Stream<Arguments> english() {
        return Stream.of(
                row("Ford's U.S. car sales up 48 pct in late February."),
                row("Royal Dutch Shell first quarter net drops 61 pct."),
                row("Ford Motor Co said pre-tax profit rose 22 pct in 1986."),
                row("Ford said its truck output fell 12 pct from a year earlier."),
                row("Ford's share of the U.S. car market rose 2.1 pct."),
                row("Analysts see Apple shares rising 10 pct next year."),
                row("Ford holds a 5 pct stake in the venture."),
                row("Apple's weight in the index rose to 7.1 pct."),
                row("Apple's bonds yield 4.2 pct."),
                row("Apple's revenue growth rate was 13 pct."),
                row("Shares of Ford rose 4% in heavy trading.", "ford"),
                row("Apple shares fell 3.5 pct to 150 dlrs.", "apple"),
                row("Ford's sales fell, but its shares rose 2 pct.", "ford"),
                // A measure that opens a long sentence or heads a table governs its figures.
                row(
                        "Retail sales of light trucks by domestic makers slipped 3.1 pct in late"
                                + " April from a year earlier, with Ford Motor Co down 7.2 pct."),
                row(
                        "Sales of new trucks in early May were--General Motors Corp 41,200,"
                                + " up 12.4 pct, Ford Motor Co 30,100, down 8.1 pct."),
                // A measure after a wrapped wire line, or after a preposition.
                row("Ford Motor Co delivered 48,200 vans, up 9.4 pct on a\nper-day sales basis."),
                row(
                        "Trade with Japan fell 11 pct for exports and 17 pct for imports in dollar terms."),
                // A currency after an amount is its unit, not what is priced.
                row("Deposits rose to 95,000 billion yen, savings in insurance up 12.5 pct."),
                // "N pct of X" is a part of X; "N pct of its value" is a move.
                row("FORD MOTOR CO UP ON REPORT 15 PCT OF ITS FINANCE UNIT TO BE SOLD"),
                row("The dollar has lost 10 pct of its value against the yen.", "asset.usd"),
                // Another product's price is not the commodity's.
                row("Heavy fuel oil prices fell 18 pct in April."),
                row("Crude oil prices rose 4.4 pct in April.", "asset.crude-oil"));
    }

    static Stream<Arguments> simplified() {
        return Stream.of(
                row("腾讯第三季度营收同比增长13.2%。"),
                row("比亚迪一季度净利润增长25.8%。"),
                row("比亚迪3月新能源汽车销量同比增长15%。"),
                row("分析师预计腾讯股价将上涨10%。"),
                row("腾讯持股比例升至5.1%。"),
                row("腾讯在指数中的权重升至8.5%。"),
                row("比亚迪股价涨3%。", "byd"),
                row("腾讯收涨2.4%，报380港元。", "tencent"),
                row("今年前四个月全国乘用车零售销量同比下滑3.1%，其中比亚迪下降7.2%，吉利增长5.5%。"),
                row("传腾讯拟出售所持阿里巴巴10%的股份。"),
                row("燃料油价格下跌18%。"));
    }

    static Stream<Arguments> traditional() {
        return Stream.of(
                row("台積電3月營收年增15.5%。"),
                row("台積電第一季淨利成長22%。"),
                row("法人預期台積電股價將上漲8%。"),
                row("台積電在台股的權重升至31%。"),
                row("台積電股價大漲3.2%。", "tsmc"),
                row("今年前四個月汽車銷量年減3.1%，其中裕隆下降7.2%，和泰車成長5.5%。"),
                row("燃料油價格下跌18%。"));
    }

    static Stream<Arguments> arabic() {
        return Stream.of(
                row("ارتفعت أرباح أرامكو السعودية 25.8% في الربع الأول."),
                row("قالت أرامكو إن صافي الربح ارتفع 12%."),
                row("ارتفعت إيرادات أرامكو بنسبة 8%."),
                row("يتوقع المحللون أن يرتفع سهم أرامكو 5%."),
                row("ارتفعت حصة أرامكو في السوق 3%."),
                row("ارتفع سهم أرامكو 1.1% في تداولات اليوم.", "saudi-aramco"),
                row(
                        "تراجعت مبيعات السيارات الجديدة في المملكة خلال أبريل بنسبة 3.1% على"
                                + " أساس سنوي، مع انخفاض تويوتا بنسبة 7.2%."),
                row("باعت أرامكو 10% من أسهم شركة تابعة."),
                row("تراجعت أسعار زيت الوقود 18% في أبريل."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"english", "simplified", "traditional", "arabic"})
    void onlyPriceChangesAreMoves(String text, String[] moved) {
        List<String> ids =
                analyzer.analyze(text).moves().stream().map(MarketMove::entityId).toList();
        assertThat(ids).as(text).containsExactly(moved);
    }

    private static Arguments row(String text, String... moved) {
        return arguments(text, moved);
    }
}
