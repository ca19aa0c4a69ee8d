package io.newspulse.common.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Sectors of real-style market wraps, shipped knowledge base: the sectors the text names, in each
 * language, and no sectors of companies the wrap mentions only in passing ({@link SectorCounter}).
 * The wraps were written for these tests.
 */
class GoldenSectorsTest {
    private final DocumentAnalyzer analyzer = ShippedAnalyzer.get();

    @Test
    void english() {
        DocumentAnalysis airlines =
                analyzer.analyze(
                        "Airline stocks climb as oil slides",
                        "Airlines rallied on Wednesday as crude prices fell for a third day. Delta"
                                + " Air Lines rose 4.1% and United Airlines gained 5.3%, while"
                                + " American Airlines added 3.8%. Aircraft makers were mixed:"
                                + " Boeing slipped 0.6% and Airbus rose 1.1% in Paris. Elsewhere,"
                                + " Tesla fell 2% after a recall and Apple was flat. Telecoms"
                                + " lagged, with Verizon down 1.2%.",
                        "en");
        assertThat(named(airlines)).contains("airlines", "aerospace", "telecom_services");
        assertThat(slugs(airlines))
                .doesNotContain(
                        "new_energy_vehicles",
                        "autonomous_driving",
                        "robotics",
                        "consumer_electronics",
                        "defense",
                        "high_dividend");
        // two names of the sector, Delta and United (American Airlines is a generated listing
        // entity, which carries no sector)
        assertThat(sector(airlines, "airlines").orElseThrow().count()).isEqualTo(4);

        DocumentAnalysis financials =
                analyzer.analyze(
                        "Wall Street ends higher; financials lead",
                        "U.S. stocks closed higher on Friday, led by financials after strong bank"
                                + " earnings. JPMorgan Chase rose 2.4% and Goldman Sachs gained"
                                + " 3.1%. Real estate shares also advanced as Treasury yields"
                                + " eased, while energy lagged with Exxon Mobil down 1%. Nvidia"
                                + " rose 1.5%.",
                        "en");
        assertThat(named(financials)).contains("financials", "real_estate");
        assertThat(slugs(financials)).doesNotContain("ai_chips", "computing_power", "oil_gas");
    }

    @Test
    void aCompanyTheArticleIsAboutStillGivesItsSectors() {
        DocumentAnalysis tesla =
                analyzer.analyze(
                        "Tesla recalls 46,000 Cybertrucks",
                        "Tesla is recalling 46,000 Cybertrucks to fix a panel that can come"
                                + " loose, the carmaker said on Thursday.",
                        "en");
        assertThat(derived(tesla)).contains("new_energy_vehicles", "autonomous_driving");

        DocumentAnalysis carmakers =
                analyzer.analyze(
                        null,
                        "U.S. stocks were mixed. Ford fell 2.1% and General Motors lost 3.4% after"
                                + " the tariff announcement, while Apple rose 0.9%, Nvidia gained"
                                + " 1.2% and Exxon Mobil slipped 0.4%.",
                        "en");
        assertThat(derived(carmakers)).contains("autos").doesNotContain("new_energy_vehicles");
        assertThat(slugs(carmakers)).doesNotContain("consumer_electronics", "oil_gas");
    }

    @Test
    void simplifiedChinese() {
        DocumentAnalysis a =
                analyzer.analyze(
                        "A股三大指数收涨 航空股走强",
                        "周三A股三大指数集体收涨，沪指涨0.8%。航空股全线走强，中国国航涨3.2%，东方航空涨2.9%，"
                                + "南方航空涨2.7%。地产股午后拉升，万科A涨4%。金融股表现平稳，招商银行微涨0.3%。"
                                + "防疫概念股再度活跃。此外，比亚迪跌1.1%，贵州茅台涨0.5%。电信股小幅回调，"
                                + "中国移动跌0.6%。飞机制造商方面，中航西飞涨1%。",
                        "zh-Hans");
        assertThat(named(a))
                .contains(
                        "airlines",
                        "real_estate",
                        "financials",
                        "epidemic_prevention",
                        "telecom_services",
                        "aerospace");
        assertThat(slugs(a))
                .doesNotContain(
                        "new_energy_vehicles", "autos", "batteries", "baijiu", "food_beverage");
    }

    @Test
    void traditionalChinese() {
        DocumentAnalysis hongKong =
                analyzer.analyze(
                        "港股收高 內房股急升",
                        "恒指周三收市升1.2%。內房股急升，碧桂園升8%，融創中國升6.5%。本地地產股亦造好，"
                                + "新鴻基地產升2.4%。電信股個別發展，中國移動升0.5%。航空股向好，國泰航空升2.5%。"
                                + "科技股中，騰訊升1.1%，小米集團跌0.8%。防疫概念股炒起。",
                        "zh-Hant");
        assertThat(named(hongKong))
                .contains("real_estate", "telecom_services", "airlines", "epidemic_prevention");
        assertThat(slugs(hongKong))
                .doesNotContain("gaming", "cloud_computing", "internet", "consumer_electronics");

        DocumentAnalysis taiwan =
                analyzer.analyze(
                        "台股收紅 航空類股、金融股走揚",
                        "加權指數收盤上漲1.3%。航空類股走揚，華航漲4.1%，長榮航漲3.6%。金融股同步走高，"
                                + "國泰金漲1.2%，富邦金漲1.5%。電子權值股台積電漲1.1%，鴻海則小跌0.3%。"
                                + "電信三雄表現持平，房地產股則走弱。",
                        "zh-Hant");
        assertThat(named(taiwan))
                .contains("airlines", "financials", "telecom_services", "real_estate");
        assertThat(slugs(taiwan)).doesNotContain("semiconductors", "servers");
    }

    @Test
    void arabic() {
        DocumentAnalysis a =
                analyzer.analyze(
                        "الأسهم السعودية ترتفع بدعم البنوك",
                        "ارتفع مؤشر السوق الرئيسية تاسي 0.7% عند الإغلاق بدعم من قطاع البنوك، إذ صعد سهم"
                                + " مصرف الراجحي 1.9% والبنك الأهلي السعودي 1.2%. كما ارتفعت أسهم قطاع"
                                + " الاتصالات، وصعد سهم الاتصالات السعودية 1%. وتراجعت أسهم العقارات، وهبط"
                                + " سهم دار الأركان 2%. وارتفعت أسهم شركات الطيران وشركات صناعة الطائرات"
                                + " عالميا، كما صعدت أسهم القطاع المالي. وانخفض سهم أرامكو 0.3%.",
                        "ar");
        assertThat(named(a))
                .contains(
                        "banks",
                        "telecom_services",
                        "real_estate",
                        "airlines",
                        "aerospace",
                        "financials");
        assertThat(slugs(a)).doesNotContain("oil_gas", "chemicals", "high_dividend");
    }

    private static List<String> slugs(DocumentAnalysis a) {
        return a.sectors().stream().map(s -> s.id().substring("sector.".length())).toList();
    }

    private static List<String> named(DocumentAnalysis a) {
        return a.sectors().stream()
                .filter(s -> !s.derived())
                .map(s -> s.id().substring("sector.".length()))
                .toList();
    }

    private static List<String> derived(DocumentAnalysis a) {
        return a.sectors().stream()
                .filter(SectorCount::derived)
                .map(s -> s.id().substring("sector.".length()))
                .toList();
    }

    private static Optional<SectorCount> sector(DocumentAnalysis a, String slug) {
        return a.sectors().stream().filter(s -> s.id().equals("sector." + slug)).findFirst();
    }
}
