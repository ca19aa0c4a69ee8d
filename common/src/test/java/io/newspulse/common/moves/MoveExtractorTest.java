package io.newspulse.common.moves;

import static io.newspulse.common.moves.TestTexts.folded;
import static io.newspulse.common.moves.TestTexts.mentions;
import static io.newspulse.common.moves.TestTexts.normalized;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.newspulse.common.moves.MarketMove.Kind;
import io.newspulse.common.text.NormalizedText;
import io.newspulse.common.text.WorkMeter;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table-driven tests of {@link MoveExtractor} over short multilingual snippets written for these
 * tests. Each row: the text, the entities as {@code id=name}, and the expected moves as {@code "id
 * direction percent% qualifier"} or {@code "id cap direction amount currency qualifier"}.
 */
class MoveExtractorTest {
    private static final MoveExtractor EXTRACTOR = MoveExtractor.fromClasspath();

    static Stream<Arguments> chinese() {
        return Stream.of(
                row("甲骨文盘后一度跌超7%。", ids("oracle=甲骨文"), "oracle down 7.0% over"),
                row(
                        "腾讯一度跌超5%;苹果跌近2%",
                        ids("tencent=腾讯", "apple=苹果"),
                        "tencent down 5.0% over",
                        "apple down 2.0% nearly"),
                row("英伟达周五收涨3.2%，报142美元。", ids("nvidia=英伟达"), "nvidia up 3.2% exact"),
                row(
                        "沪指涨0.42%，创业板指跌1.5%。",
                        ids("sse=沪指", "chinext=创业板指"),
                        "sse up 0.42% exact",
                        "chinext down 1.5% exact"),
                row("宁德时代午后大涨6.3%", ids("catl=宁德时代"), "catl up 6.3% exact"),
                row("比亚迪股价下跌2.5%", ids("byd=比亚迪"), "byd down 2.5% exact"),
                row("小米盘中涨幅超过8%", ids("xiaomi=小米"), "xiaomi up 8.0% over"),
                row("中芯国际跌幅达4.1%", ids("smic=中芯国际"), "smic down 4.1% exact"),
                row("美团收跌3%左右", ids("meituan=美团"), "meituan down 3.0% about"),
                row("阿里巴巴港股涨约4%", ids("alibaba=阿里巴巴"), "alibaba up 4.0% about"),
                row("京东跌逾6%", ids("jd=京东"), "jd down 6.0% over"),
                row("理想汽车暴涨12%", ids("li-auto=理想汽车"), "li-auto up 12.0% exact"),
                row("蔚来重挫9.8%", ids("nio=蔚来"), "nio down 9.8% exact"),
                row("恒指回落0.7%", ids("hsi=恒指"), "hsi down 0.7% exact"),
                row("百度飙升11%", ids("baidu=百度"), "baidu up 11.0% exact"),
                row("网易走高2%", ids("netease=网易"), "netease up 2.0% exact"),
                row("寒武纪今日涨停。", ids("cambricon=寒武纪"), "cambricon up limit"),
                row("某券商称中芯国际早盘跌停", ids("smic=中芯国际"), "smic down limit"),
                row("中芯国际未涨停", ids("smic=中芯国际")),
                row(
                        "高通、英特尔、联发科单日分别下跌4.2%、3.1%、2.5%。",
                        ids("qualcomm=高通", "intel=英特尔", "mediatek=联发科"),
                        "qualcomm down 4.2% exact",
                        "intel down 3.1% exact",
                        "mediatek down 2.5% exact"),
                row(
                        "苹果和微软分别上涨1.8%和2.4%",
                        ids("apple=苹果", "microsoft=微软"),
                        "apple up 1.8% exact",
                        "microsoft up 2.4% exact"));
    }

    static Stream<Arguments> marketCap() {
        return Stream.of(
                row("英伟达市值蒸发1200亿美元", ids("nvidia=英伟达"), "nvidia cap down 1.2E11 USD exact"),
                row("贵州茅台市值增加500亿元", ids("moutai=贵州茅台"), "moutai cap up 5.0E10 CNY exact"),
                row("腾讯市值一夜蒸发近3000亿港元", ids("tencent=腾讯"), "tencent cap down 3.0E11 HKD nearly"),
                row("微软市值单日暴增1.2万亿美元", ids("microsoft=微软"), "microsoft cap up 1.2E12 USD exact"),
                row("某小盘股市值大增3000万元", ids("smallco=小盘股"), "smallco cap up 3.0E7 CNY exact"),
                row(
                        "The selloff wiped $200 billion off Nvidia's market value.",
                        ids("nvidia=Nvidia"),
                        "nvidia cap down 2.0E11 USD exact"),
                row(
                        "Apple added $150 billion in market value on Friday.",
                        ids("apple=Apple"),
                        "apple cap up 1.5E11 USD exact"),
                row(
                        "Meta lost more than $100 billion in market value.",
                        ids("meta=Meta"),
                        "meta cap down 1.0E11 USD over"),
                row(
                        "خسرت أرامكو نحو 30 مليار دولار من قيمتها السوقية.",
                        ids("aramco=أرامكو"),
                        "aramco cap down 3.0E10 USD about"),
                // A level, not a change.
                row("微软市值达到3万亿美元", ids("microsoft=微软")));
    }

    static Stream<Arguments> english() {
        return Stream.of(
                row(
                        "Nvidia shares fell 3.5% on Tuesday.",
                        ids("nvidia=Nvidia"), "nvidia down 3.5% exact"),
                row(
                        "AMD rose as much as 7% in early trading.",
                        ids("amd=AMD"), "amd up 7.0% up_to"),
                row(
                        "Tesla jumped more than 10% after the delivery report.",
                        ids("tesla=Tesla"), "tesla up 10.0% over"),
                row("Intel slumped nearly 4%.", ids("intel=Intel"), "intel down 4.0% nearly"),
                row(
                        "Apple shares were down 2.1% at midday.",
                        ids("apple=Apple"), "apple down 2.1% exact"),
                row(
                        "Microsoft gained about 1%.",
                        ids("microsoft=Microsoft"), "microsoft up 1.0% about"),
                row(
                        "Alphabet was up 5.2% before the bell.",
                        ids("alphabet=Alphabet"), "alphabet up 5.2% exact"),
                row("Boeing declined 0.8 percent.", ids("boeing=Boeing"), "boeing down 0.8% exact"),
                row("BP dropped 12 per cent in London.", ids("bp=BP"), "bp down 12.0% exact"),
                row("Oracle closed 3% higher.", ids("oracle=Oracle"), "oracle up 3.0% exact"),
                row(
                        "Chipmakers slid, led by Micron (-3.4%) and Qualcomm (-2.2%).",
                        ids("micron=Micron", "qualcomm=Qualcomm"),
                        "micron down 3.4% exact",
                        "qualcomm down 2.2% exact"),
                row(
                        "In premarket trading NVDA +2.3%, AMD −1.1%.",
                        ids("nvidia=NVDA", "amd=AMD"),
                        "nvidia up 2.3% exact",
                        "amd down 1.1% exact"),
                row("Apple Inc. rose 2% on Monday.", ids("apple=Apple Inc"), "apple up 2.0% exact"),
                row(
                        "Qualcomm, Intel and MediaTek fell 4.2%, 3.1% and 2.5%, respectively.",
                        ids("qualcomm=Qualcomm", "intel=Intel", "mediatek=MediaTek"),
                        "qualcomm down 4.2% exact",
                        "intel down 3.1% exact",
                        "mediatek down 2.5% exact"),
                row(
                        "Apple fell 2%, dragging the index down 1%.",
                        ids("apple=Apple"), "apple down 2.0% exact"));
    }

    static Stream<Arguments> arabic() {
        return Stream.of(
                row(
                        "ارتفع سهم أرامكو 2.5%، وتراجع مؤشر تاسي بنسبة 1.2%.",
                        ids("aramco=أرامكو", "tasi=تاسي"),
                        "aramco up 2.5% exact",
                        "tasi down 1.2% exact"),
                row("انخفض سهم سابك بأكثر من 3%", ids("sabic=سابك"), "sabic down 3.0% over"),
                row("صعد سهم الراجحي بنحو 4%", ids("alrajhi=الراجحي"), "alrajhi up 4.0% about"),
                row("هبط سهم معادن 0.5 في المئة", ids("maaden=معادن"), "maaden down 0.5% exact"),
                row("قفز سهم أكوا باور قرابة 6%", ids("acwa=أكوا باور"), "acwa up 6.0% nearly"),
                row("ارتفع سهم سابك ٣٫٢٪ في التعاملات", ids("sabic=سابك"), "sabic up 3.2% exact"));
    }

    /** Figures that are not price moves of the mentioned entity. */
    static Stream<Arguments> traps() {
        return Stream.of(
                row("腾讯持有约5%的股份。", ids("tencent=腾讯")),
                row("Apple holds a 5% stake in the venture.", ids("apple=Apple")),
                row("Vanguard owns 7% of Apple.", ids("apple=Apple", "vanguard=Vanguard")),
                row("苹果在纳指中的权重上升2.1%", ids("apple=苹果")),
                row("Apple's index weighting rose 2%.", ids("apple=Apple")),
                row("沙特阿美的收入约占GDP的3%", ids("aramco=沙特阿美")),
                row("腾讯营收增长20%，净利润同比增长15%", ids("tencent=腾讯")),
                row("腾讯营收上涨20%", ids("tencent=腾讯")),
                row("Nvidia's revenue rose 12% in the quarter.", ids("nvidia=Nvidia")),
                row("Walmart said inflation rose 3% last year.", ids("walmart=Walmart")),
                row("Treasury yields rose 5 basis points, weighing on Apple.", ids("apple=Apple")),
                row("ارتفعت إيرادات أرامكو 5%", ids("aramco=أرامكو")),
                row("苹果发布新品，大盘跌0.5%", ids("apple=苹果")),
                // 道指 is no known name here: its move is unresolved, never Apple's.
                row("苹果发布新品。道指跌0.5%", ids("apple=苹果"), "?道指 down 0.5% exact"),
                row("苹果\n跌2%", ids("apple=苹果")),
                row("苹果提价5%", ids("apple=苹果")),
                row("Apple's yield rose to 5%.", ids("apple=Apple")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"chinese", "marketCap", "english", "arabic", "traps"})
    void extractsMoves(String text, String[] entities, String[] expected) {
        NormalizedText normalized = normalized(text);
        List<MarketMove> moves = EXTRACTOR.extract(normalized, mentions(normalized, entities));
        assertThat(moves).extracting(MoveExtractorTest::describe).containsExactly(expected);
        for (MarketMove move : moves) {
            assertThat(text.substring(move.start(), move.end())).isEqualTo(move.text());
        }
    }

    @Test
    void reportsOriginalOffsetsOfTheMovePhrase() {
        String text = "腾讯一度跌超5%;苹果跌近2%";
        NormalizedText normalized = normalized(text);
        List<MarketMove> moves =
                EXTRACTOR.extract(normalized, mentions(normalized, "tencent=腾讯", "apple=苹果"));

        assertThat(moves).extracting(MarketMove::text).containsExactly("一度跌超5%", "跌近2%");
        assertThat(moves.get(0).start()).isEqualTo(2);
        assertThat(moves.get(0).end()).isEqualTo(8);
        assertThat(moves.get(1).start()).isEqualTo(text.indexOf("跌近"));
        assertThat(moves.get(1).end()).isEqualTo(text.length());
    }

    @Test
    void mapsATraditionalRespectivelyListInOrder() {
        String original = "高通、英特爾、聯發科單日分別下跌4.2%、3.1%、2.5%。";
        String simplified = "高通、英特尔、联发科单日分别下跌4.2%、3.1%、2.5%。";
        NormalizedText text = folded(original, simplified);
        List<MarketMove> moves =
                EXTRACTOR.extract(text, mentions(text, "qualcomm=高通", "intel=英特尔", "mediatek=联发科"));

        assertThat(moves)
                .extracting(MoveExtractorTest::describe)
                .containsExactly(
                        "qualcomm down 4.2% exact",
                        "intel down 3.1% exact", "mediatek down 2.5% exact");
        assertThat(moves).extracting(MarketMove::text).containsExactly("4.2%", "3.1%", "2.5%");
        assertThat(moves.get(1).start()).isEqualTo(original.indexOf("3.1%"));
    }

    @Test
    void dropsARespectivelyListWithTooFewEntities() {
        NormalizedText text = normalized("高通、英特尔单日分别下跌4.2%、3.1%、2.5%。");
        assertThat(EXTRACTOR.extract(text, mentions(text, "qualcomm=高通", "intel=英特尔"))).isEmpty();
    }

    @Test
    void keepsOnlyTheFirstFigureOfAListWithoutRespectively() {
        NormalizedText text = normalized("苹果跌3%、5%");
        assertThat(EXTRACTOR.extract(text, mentions(text, "apple=苹果")))
                .extracting(MoveExtractorTest::describe)
                .containsExactly("apple down 3.0% exact");
    }

    @Test
    void marketCapMoveCarriesAmountAndNoPercent() {
        NormalizedText text = normalized("腾讯市值一夜蒸发近3000亿港元");
        MarketMove move = EXTRACTOR.extract(text, mentions(text, "tencent=腾讯")).get(0);

        assertThat(move.kind()).isEqualTo(Kind.MARKET_CAP);
        assertThat(move.percent()).isNull();
        assertThat(move.amount()).isEqualTo(3.0e11);
        assertThat(move.text()).isEqualTo("市值一夜蒸发近3000亿港元");
    }

    @Test
    void aMoveOfAnUnknownNameIsUnresolvedNotGivenToTheNearestEntity() {
        NormalizedText text = normalized("Apple fell 2%, while Lumora Systems rose 5%.");
        List<MarketMove> moves = EXTRACTOR.extract(text, mentions(text, "apple=Apple"));

        assertThat(moves)
                .extracting(MoveExtractorTest::describe)
                .containsExactly("apple down 2.0% exact", "?Lumora Systems up 5.0% exact");
        MarketMove unresolved = moves.get(1);
        assertThat(unresolved.entityId()).isNull();
        assertThat(unresolved.subject().start()).isEqualTo(text.original().indexOf("Lumora"));
        assertThat(unresolved.subject().end()).isEqualTo(text.original().indexOf(" rose"));
    }

    @Test
    void ordinaryWordsAreNoSubjects() {
        for (String sentence :
                List.of(
                        "Apple fell 2%. Shares rose 1% later.",
                        "Apple fell 2%. On Monday it rose 1%.",
                        "Apple fell 2%, and Wall Street rose 1%.",
                        "苹果跌2%，随后回升1%。",
                        "苹果跌2%，该公司股价涨1%。",
                        "苹果跌2%，银行股涨1%。",
                        "ارتفع سهم أبل 2%، وتراجع سهم الشركة 1%.")) {
            NormalizedText text = normalized(sentence);
            List<MarketMove> moves =
                    EXTRACTOR.extract(text, mentions(text, "apple=Apple", "apple=苹果", "apple=أبل"));
            assertThat(moves).as(sentence).noneMatch(MarketMove::unresolved);
        }
    }

    @Test
    void needsAMention() {
        NormalizedText text = normalized("Shares fell 3% on Tuesday.");
        assertThat(EXTRACTOR.extract(text, List.of())).isEmpty();
    }

    @Test
    void staysLinearOnLongAndRepetitiveInput() {
        long once = work(2000);
        long twice = work(4000);

        assertThat(twice).isLessThanOrEqualTo(2 * once + 1_000);
    }

    /** Work units of extracting the moves of {@code repeats} stretches of junk and dense moves. */
    private static long work(int repeats) {
        String junk = "1.1.1.1.1,2,3,4 涨涨涨跌跌 %%% 分别、、、 $ $ 亿亿 fell up down 市值 ".repeat(repeats);
        String dense = "苹果跌2%；Apple fell 3%, 4% and 5%. 市值蒸发1亿美元".repeat(repeats);
        NormalizedText text = normalized("苹果" + junk + dense);
        WorkMeter meter = WorkMeter.unlimited();
        List<MarketMove> moves =
                EXTRACTOR.extract(
                        text,
                        mentions(text, "apple=苹果", "apple=Apple"),
                        TextSegments.of(text),
                        meter);
        assertThat(moves).hasSizeGreaterThanOrEqualTo(repeats);
        return meter.used();
    }

    private static Arguments row(String text, String[] entities, String... expected) {
        return arguments(text, entities, expected);
    }

    private static String[] ids(String... idEqualsName) {
        return idEqualsName;
    }

    static String describe(MarketMove m) {
        String qualifier = m.qualifier() == null ? "exact" : m.qualifier();
        String direction = m.direction().json();
        if (m.unresolved()) {
            return String.join(
                    " ", "?" + m.subject().text(), direction, m.percent() + "%", qualifier);
        }
        if (m.kind() == Kind.MARKET_CAP) {
            return String.join(
                    " ",
                    m.entityId(),
                    "cap",
                    direction,
                    String.valueOf(m.amount()),
                    m.currency(),
                    qualifier);
        }
        if (m.percent() == null) {
            return String.join(" ", m.entityId(), direction, qualifier);
        }
        return String.join(" ", m.entityId(), direction, m.percent() + "%", qualifier);
    }
}
