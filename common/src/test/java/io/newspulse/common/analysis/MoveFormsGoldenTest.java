package io.newspulse.common.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.newspulse.common.moves.MarketMove;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The move forms of wire copy, whole documents with the shipped knowledge base, in simplified and
 * traditional Chinese, Arabic and English: sentences written for these tests. Each row: the text
 * and every move expected, in text order, as {@code "entity direction percent qualifier"}, or
 * {@code "?subject direction percent qualifier"} for a move whose subject the knowledge base does
 * not know (Lumora Systems, 澜舟科技, 宏晶, الوفاق, النخيل للصناعات الغذائية and رمال الخليج are made-up
 * names).
 */
class MoveFormsGoldenTest {
    private static DocumentAnalyzer analyzer;

    @BeforeAll
    static void build() {
        analyzer = ShippedAnalyzer.get();
    }

    /** Lists mapped in order (pairs, respectively) and moves shared by a list of names. */
    static Stream<Arguments> lists() {
        return Stream.of(
                // zh-Hans
                row("苹果和微软上涨1.8%和2.4%。", "apple up 1.8 exact", "microsoft up 2.4 exact"),
                row("腾讯、阿里巴巴分别涨2%、3%。", "tencent up 2.0 exact", "alibaba up 3.0 exact"),
                row("腾讯、阿里巴巴均涨2%。", "tencent up 2.0 exact", "alibaba up 2.0 exact"),
                row("腾讯和阿里巴巴都跌超3%。", "tencent down 3.0 over", "alibaba down 3.0 over"),
                row("腾讯、阿里巴巴各涨2%。", "tencent up 2.0 exact", "alibaba up 2.0 exact"),
                row(
                        "腾讯、阿里巴巴、百度下跌2%。",
                        "tencent down 2.0 exact", "alibaba down 2.0 exact", "baidu down 2.0 exact"),
                row("腾讯、阿里巴巴20%涨停。", "tencent up 20.0 limit", "alibaba up 20.0 limit"),
                row("腾讯、阿里巴巴涨停。", "tencent up - limit", "alibaba up - limit"),
                // the board's daily limit where it is known (Hong Kong has none)
                row("贵州茅台涨停，宁德时代跌停。", "kweichow-moutai up 10.0 limit", "catl down 20.0 limit"),
                row("台積電漲停。", "tsmc up 10.0 limit"),
                // zh-Hant
                row("台積電、聯發科依序上漲2%、3%。", "tsmc up 2.0 exact", "mediatek up 3.0 exact"),
                row("台積電、聯發科分別上漲2%、3%。", "tsmc up 2.0 exact", "mediatek up 3.0 exact"),
                row("台積電與聯發科皆漲2%。", "tsmc up 2.0 exact", "mediatek up 2.0 exact"),
                row("台積電、鴻海雙雙下跌1%。", "tsmc down 1.0 exact", "hon-hai down 1.0 exact"),
                row("台積電、聯發科均上漲2%。", "tsmc up 2.0 exact", "mediatek up 2.0 exact"),
                // en
                row(
                        "Apple and Microsoft rose 1.8% and 2.4%.",
                        "apple up 1.8 exact", "microsoft up 2.4 exact"),
                row(
                        "Apple and Microsoft rose 1.8% and 2.4%, respectively.",
                        "apple up 1.8 exact", "microsoft up 2.4 exact"),
                row(
                        "Apple and Microsoft both rose 2%.",
                        "apple up 2.0 exact", "microsoft up 2.0 exact"),
                row(
                        "Apple, Microsoft and Nvidia all fell 3%.",
                        "apple down 3.0 exact",
                        "microsoft down 3.0 exact",
                        "nvidia down 3.0 exact"),
                row(
                        "All three of Apple, Microsoft and Nvidia fell 3%.",
                        "apple down 3.0 exact",
                        "microsoft down 3.0 exact",
                        "nvidia down 3.0 exact"),
                row(
                        "Apple and Microsoft fell more than 2%.",
                        "apple down 2.0 over", "microsoft down 2.0 over"),
                // ar
                row(
                        "ارتفع سهما أرامكو وسابك 2% و3% على التوالي.",
                        "saudi-aramco up 2.0 exact", "sabic up 3.0 exact"),
                row(
                        "ارتفع سهما أرامكو وسابك 2% و3%.",
                        "saudi-aramco up 2.0 exact", "sabic up 3.0 exact"),
                row(
                        "تراجعت أسهم أرامكو وسابك ومعادن بنسب 1% و2% و3% على التوالي.",
                        "saudi-aramco down 1.0 exact",
                        "sabic down 2.0 exact",
                        "maaden down 3.0 exact"),
                row(
                        "ارتفع سهما أرامكو وسابك 2%.",
                        "saudi-aramco up 2.0 exact", "sabic up 2.0 exact"),
                row(
                        "وصعد سهما أرامكو وسابك كلاهما بنسبة 2%.",
                        "saudi-aramco up 2.0 exact", "sabic up 2.0 exact"),
                row(
                        "تراجع سهما معادن وسابك بنحو 3% كلاهما.",
                        "maaden down 3.0 about", "sabic down 3.0 about"),
                // one unit after the last figure of a list; a range is no list
                row("腾讯、阿里巴巴分别上涨1.5和2.1%。", "tencent up 1.5 exact", "alibaba up 2.1 exact"),
                row(
                        "Nvidia and Microsoft rose 1.5 and 2.1 percent, respectively.",
                        "nvidia up 1.5 exact",
                        "microsoft up 2.1 exact"),
                row(
                        "صعد سهما معادن وسابك 0.8 و1.6 في المئة على التوالي.",
                        "maaden up 0.8 exact",
                        "sabic up 1.6 exact"),
                row("Apple rose between 2 and 3%.", "apple up 3.0 exact"),
                row("Apple shares rose 3% in 2024 and 5% in 2025.", "apple up 3.0 exact"),
                row("ارتفع سهم معادن بين 2 و3%.", "maaden up 3.0 exact"),
                // ar: long names between the verb and the figures
                row(
                        "صعد سهما البنك الأهلي السعودي ومصرف الراجحي 1.2% و0.8% على التوالي.",
                        "saudi-national-bank up 1.2 exact", "al-rajhi-bank up 0.8 exact"),
                row(
                        "هبطت مؤشرات داو جونز وستاندرد آند بورز 500 وناسداك 1.1% و1.4% و2% على التوالي.",
                        "index.dow-jones down 1.1 exact",
                        "index.sp500 down 1.4 exact",
                        "index.nasdaq-composite down 2.0 exact"));
    }

    /**
     * A wrap that leaves the verb out after its first move ("BP fell 2%, Shell 1%", و+name chains):
     * each following name and figure joined by a list separator takes the first move's direction.
     */
    static Stream<Arguments> elided() {
        return Stream.of(
                // zh-Hans, zh-Hant
                row("腾讯涨2%，阿里巴巴3%。", "tencent up 2.0 exact", "alibaba up 3.0 exact"),
                row("台積電上漲2%，聯發科3%。", "tsmc up 2.0 exact", "mediatek up 3.0 exact"),
                row("腾讯涨2%，阿里巴巴持股3%。", "tencent up 2.0 exact"),
                // en
                row(
                        "Shell fell 1.2%, BP 0.8% and TotalEnergies 2%.",
                        "shell down 1.2 exact",
                        "bp down 0.8 exact",
                        "totalenergies down 2.0 exact"),
                row("Nvidia rose 3%, Apple's weight 7%.", "nvidia up 3.0 exact"),
                row("Nvidia rose 3% and Apple 30% of the index.", "nvidia up 3.0 exact"),
                // ar
                row(
                        "تراجع سهم سابك 1.5% وسهم معادن 2.1% وسهم أرامكو 0.4%.",
                        "sabic down 1.5 exact",
                        "maaden down 2.1 exact",
                        "saudi-aramco down 0.4 exact"),
                row(
                        "صعد مؤشر تاسي 0.9%، بدعم من ارتفاع الراجحي 2% وأكوا باور 3.5%.",
                        "index.tasi up 0.9 exact",
                        "al-rajhi-bank up 2.0 exact",
                        "acwa-power up 3.5 exact"),
                row("ارتفع سهم سابك 2%، وأرامكو 70% من السوق.", "sabic up 2.0 exact"),
                row("ارتفع سهم سابك 2%، فيما بلغت حصة أرامكو فيها 70%.", "sabic up 2.0 exact"));
    }

    /** Verbs, units and qualifiers of wire copy. */
    static Stream<Arguments> grammar() {
        return Stream.of(
                // zh-Hans
                row("腾讯升2%。", "tencent up 2.0 exact"),
                row("腾讯收升1.5%。", "tencent up 1.5 exact"),
                row("腾讯收涨2%。", "tencent up 2.0 exact"),
                row("腾讯收跌2%。", "tencent down 2.0 exact"),
                row("腾讯收挫3%。", "tencent down 3.0 exact"),
                row("腾讯涨２．５％。", "tencent up 2.5 exact"),
                row("恒指跌120点，或0.45%。", "index.hang-seng down 0.45 exact"),
                row("腾讯盘后涨2%。", "tencent up 2.0 exact"),
                row("腾讯盘中一度涨5%，收盘涨2%。", "tencent up 5.0 up_to", "tencent up 2.0 exact"),
                row("美联储宣布升息0.25%，腾讯跌1%。", "tencent down 1.0 exact"),
                // zh-Hant
                row("騰訊收漲2%。", "tencent up 2.0 exact"),
                row("騰訊收挫3%。", "tencent down 3.0 exact"),
                row("台積電漲２％。", "tsmc up 2.0 exact"),
                row("台積電盤中一度上漲5%。", "tsmc up 5.0 up_to"),
                row("鴻海收盤大漲8%，接近漲停。", "hon-hai up 8.0 exact"),
                row("加權指數跌120點，或0.45%。", "index.taiex down 0.45 exact"),
                // en
                row(
                        "The Dow fell 120 points, or 0.45 percent, to 26,500.",
                        "index.dow-jones down 0.45 exact"),
                row(
                        "The Nasdaq was down 85 points, or 0.6%, in afternoon trade.",
                        "index.nasdaq-composite down 0.6 exact"),
                row("Apple rose 2% to a record.", "apple up 2.0 exact"),
                row("Apple fell 2%, extending losses to 10% this week.", "apple down 2.0 exact"),
                row("Apple closed up 2%.", "apple up 2.0 exact"),
                row("Apple rose 3% in after-hours trading.", "apple up 3.0 exact"),
                row("Apple fell as much as 5% intraday.", "apple down 5.0 up_to"),
                row("Apple shares jumped 4% in premarket trading.", "apple up 4.0 exact"),
                // ar
                row("ارتفع سهم أرامكو بنسبة 14.03 بالمئة.", "saudi-aramco up 14.03 exact"),
                row("ارتفع سهم أرامكو بنسبة 14.03 في المئة.", "saudi-aramco up 14.03 exact"),
                row("أغلق سهم أرامكو بارتفاع نسبته 2.5%.", "saudi-aramco up 2.5 exact"),
                row("تراجع سهم أرامكو بنسبة تقارب 10%.", "saudi-aramco down 10.0 nearly"),
                row("ارتفع سهم أرامكو ٢٫٥٪.", "saudi-aramco up 2.5 exact"),
                row("أغلق سهم أرامكو مرتفعا 1.5%.", "saudi-aramco up 1.5 exact"),
                row("تراجع مؤشر تاسي 120 نقطة أو 1.1%.", "index.tasi down 1.1 exact"),
                row(
                        "وارتفع سهم أرامكو 2% وتراجع سهم سابك 3%.",
                        "saudi-aramco up 2.0 exact", "sabic down 3.0 exact"),
                row(
                        "انخفض سهم بنك الإمارات دبي الوطني بنحو 2.3% في التعاملات.",
                        "emirates-nbd down 2.3 about"),
                row("زاد سهم معادن 1.7% في مستهل التعاملات.", "maaden up 1.7 exact"),
                row("فقد سهم سابك 2.4%.", "sabic down 2.4 exact"),
                row("كسب مؤشر تاسي 0.6%.", "index.tasi up 0.6 exact"),
                row(
                        "خسر مؤشر تاسي في جلسة متقلبة 150 نقطة بما نسبته 1.3%.",
                        "index.tasi down 1.3 exact"),
                row("صعد سهم أكوا باور إلى الحد الأعلى المسموح به.", "acwa-power up 10.0 limit"),
                row("تراجع سهم معادن بالحد الأدنى اليومي.", "maaden down 10.0 limit"),
                row("ارتفع سهم أرامكو 1% ولم يصل إلى الحد الأعلى.", "saudi-aramco up 1.0 exact"),
                row("اقترب سهم معادن من الحد الأعلى اليومي."),
                row("رفعت هيئة السوق المالية الحد الأعلى لملكية الأجانب في أرامكو إلى 49%."),
                row("زاد إنتاج أرامكو من النفط 3% في مارس."),
                row("انخفضت تسليمات سيارات BYD بنسبة 6%."),
                row("ارتفعت حصة البنك الأهلي السعودي في شركة الاتصالات السعودية 2%."),
                row("ارتفعت أرباح مجموعة الدكتور سليمان الحبيب بنسبة 12%."));
    }

    /**
     * Subjects: a name the knowledge base does not know keeps its move (unresolved) instead of
     * giving it to the nearest known name; a known name gets it; without a subject the nearest
     * known name before the figure still does.
     */
    static Stream<Arguments> subjects() {
        return Stream.of(
                // zh-Hans
                row("澜舟科技涨5%。", "?澜舟科技 up 5.0 exact"),
                row("腾讯跌2%，澜舟科技涨5%。", "tencent down 2.0 exact", "?澜舟科技 up 5.0 exact"),
                row("腾讯跌2%，宏晶涨5%。", "tencent down 2.0 exact", "?宏晶 up 5.0 exact"),
                row("澜舟科技涨停。", "?澜舟科技 up - limit"),
                row("腾讯跌2%，随后反弹1%。", "tencent down 2.0 exact", "tencent up 1.0 exact"),
                row("腾讯跌2%，阿里巴巴涨5%。", "tencent down 2.0 exact", "alibaba up 5.0 exact"),
                row("腾讯跌2%，该公司股价此前涨5%。", "tencent down 2.0 exact", "tencent up 5.0 exact"),
                // zh-Hant
                row("瀾舟科技上漲5%。", "?瀾舟科技 up 5.0 exact"),
                row("台積電下跌2%，瀾舟科技上漲5%。", "tsmc down 2.0 exact", "?瀾舟科技 up 5.0 exact"),
                row("台積電下跌2%，隨後反彈1%。", "tsmc down 2.0 exact", "tsmc up 1.0 exact"),
                // zh-Hant: time and session words before the verb are no subject
                row("華碩盤中一度漲停，終場上漲4.1%。", "asus up 10.0 limit", "asus up 4.1 exact"),
                row("聯發科早段一度升2%，收市升0.8%。", "mediatek up 2.0 up_to", "mediatek up 0.8 exact"),
                row("騰訊控股收市前急跌，全日跌3.5%。", "tencent down 3.5 exact"),
                row("中華電終盤下跌0.3%。", "chunghwa-telecom down 0.3 exact"),
                // en
                row("Lumora Systems rose 5%.", "?Lumora Systems up 5.0 exact"),
                row(
                        "Apple fell 2%, while Lumora Systems rose 5%.",
                        "apple down 2.0 exact", "?Lumora Systems up 5.0 exact"),
                row(
                        "Apple fell 2%, while Lumora Systems shares were up 5%.",
                        "apple down 2.0 exact", "?Lumora Systems up 5.0 exact"),
                row(
                        "Apple fell 2%, while Microsoft rose 5%.",
                        "apple down 2.0 exact", "microsoft up 5.0 exact"),
                row(
                        "Apple fell 2% and then rebounded 1%.",
                        "apple down 2.0 exact", "apple up 1.0 exact"),
                row("Apple fell 2%. On Tuesday the stock rose 1%.", "apple down 2.0 exact"),
                row("Shares rose 3% after Apple's results."),
                row(
                        "The Taiwan dollar, which is pegged to the U.S. dollar, has risen 12 pct.",
                        "asset.twd up 12.0 exact"),
                row("Apple, whose supplier is Nvidia, rose 2%.", "apple up 2.0 exact"),
                // ar
                row(
                        "ارتفع سهم أرامكو 2%، وتراجع سهم شركة الوفاق 3%.",
                        "saudi-aramco up 2.0 exact", "?الوفاق down 3.0 exact"),
                row("تراجع سهم شركة الوفاق للتطوير 3%.", "?الوفاق للتطوير down 3.0 exact"),
                row(
                        "ارتفع سهم أرامكو 2%، وتراجع السهم 1%.",
                        "saudi-aramco up 2.0 exact", "saudi-aramco down 1.0 exact"),
                row(
                        "ارتفع سهم أرامكو 2%، وتراجع سهم سابك 1%.",
                        "saudi-aramco up 2.0 exact", "sabic down 1.0 exact"),
                row(
                        "الدولار التايواني، الذي يرتبط بالدولار الأمريكي، ارتفع 12%.",
                        "asset.twd up 12.0 exact"),
                row(
                        "تراجع سهم أرامكو 1%، فيما ارتفع مؤشر سوق الخليج الناشئة 0.4%.",
                        "saudi-aramco down 1.0 exact", "?سوق الخليج الناشئة up 0.4 exact"),
                row("ارتفع مؤشر مديري المشتريات 2%."),
                // ar: a full name after شركة that goes on past a known name is another company
                row(
                        "صعد سهم شركة النخيل للصناعات الغذائية 6%.",
                        "?النخيل للصناعات الغذائية up 6.0 exact"),
                row("هبط سهم شركة رمال الخليج 3%.", "?رمال الخليج down 3.0 exact"),
                row("تراجع سهم شركة أرامكو السعودية 0.7%.", "saudi-aramco down 0.7 exact"),
                row("ارتفع سهم شركة الاتصالات السعودية 1.2%.", "stc up 1.2 exact"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"lists", "elided", "grammar", "subjects"})
    void readsEveryMove(String text, String[] expected) {
        DocumentAnalysis a = analyzer.analyze(text);
        List<MarketMove> all = new ArrayList<>(a.moves());
        all.addAll(a.unresolvedMoves());
        all.sort(Comparator.comparingInt(MarketMove::start));
        assertThat(all)
                .extracting(MoveFormsGoldenTest::describe)
                .as(text)
                .containsExactly(expected);
        for (MarketMove m : a.unresolvedMoves()) {
            assertThat(text.substring(m.subject().start(), m.subject().end()))
                    .isEqualTo(m.subject().text());
        }
    }

    static String describe(MarketMove m) {
        String who = m.unresolved() ? "?" + m.subject().text() : m.entityId();
        String percent = m.percent() == null ? "-" : String.valueOf(m.percent());
        return String.join(
                " ",
                who,
                m.direction().json(),
                percent,
                m.qualifier() == null ? "exact" : m.qualifier());
    }

    private static Arguments row(String text, String... expected) {
        return arguments(text, expected);
    }
}
