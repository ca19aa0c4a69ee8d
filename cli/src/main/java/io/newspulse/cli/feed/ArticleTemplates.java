package io.newspulse.cli.feed;

import java.util.List;

/**
 * The article templates of the sample feed, written for it (no text taken from real news): market
 * wraps, sector rotation, AI deals, ETF and index notes in simplified Chinese; Hong Kong and Taiwan
 * stories in traditional Chinese; Saudi market stories in Arabic with Latin company names; English
 * wire copy with tickers. Entity names are knowledge-base aliases (config/entities).
 *
 * <p>Every figure is drawn from the {@link Dice}, so a seed fixes the text.
 */
final class ArticleTemplates {

    /**
     * An article before it gets an id and a time.
     *
     * @param twinTitle the title in traditional script when the story has a traditional twin, or
     *     null
     * @param twinBody the body of the traditional twin, or null
     */
    record Draft(
            FeedSource source,
            String title,
            String body,
            List<String> tags,
            String twinTitle,
            String twinBody) {

        Draft(FeedSource source, String title, String body, List<String> tags) {
            this(source, title, body, tags, null, null);
        }

        boolean hasTwin() {
            return twinTitle != null;
        }
    }

    /** A concept board and stocks that lead it. */
    private record Board(String name, List<String> stocks) {}

    private static final List<Board> GROWTH_BOARDS =
            List.of(
                    new Board("算力", List.of("浪潮信息", "中科曙光", "工业富联")),
                    new Board("光模块", List.of("中际旭创", "新易盛")),
                    new Board("AI芯片", List.of("海光信息", "中芯国际")),
                    new Board("存储芯片", List.of("兆易创新", "中芯国际")));

    private static final List<Board> DEFENSIVE_BOARDS =
            List.of(
                    new Board("白酒", List.of("贵州茅台", "五粮液", "泸州老窖")),
                    new Board("银行", List.of("招商银行", "工商银行", "建设银行")),
                    new Board("锂电池", List.of("宁德时代", "比亚迪")));

    private static final List<String> US_MOVERS_ZH = List.of("甲骨文", "特斯拉", "博通", "苹果");

    private static final List<String> ROTATION_COMMENTS =
            List.of(
                    "分析人士认为，短期资金更偏好业绩确定性较高的科技成长方向。",
                    "有机构指出，消费板块估值已处于历史低位，但短期缺乏催化。",
                    "市场情绪整体偏暖，但需关注成交量能否持续放大。");

    private static final List<String> AI_BUYERS_ZH = List.of("微软", "英伟达", "谷歌", "亚马逊");
    private static final List<String> AI_TARGETS = List.of("OpenAI", "Anthropic");

    /** English buyer name and how wire copy writes its ticker. */
    private record Party(String name, String ticker) {}

    private static final List<Party> AI_BUYERS_EN =
            List.of(
                    new Party("Microsoft", "(NASDAQ: MSFT)"),
                    new Party("Nvidia", "($NVDA)"),
                    new Party("Alphabet", "(NASDAQ: GOOGL)"),
                    new Party("Amazon", "(NASDAQ: AMZN)"));

    private static final List<String> LATIN_AI_NAMES =
            List.of("iFlytek", "SenseTime", "Alibaba Cloud");

    private static final List<String> WEEKDAYS =
            List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday");

    private final Dice dice;
    private final BurstScenario burst;

    ArticleTemplates(Dice dice, BurstScenario burst) {
        this.dice = dice;
        this.burst = burst;
    }

    /** A baseline article of any kind, the kinds weighted like a busy Asian trading day. */
    Draft baseline() {
        int roll = dice.between(0, 99);
        if (roll < 12) {
            return aShareWrap();
        } else if (roll < 20) {
            return usWrapZh();
        } else if (roll < 28) {
            return sectorRotation();
        } else if (roll < 34) {
            return aiDealZh();
        } else if (roll < 42) {
            return etfNote();
        } else if (roll < 50) {
            return twinStory();
        } else if (roll < 55) {
            return taiwanWrap();
        } else if (roll < 60) {
            return taiwanChips();
        } else if (roll < 65) {
            return hongKongWrap();
        } else if (roll < 70) {
            return nvidiaTaiwan();
        } else if (roll < 75) {
            return tasiWrap();
        } else if (roll < 80) {
            return saudiAiTalks();
        } else if (roll < 84) {
            return alRajhiEarnings();
        } else if (roll < 88) {
            return chipsEn();
        } else if (roll < 92) {
            return aiDealEn();
        } else if (roll < 96) {
            return aramcoEn();
        }
        return azureEn();
    }

    // ------------------------------------------------------------------ simplified Chinese

    private static String zh(boolean up) {
        return up ? "涨" : "跌";
    }

    /** "涨0.42" or "跌0.42": a signed figure as Chinese market copy writes it. */
    private String zhMove(double lo, double hi) {
        return zh(dice.chance(0.55)) + dice.two(lo, hi);
    }

    private Draft aShareWrap() {
        boolean up = dice.chance(0.55);
        String index = zh(up) + dice.two(0.05, 1.2);
        Board lead = dice.pick(GROWTH_BOARDS);
        Board lag = dice.pick(DEFENSIVE_BOARDS);
        List<String> leaders = dice.pickTwo(lead.stocks());
        List<String> laggards = dice.pickTwo(lag.stocks());
        String title =
                switch (dice.between(0, 2)) {
                    case 0 -> "A股收评：沪指" + index + "%，" + lead.name() + "板块领涨";
                    case 1 -> "收评：沪指" + index + "%，" + lead.name() + "走强、" + lag.name() + "回调";
                    default -> "A股午评：三大指数涨跌互现，" + lead.name() + "概念活跃";
                };
        String body =
                "截至收盘，沪指"
                        + index
                        + "%报"
                        + dice.two(3050, 3450)
                        + "点，深证成指"
                        + zhMove(0.1, 1.5)
                        + "%，创业板指"
                        + zhMove(0.1, 2.2)
                        + "%。沪深两市成交额"
                        + dice.two(0.9, 1.8)
                        + "万亿元，较上一交易日"
                        + (dice.chance(0.5) ? "放量" : "缩量")
                        + dice.between(120, 1500)
                        + "亿元。盘面上，"
                        + lead.name()
                        + "板块涨幅居前，"
                        + leaders.get(0)
                        + "涨"
                        + dice.one(2, 4.8)
                        + "%，"
                        + leaders.get(1)
                        + "涨"
                        + dice.one(1, 4.5)
                        + "%；"
                        + lag.name()
                        + "板块走弱，"
                        + laggards.get(0)
                        + "跌"
                        + dice.one(0.5, 2.5)
                        + "%，"
                        + laggards.get(1)
                        + "跌"
                        + dice.one(0.3, 2.0)
                        + "%。个股方面，全市场超"
                        + dice.between(1500, 4200)
                        + "只个股"
                        + zh(up)
                        + "。";
        return new Draft(
                dice.pick(List.of(FeedSource.CN_WIRE, FeedSource.CN_PORTAL)),
                title,
                body,
                List.of("A股", "收评"));
    }

    private Draft usWrapZh() {
        boolean up = dice.chance(0.45);
        String mover = otherThanBurst(US_MOVERS_ZH);
        int peak = dice.between(5, 8);
        String title =
                "美股收盘：纳指"
                        + zh(up)
                        + dice.two(0.2, 2.0)
                        + "%，"
                        + mover
                        + "一度"
                        + zh(up)
                        + "超"
                        + peak
                        + "%";
        String body =
                "隔夜美股三大指数"
                        + (up ? "集体收涨" : "集体收跌")
                        + "，道指"
                        + zh(up)
                        + dice.two(0.1, 1.2)
                        + "%，纳指"
                        + zh(up)
                        + dice.two(0.2, 2.0)
                        + "%，标普500指数"
                        + zh(up)
                        + dice.two(0.1, 1.5)
                        + "%。大型科技股中，"
                        + mover
                        + "一度"
                        + zh(up)
                        + "超"
                        + peak
                        + "%，收"
                        + zh(up)
                        + dice.one(peak - 2.5, peak - 0.2)
                        + "%；英伟达"
                        + zhMove(0.2, 3.0)
                        + "%，微软"
                        + zhMove(0.1, 2.0)
                        + "%。芯片股方面，高通、英特尔、AMD分别"
                        + (up ? "上涨" : "下跌")
                        + dice.one(1, 4.5)
                        + "%、"
                        + dice.one(1, 4)
                        + "%、"
                        + dice.one(0.5, 3.5)
                        + "%，费城半导体指数"
                        + zh(up)
                        + dice.two(0.5, 3.0)
                        + "%。";
        return new Draft(
                dice.pick(List.of(FeedSource.CN_WIRE, FeedSource.CN_PORTAL)),
                title,
                body,
                List.of("美股"));
    }

    private Draft sectorRotation() {
        List<Board> leads = dice.pickTwo(GROWTH_BOARDS);
        List<Board> lags = dice.pickTwo(DEFENSIVE_BOARDS);
        String title =
                "资金高低切换："
                        + leads.get(0).name()
                        + "、"
                        + leads.get(1).name()
                        + "走强，"
                        + lags.get(0).name()
                        + "、"
                        + lags.get(1).name()
                        + "回调";
        String body =
                "今日市场风格切换明显，"
                        + leads.get(0).name()
                        + "、"
                        + leads.get(1).name()
                        + "板块午后拉升，"
                        + dice.pick(leads.get(0).stocks())
                        + "涨超"
                        + dice.between(2, 4)
                        + "%，"
                        + dice.pick(leads.get(1).stocks())
                        + "涨"
                        + dice.one(1, 4.5)
                        + "%。"
                        + lags.get(0).name()
                        + "、"
                        + lags.get(1).name()
                        + "等权重板块则持续走弱，"
                        + dice.pick(lags.get(0).stocks())
                        + "跌"
                        + dice.one(0.5, 3)
                        + "%。数据显示，主力资金净流入电子、通信行业分别"
                        + dice.one(10, 80)
                        + "亿元、"
                        + dice.one(5, 40)
                        + "亿元，净流出食品饮料、银行行业"
                        + dice.one(5, 50)
                        + "亿元、"
                        + dice.one(3, 30)
                        + "亿元。"
                        + dice.pick(ROTATION_COMMENTS);
        return new Draft(
                dice.pick(List.of(FeedSource.CN_PORTAL, FeedSource.CN_RESEARCH)),
                title,
                body,
                List.of("板块", "资金流向"));
    }

    private Draft aiDealZh() {
        String buyer = dice.pick(AI_BUYERS_ZH);
        String target = dice.pick(AI_TARGETS);
        int amount = dice.between(20, 400);
        String title =
                switch (dice.between(0, 2)) {
                    case 0 -> buyer + "拟向" + target + "追加投资" + amount + "亿美元";
                    case 1 ->
                            target + "获" + buyer + "领投新一轮融资，估值" + dice.between(1500, 5000) + "亿美元";
                    default -> target + "与" + buyer + "签署" + amount + "亿美元算力协议";
                };
        String body =
                "据知情人士透露，"
                        + buyer
                        + "正与"
                        + target
                        + "敲定新一轮合作，涉及金额约"
                        + amount
                        + "亿美元，资金将主要用于数据中心建设与算力采购。"
                        + target
                        + "此前已与甲骨文、微软等公司签署多项云计算协议，"
                        + dice.pick(List.of("未来数年的算力需求仍在快速增长", "其模型训练规模每年成倍扩大", "企业客户数量较年初明显增加"))
                        + "。受消息影响，英伟达盘前涨"
                        + dice.one(0.5, 3.5)
                        + "%，光模块龙头中际旭创"
                        + zhMove(0.5, 4.0)
                        + "%。";
        return new Draft(FeedSource.CN_WIRE, title, body, List.of("人工智能", "融资"));
    }

    private Draft etfNote() {
        int which = dice.between(0, 2);
        String etf = List.of("科创50ETF", "创业板ETF", "沪深300ETF").get(which);
        String code = List.of("588000", "159915", "510330").get(which);
        List<String> holdings =
                List.of(
                                List.of("中芯国际", "海光信息", "寒武纪"),
                                List.of("宁德时代", "中际旭创", "新易盛"),
                                List.of("贵州茅台", "招商银行", "宁德时代"))
                        .get(which);
        List<String> two = dice.pickTwo(holdings);
        String move = zhMove(0.3, 2.8);
        String title =
                dice.chance(0.5)
                        ? etf + "(" + code + ")午后拉升，成交额超" + dice.between(5, 60) + "亿元"
                        : "ETF观察：" + etf + "(" + code + ")" + move + "%";
        String body =
                "截至"
                        + dice.between(10, 14)
                        + ":"
                        + String.format("%02d", dice.between(0, 59))
                        + "，"
                        + etf
                        + "("
                        + code
                        + ")"
                        + move
                        + "%，成交额"
                        + dice.one(3, 60)
                        + "亿元。成分股中，"
                        + two.get(0)
                        + zhMove(0.2, 4.0)
                        + "%，"
                        + two.get(1)
                        + zhMove(0.2, 4.0)
                        + "%。同期上证指数(000001.SS)"
                        + zhMove(0.05, 1.2)
                        + "%，科创50指数"
                        + zhMove(0.2, 2.5)
                        + "%。"
                        + (dice.chance(0.5)
                                ? "该ETF近五个交易日累计净流入" + dice.one(1, 30) + "亿元。"
                                : "该ETF最新份额较上周增加" + dice.one(1, 20) + "亿份。");
        return new Draft(FeedSource.CN_RESEARCH, title, body, List.of("ETF"));
    }

    /** A simplified story with a traditional twin of the same wording (syndicated to HK or TW). */
    private Draft twinStory() {
        FeedSource source = dice.pick(List.of(FeedSource.CN_WIRE, FeedSource.CN_PORTAL));
        switch (dice.between(0, 3)) {
            case 0 -> {
                String capex = Integer.toString(dice.between(380, 480));
                String rise = dice.one(1, 4.5);
                return new Draft(
                        source,
                        "台积电上调全年资本支出至" + capex + "亿美元",
                        "台积电表示，受人工智能芯片需求强劲带动，公司将全年资本支出上调至"
                                + capex
                                + "亿美元，先进制程产能持续满载。英伟达、AMD等客户的订单能见度已延伸至明年下半年。消息公布后，台积电股价盘中上涨"
                                + rise
                                + "%，带动半导体板块走高。",
                        List.of("台积电", "资本支出"),
                        "台積電上調全年資本支出至" + capex + "億美元",
                        "台積電表示，受人工智能芯片需求強勁帶動，公司將全年資本支出上調至"
                                + capex
                                + "億美元，先進製程產能持續滿載。英偉達、AMD等客戶的訂單能見度已延伸至明年下半年。消息公布後，台積電股價盤中上漲"
                                + rise
                                + "%，帶動半導體板塊走高。");
            }
            case 1 -> {
                String revenue = dice.one(8, 16);
                String total = Integer.toString(dice.between(1700, 2100));
                String profit = dice.one(8, 20);
                String games = dice.one(10, 25);
                String ads = dice.one(12, 24);
                return new Draft(
                        source,
                        "腾讯第三季度营收同比增长" + revenue + "%，游戏与广告业务双双提速",
                        "腾讯控股公布，第三季度营收同比增长"
                                + revenue
                                + "%至"
                                + total
                                + "亿元，经调整净利润增长"
                                + profit
                                + "%。其中本土市场游戏收入增长"
                                + games
                                + "%，营销服务收入受惠于AI广告投放工具，增长"
                                + ads
                                + "%。公司表示将继续加大人工智能投入，资本开支同比明显上升。",
                        List.of("腾讯", "财报"),
                        "騰訊第三季度營收同比增長" + revenue + "%，遊戲與廣告業務雙雙提速",
                        "騰訊控股公布，第三季度營收同比增長"
                                + revenue
                                + "%至"
                                + total
                                + "億元，經調整淨利潤增長"
                                + profit
                                + "%。其中本土市場遊戲收入增長"
                                + games
                                + "%，營銷服務收入受惠於AI廣告投放工具，增長"
                                + ads
                                + "%。公司表示將繼續加大人工智能投入，資本開支同比明顯上升。");
            }
            case 2 -> {
                String growth = dice.one(20, 40);
                String total = Integer.toString(dice.between(300, 420));
                boolean up = dice.chance(0.6);
                String move = dice.one(0.5, 4.5);
                return new Draft(
                        source,
                        "阿里巴巴云业务收入增长" + growth + "%，AI相关产品收入连续多个季度三位数增长",
                        "阿里巴巴集团公布季度业绩，云智能集团收入同比增长"
                                + growth
                                + "%至"
                                + total
                                + "亿元，AI相关产品收入连续多个季度实现三位数增长。集团表示，未来三年在云和AI基础设施上的投入将超过过去十年总和。阿里巴巴港股盘后"
                                + (up ? "上涨" : "下跌")
                                + move
                                + "%。",
                        List.of("阿里巴巴", "财报"),
                        "阿里巴巴雲業務收入增長" + growth + "%，AI相關產品收入連續多個季度三位數增長",
                        "阿里巴巴集團公布季度業績，雲智能集團收入同比增長"
                                + growth
                                + "%至"
                                + total
                                + "億元，AI相關產品收入連續多個季度實現三位數增長。集團表示，未來三年在雲和AI基礎設施上的投入將超過過去十年總和。阿里巴巴港股盤後"
                                + (up ? "上漲" : "下跌")
                                + move
                                + "%。");
            }
            default -> {
                String profit = dice.one(5, 15);
                String revenue = Integer.toString(dice.between(480, 560));
                String growth = dice.one(5, 14);
                String share = dice.one(40, 55);
                return new Draft(
                        source,
                        "贵州茅台一季度净利润增长" + profit + "%，直销渠道占比提升",
                        "贵州茅台披露一季报，实现营业总收入"
                                + revenue
                                + "亿元，同比增长"
                                + growth
                                + "%；归母净利润增长"
                                + profit
                                + "%。其中直销渠道收入占比提升至"
                                + share
                                + "%，系列酒收入增速快于茅台酒。公司表示将保持价格体系稳定，白酒行业仍处于调整期。",
                        List.of("白酒", "财报"),
                        "貴州茅臺一季度淨利潤增長" + profit + "%，直銷渠道占比提升",
                        "貴州茅臺披露一季報，實現營業總收入"
                                + revenue
                                + "億元，同比增長"
                                + growth
                                + "%；歸母淨利潤增長"
                                + profit
                                + "%。其中直銷渠道收入占比提升至"
                                + share
                                + "%，系列酒收入增速快於茅臺酒。公司表示將保持價格體系穩定，白酒行業仍處於調整期。");
            }
        }
    }

    // ------------------------------------------------------------------ traditional Chinese

    private static String hant(boolean up) {
        return up ? "漲" : "跌";
    }

    private Draft taiwanWrap() {
        boolean up = dice.chance(0.5);
        String percent = dice.two(0.1, 1.8);
        String title =
                "台股收盤：加權指數" + hant(up) + percent + "%，台積電" + hant(up) + dice.one(0.5, 3) + "%";
        String body =
                "台股今日"
                        + (up ? "走高" : "走低")
                        + "，加權指數終場"
                        + hant(up)
                        + dice.between(30, 420)
                        + "點或"
                        + percent
                        + "%，成交金額新台幣"
                        + dice.between(2800, 6500)
                        + "億元。權值股台積電"
                        + hant(up)
                        + dice.one(0.5, 3)
                        + "%，聯發科"
                        + hant(dice.chance(0.5))
                        + dice.one(0.3, 3.5)
                        + "%，鴻海"
                        + hant(dice.chance(0.5))
                        + dice.one(0.2, 2.5)
                        + "%。"
                        + dice.pick(
                                List.of(
                                        "外資今日賣超" + dice.between(20, 300) + "億元。",
                                        "外資今日買超" + dice.between(20, 300) + "億元。",
                                        "法人預期本週將持續關注美國通膨數據。"));
        return new Draft(FeedSource.TW_NEWS, title, body, List.of("台股"));
    }

    private Draft taiwanChips() {
        String a = dice.one(2.5, 5.0);
        String b = dice.one(1.5, 4.0);
        String c = dice.one(1.0, 3.5);
        String title = "晶片股重挫：高通、英特爾、聯發科單日分別下跌" + a + "%、" + b + "%、" + c + "%";
        String body =
                "受市場對手機需求放緩的疑慮影響，晶片股今日普遍走弱，高通、英特爾、聯發科單日分別下跌"
                        + a
                        + "%、"
                        + b
                        + "%、"
                        + c
                        + "%。分析師指出，"
                        + dice.pick(List.of("庫存調整可能延續至下一季。", "中低階手機晶片價格競爭加劇。", "市場擔憂消費電子需求復甦力道不足。"))
                        + "台積電股價相對抗跌，僅下跌"
                        + dice.one(0.2, 1.5)
                        + "%，加權指數終場下跌"
                        + dice.two(0.2, 1.5)
                        + "%。";
        return new Draft(FeedSource.TW_NEWS, title, body, List.of("半導體"));
    }

    private Draft hongKongWrap() {
        boolean up = dice.chance(0.5);
        String verb = up ? "升" : "跌";
        String percent = dice.two(0.1, 2.2);
        String title = "港股收市：恒指" + verb + percent + "%，騰訊" + verb + dice.one(0.3, 3.5) + "%";
        String body =
                "恒生指數今日收市"
                        + verb
                        + dice.between(20, 520)
                        + "點或"
                        + percent
                        + "%，報"
                        + dice.between(17500, 26500)
                        + "點；恒生科技指數"
                        + verb
                        + dice.two(0.2, 3.5)
                        + "%，大市成交"
                        + dice.between(1100, 3200)
                        + "億港元。重磅科技股中，騰訊控股"
                        + verb
                        + dice.one(0.3, 3.5)
                        + "%，阿里巴巴"
                        + verb
                        + dice.one(0.3, 4.0)
                        + "%，小米集團"
                        + (dice.chance(0.5) ? "升" : "跌")
                        + dice.one(0.3, 4.5)
                        + "%，商湯"
                        + (dice.chance(0.5) ? "升" : "跌")
                        + dice.one(0.5, 4.8)
                        + "%。"
                        + dice.pick(
                                List.of(
                                        "市場關注美國聯儲局議息結果。",
                                        "內地經濟數據好於預期，帶動消費股走高。",
                                        "南向資金全日淨買入" + dice.between(10, 150) + "億港元。"));
        return new Draft(FeedSource.HK_DAILY, title, body, List.of("港股"));
    }

    private Draft nvidiaTaiwan() {
        boolean up = dice.chance(0.6);
        String move = dice.one(0.5, 4.5);
        String title = "輝達股價" + hant(up) + move + "%，台積電ADR同步" + (up ? "走高" : "走低");
        String body =
                "美股輝達"
                        + hant(up)
                        + move
                        + "%，市值"
                        + (up ? "站上" : "跌破")
                        + dice.between(4, 5)
                        + "兆美元關卡。供應鏈方面，台積電ADR"
                        + hant(up)
                        + dice.one(0.3, 3.5)
                        + "%，超微"
                        + hant(dice.chance(0.5))
                        + dice.one(0.3, 4.0)
                        + "%。法人表示，AI伺服器需求仍強，"
                        + dice.pick(List.of("台積電先進製程產能持續吃緊。", "雲端業者資本支出預料續增。", "相關供應鏈營收可望逐季成長。"));
        return new Draft(FeedSource.TW_NEWS, title, body, List.of("輝達", "美股"));
    }

    // ------------------------------------------------------------------ Arabic

    private Draft tasiWrap() {
        boolean up = dice.chance(0.5);
        String percent = dice.two(0.1, 1.6);
        String title =
                up
                        ? "مؤشر تاسي يغلق مرتفعاً " + percent + "% بدعم من أرامكو"
                        : "مؤشر تاسي يتراجع " + percent + "% بضغط من أسهم البنوك";
        String body =
                "أغلق مؤشر السوق الرئيسية السعودية (تاسي) تعاملات اليوم على "
                        + (up ? "ارتفاع" : "انخفاض")
                        + " بنسبة "
                        + percent
                        + "% عند مستوى "
                        + dice.between(10800, 12600)
                        + " نقطة، بتداولات بلغت قيمتها "
                        + dice.one(3, 9)
                        + " مليار ريال. و"
                        + (up ? "صعد" : "تراجع")
                        + " سهم أرامكو السعودية بنسبة "
                        + dice.one(0.2, 2.5)
                        + "%، فيما "
                        + (dice.chance(0.5) ? "ارتفع" : "انخفض")
                        + " سهم مصرف الراجحي بنسبة "
                        + dice.one(0.2, 2.0)
                        + "%، و"
                        + (dice.chance(0.5) ? "صعد" : "تراجع")
                        + " سهم سابك "
                        + dice.one(0.2, 3.0)
                        + "%.";
        return new Draft(
                dice.pick(List.of(FeedSource.GULF_MARKETS, FeedSource.AR_PORTAL)),
                title,
                body,
                List.of("تداول"));
    }

    private Draft saudiAiTalks() {
        List<String> partners = dice.pickTwo(LATIN_AI_NAMES);
        boolean up = dice.chance(0.5);
        String title =
                switch (dice.between(0, 2)) {
                    case 0 -> "صندوق سعودي يدرس شراكات مع شركات ذكاء اصطناعي صينية";
                    case 1 -> "أرامكو تبحث التعاون مع " + partners.get(0) + " في مراكز البيانات";
                    default -> "شركات صينية للذكاء الاصطناعي تتطلع إلى السوق السعودية";
                };
        String body =
                "قالت مصادر مطلعة إن صندوقاً استثمارياً سعودياً يجري محادثات مع شركات صينية متخصصة في الذكاء الاصطناعي، من بينها "
                        + partners.get(0)
                        + " و "
                        + partners.get(1)
                        + "، لإنشاء مراكز بيانات في المملكة باستثمارات قد تصل إلى "
                        + dice.between(200, 1500)
                        + " مليون دولار. وتأتي المحادثات في وقت تتوسع فيه أرامكو السعودية في الحوسبة السحابية، وقد "
                        + (up ? "ارتفع" : "انخفض")
                        + " سهم الشركة "
                        + dice.one(0.2, 2.0)
                        + "% في تداولات اليوم.";
        return new Draft(FeedSource.GULF_MARKETS, title, body, List.of("ذكاء اصطناعي"));
    }

    private Draft alRajhiEarnings() {
        String growth = dice.one(5, 30);
        String title = "مصرف الراجحي يعلن ارتفاع أرباحه الفصلية " + growth + "%";
        String body =
                "أعلن مصرف الراجحي ارتفاع صافي أرباحه للربع "
                        + dice.pick(List.of("الأول", "الثاني", "الثالث", "الرابع"))
                        + " بنسبة "
                        + growth
                        + "% على أساس سنوي إلى "
                        + dice.one(4, 6.5)
                        + " مليار ريال، مدعوماً بنمو محفظة التمويل وتراجع المخصصات. و"
                        + (dice.chance(0.6) ? "ارتفع" : "انخفض")
                        + " سهم المصرف "
                        + dice.one(0.3, 3.0)
                        + "% في مستهل التداولات، بينما "
                        + (dice.chance(0.5) ? "صعد" : "تراجع")
                        + " مؤشر تاسي "
                        + dice.two(0.1, 1.2)
                        + "%.";
        return new Draft(
                dice.pick(List.of(FeedSource.GULF_MARKETS, FeedSource.AR_PORTAL)),
                title,
                body,
                List.of("نتائج"));
    }

    // ------------------------------------------------------------------ English

    private Draft chipsEn() {
        boolean up = dice.chance(0.45);
        String title =
                up
                        ? "Chip stocks rally as $NVDA, $AMD gain"
                        : "Chip stocks slide as $NVDA, $AMD lose ground";
        String body =
                "Semiconductor shares "
                        + (up ? "rose" : "fell")
                        + " on "
                        + dice.pick(WEEKDAYS)
                        + ", with Nvidia ($NVDA) "
                        + (up ? "up " : "down ")
                        + dice.one(0.5, 4.5)
                        + "% and Advanced Micro Devices (NASDAQ: AMD) "
                        + (up ? "up " : "off ")
                        + dice.one(0.5, 4.8)
                        + "%. Qualcomm (NASDAQ: QCOM) "
                        + (up ? "added " : "slipped ")
                        + dice.one(0.3, 3)
                        + "% and Intel shares "
                        + (up ? "gained " : "lost ")
                        + dice.one(0.3, 3.5)
                        + "%. The Nasdaq Composite index closed "
                        + (up ? "up " : "down ")
                        + dice.two(0.1, 1.8)
                        + "%, while the Philadelphia semiconductor index "
                        + (up ? "rose " : "fell ")
                        + dice.two(0.5, 3.5)
                        + "%.";
        return new Draft(FeedSource.US_WIRE, title, body, List.of("semiconductors", "markets"));
    }

    private Draft aiDealEn() {
        Party buyer = dice.pick(AI_BUYERS_EN);
        String target = dice.pick(AI_TARGETS);
        int amount = dice.between(2, 40);
        String title =
                switch (dice.between(0, 2)) {
                    case 0 ->
                            buyer.name() + " to invest up to $" + amount + " billion in " + target;
                    case 1 ->
                            target
                                    + " signs $"
                                    + amount
                                    + " billion compute deal with "
                                    + buyer.name();
                    default ->
                            target
                                    + " valued at $"
                                    + dice.between(150, 500)
                                    + " billion in round led by "
                                    + buyer.name();
                };
        String body =
                buyer.name()
                        + " "
                        + buyer.ticker()
                        + " agreed to invest up to $"
                        + amount
                        + " billion in "
                        + target
                        + ", according to people familiar with the matter, as the race for AI"
                        + " computing capacity intensifies. The money will largely fund data"
                        + " centers and chips. "
                        + target
                        + " has signed multi-year cloud agreements with Microsoft and other"
                        + " providers this year. Nvidia ($NVDA) shares rose "
                        + dice.one(0.3, 3.5)
                        + "% in premarket trading.";
        return new Draft(
                dice.pick(List.of(FeedSource.US_WIRE, FeedSource.GLOBAL_WIRE)),
                title,
                body,
                List.of("AI", "deals"));
    }

    private Draft aramcoEn() {
        boolean up = dice.chance(0.5);
        String move = dice.one(0.2, 2.5);
        String title =
                "Aramco shares "
                        + (up ? "rise " : "fall ")
                        + move
                        + "% as oil "
                        + (up ? "gains" : "slips");
        String body =
                "Saudi Aramco (2222.SR) shares "
                        + (up ? "rose " : "fell ")
                        + move
                        + "% in Riyadh on "
                        + dice.pick(WEEKDAYS)
                        + ", tracking Brent crude, which "
                        + (up ? "gained " : "lost ")
                        + dice.one(0.3, 3)
                        + "% to $"
                        + dice.between(58, 92)
                        + " a barrel. The Tadawul All Share Index (TASI) closed "
                        + (dice.chance(0.5) ? "up " : "down ")
                        + dice.two(0.1, 1.4)
                        + "%, with Al Rajhi Bank "
                        + (dice.chance(0.5) ? "up " : "down ")
                        + dice.one(0.2, 2.0)
                        + "%.";
        return new Draft(FeedSource.GLOBAL_WIRE, title, body, List.of("energy", "Saudi Arabia"));
    }

    private Draft azureEn() {
        String growth = Integer.toString(dice.between(26, 42));
        boolean up = dice.chance(0.6);
        String move = dice.one(0.5, 4.5);
        String title =
                "Microsoft (NASDAQ: MSFT) cloud revenue grows "
                        + growth
                        + "%, shares "
                        + (up ? "up " : "down ")
                        + move
                        + "% after hours";
        String body =
                "Microsoft said revenue from its Azure cloud business grew "
                        + growth
                        + "% in the quarter, "
                        + (up ? "above" : "in line with")
                        + " analyst estimates, as demand for AI services from customers including"
                        + " OpenAI stayed strong. Shares "
                        + (up ? "rose " : "fell ")
                        + move
                        + "% in extended trading. Capital spending reached $"
                        + dice.between(18, 38)
                        + " billion in the quarter.";
        return new Draft(FeedSource.US_WIRE, title, body, List.of("earnings", "cloud"));
    }

    // ------------------------------------------------------------------ the burst entity

    /** A quiet story about the burst entity: a small move, well under any alert threshold. */
    Draft background() {
        BurstScenario.Names n = burst.names();
        boolean up = dice.chance(0.5);
        String move = dice.one(0.3, 2.4);
        if (dice.chance(0.75)) {
            String title =
                    switch (dice.between(0, 2)) {
                        case 0 ->
                                n.zhHans()
                                        + "早盘"
                                        + zh(up)
                                        + move
                                        + "%，"
                                        + burst.sectorZh()
                                        + "板块震荡";
                        case 1 ->
                                n.zhHans()
                                        + "获"
                                        + dice.between(8, 60)
                                        + "家机构调研，股价"
                                        + zh(up)
                                        + move
                                        + "%";
                        default -> burst.sectorZh() + "概念股分化，" + n.zhHans() + zh(up) + move + "%";
                    };
            String body =
                    n.zhHans()
                            + "("
                            + n.code()
                            + ")今日"
                            + dice.pick(List.of("早盘", "午后", "尾盘"))
                            + zh(up)
                            + move
                            + "%，成交额"
                            + dice.one(5, 40)
                            + "亿元。"
                            + burst.sectorZh()
                            + "板块整体震荡，"
                            + dice.pick(burst.peersZh())
                            + zhMove(0.2, 2.5)
                            + "%。"
                            + dice.pick(
                                    List.of(
                                            "公司近期接受了多家机构调研，就产品进展与订单情况进行了交流。",
                                            "融资余额较上一交易日小幅变化。",
                                            "市场对行业景气度的看法仍存分歧。"));
            return new Draft(
                    dice.pick(List.of(FeedSource.CN_WIRE, FeedSource.CN_PORTAL)),
                    title,
                    body,
                    List.of(burst.sectorZh()));
        }
        String title =
                n.en() + " shares " + (up ? "edge up " : "slip ") + move + "% in quiet trade";
        String body =
                n.en()
                        + " "
                        + n.enTicker()
                        + " shares "
                        + (up ? "edged up " : "slipped ")
                        + move
                        + "% on "
                        + dice.pick(WEEKDAYS)
                        + " in light volume, while "
                        + burst.sectorEn()
                        + " peers such as "
                        + dice.pick(burst.peersEn())
                        + " were little changed. Investors are waiting for "
                        + dice.pick(
                                List.of("quarterly results.", "an update on orders.", "guidance."));
        return new Draft(FeedSource.GLOBAL_WIRE, title, body, List.of(burst.sectorEn()));
    }

    /**
     * Distinct burst story {@code n}: the headline, lead and details are chosen so that stories
     * differ in most of their text, as real coverage of one event by many outlets does.
     */
    Draft burst(int n) {
        int lang = n % 10;
        if (lang < 7) {
            return burstZh(n);
        } else if (lang < 9) {
            return burstEn(n);
        }
        return burstHant(n);
    }

    private String burstPercent() {
        // Never below 5%, the stock price-move threshold.
        return dice.one(Math.max(5.5, burst.percent() - 1.5), burst.percent() + 1.0);
    }

    private Draft burstZh(int n) {
        BurstScenario.Names names = burst.names();
        boolean up = burst.up();
        String name = names.zhHans();
        String big = up ? "大涨" : "大跌";
        String percent = burstPercent();
        int floor = (int) Math.floor(burst.percent() - 1);
        String sector = burst.sectorZh();
        String catalyst = dice.pick(burst.catalystsZh());
        List<String> peers = dice.pickTwo(burst.peersZh());
        String amount = Integer.toString(dice.between(60, 380));
        String time = dice.between(10, 14) + ":" + String.format("%02d", dice.between(0, 59));
        List<String> titles =
                List.of(
                        name + "盘中" + big + percent + "%，" + sector + "板块集体异动",
                        name + "股价" + big + "超" + floor + "%，成交额创近期新高",
                        "突发！" + name + big + percent + "%，发生了什么？",
                        name
                                + "午后"
                                + (up ? "直线拉升" : "快速跳水")
                                + "，"
                                + sector
                                + "概念"
                                + (up ? "走强" : "走弱"),
                        name + big + percent + "%，机构：" + (up ? "景气上行趋势明确" : "短期估值承压"),
                        sector
                                + "龙头"
                                + name
                                + big
                                + "，市值单日"
                                + (up ? "增加" : "蒸发")
                                + "超"
                                + amount
                                + "亿元",
                        "直击" + name + "：" + big + percent + "%背后的资金博弈",
                        name + "成交额突破" + dice.between(80, 300) + "亿元，股价" + big + percent + "%");
        List<String> leads =
                List.of(
                        time
                                + "，"
                                + name
                                + "("
                                + names.code()
                                + ")股价快速"
                                + (up ? "拉升" : "跳水")
                                + "，盘中一度"
                                + zh(up)
                                + "超"
                                + floor
                                + "%，截至发稿"
                                + zh(up)
                                + percent
                                + "%。",
                        "受" + catalyst + "消息影响，" + name + "今日" + big + percent + "%。",
                        name
                                + "今日表现"
                                + (up ? "抢眼" : "低迷")
                                + "，全天"
                                + zh(up)
                                + percent
                                + "%，换手率达"
                                + dice.one(3, 12)
                                + "%，成交额"
                                + dice.between(80, 300)
                                + "亿元。",
                        "截至"
                                + time
                                + "，"
                                + name
                                + zh(up)
                                + percent
                                + "%，总市值"
                                + (up ? "升" : "降")
                                + "至"
                                + dice.between(1500, 6000)
                                + "亿元。",
                        name
                                + "今日"
                                + big
                                + "，收"
                                + zh(up)
                                + percent
                                + "%，创下"
                                + dice.between(3, 18)
                                + "个月来最大单日"
                                + (up ? "涨幅" : "跌幅")
                                + "。",
                        "盘面上，" + sector + "板块午后异动，" + name + big + percent + "%领" + zh(up) + "。");
        List<String> details =
                List.of(
                        "消息面上，" + catalyst + "。",
                        "资金方面，"
                                + name
                                + "今日主力资金净"
                                + (up ? "流入" : "流出")
                                + dice.one(3, 40)
                                + "亿元，融资余额较前一日"
                                + (up ? "增加" : "减少")
                                + dice.one(0.5, 8)
                                + "亿元。",
                        dice.pick(List.of("有券商", "一位私募人士", "多家机构"))
                                + "认为，"
                                + (up ? "公司订单能见度高，业绩有望超预期" : "短期利空集中释放，需关注后续指引")
                                + "。",
                        "同板块的"
                                + peers.get(0)
                                + "、"
                                + peers.get(1)
                                + "分别"
                                + zh(up)
                                + dice.one(1, 4.5)
                                + "%、"
                                + dice.one(0.5, 4)
                                + "%。",
                        "此前一周，" + name + "累计" + zh(!up) + dice.one(1, 6) + "%，市场对其分歧明显加大。",
                        "龙虎榜数据显示，机构专用席位合计" + (up ? "买入" : "卖出") + dice.one(1, 15) + "亿元。");
        int t = n % titles.size();
        int l = (n / titles.size() + n) % leads.size();
        int d1 = dice.between(0, details.size() - 1);
        int d2 = (d1 + 1 + dice.between(0, details.size() - 2)) % details.size();
        String body = leads.get(l) + details.get(d1) + details.get(d2);
        return new Draft(
                dice.pick(
                        List.of(FeedSource.CN_WIRE, FeedSource.CN_PORTAL, FeedSource.CN_RESEARCH)),
                titles.get(t),
                body,
                List.of(sector, "异动"));
    }

    private Draft burstEn(int n) {
        BurstScenario.Names names = burst.names();
        boolean up = burst.up();
        String percent = burstPercent();
        String catalyst = dice.pick(burst.catalystsEn());
        List<String> titles =
                List.of(
                        names.en()
                                + " shares "
                                + (up ? "surge " : "plunge ")
                                + percent
                                + "% after "
                                + catalyst,
                        names.en()
                                + " stock "
                                + (up ? "jumps " : "tumbles ")
                                + percent
                                + "% in heaviest trading in months",
                        "Traders pile "
                                + (up ? "into " : "out of ")
                                + names.en()
                                + " after "
                                + percent
                                + "% "
                                + (up ? "gain" : "drop"),
                        names.en()
                                + " "
                                + (up ? "rally" : "sell-off")
                                + " drags "
                                + burst.sectorEn()
                                + " peers "
                                + (up ? "higher" : "lower"));
        List<String> leads =
                List.of(
                        "Shares of "
                                + names.en()
                                + " "
                                + names.enTicker()
                                + " "
                                + (up ? "rose " : "fell ")
                                + percent
                                + "% on "
                                + dice.pick(WEEKDAYS)
                                + " after "
                                + catalyst
                                + ".",
                        names.en()
                                + " "
                                + names.enTicker()
                                + " "
                                + (up ? "climbed " : "slid ")
                                + percent
                                + "% in heavy trading, with volume at "
                                + dice.between(3, 9)
                                + " times its 30-day average.",
                        names.en()
                                + " stock "
                                + (up ? "extended gains to " : "extended losses to ")
                                + percent
                                + "% by midday as "
                                + catalyst
                                + ".");
        List<String> details =
                List.of(
                        "The move "
                                + (up ? "added " : "erased ")
                                + "about $"
                                + dice.between(5, 60)
                                + " billion of market value.",
                        "Peers "
                                + String.join(" and ", burst.peersEn())
                                + " "
                                + (up ? "rose " : "fell ")
                                + dice.one(1, 4)
                                + "% and "
                                + dice.one(0.5, 3.5)
                                + "%.",
                        "Options activity spiked, with "
                                + (up ? "calls" : "puts")
                                + " outnumbering the other side "
                                + dice.between(3, 8)
                                + " to one.",
                        "\""
                                + (up
                                        ? "Demand is running ahead of supply,"
                                        : "The market is repricing the whole build-out,")
                                + "\" said a portfolio manager in "
                                + dice.pick(List.of("Hong Kong", "Singapore", "New York"))
                                + ".");
        int t = n % titles.size();
        int d = dice.between(0, details.size() - 1);
        String body =
                leads.get((n / titles.size()) % leads.size())
                        + " "
                        + details.get(d)
                        + " "
                        + details.get(
                                (d + 1 + dice.between(0, details.size() - 2)) % details.size());
        return new Draft(
                dice.pick(List.of(FeedSource.US_WIRE, FeedSource.GLOBAL_WIRE)),
                titles.get(t),
                body,
                List.of(burst.sectorEn(), "movers"));
    }

    private Draft burstHant(int n) {
        BurstScenario.Names names = burst.names();
        boolean up = burst.up();
        String name = names.zhHant();
        String big = up ? "大漲" : "大跌";
        String percent = burstPercent();
        List<String> titles =
                List.of(
                        name + "盤中" + big + percent + "%，相關概念股同步異動",
                        name + "股價" + big + percent + "%，成交量放大至" + dice.between(3, 8) + "倍",
                        "焦點股：" + name + big + percent + "%，法人看法分歧");
        String body =
                name
                        + "今日"
                        + big
                        + percent
                        + "%，為近"
                        + dice.between(3, 18)
                        + "個月最大單日"
                        + (up ? "漲幅" : "跌幅")
                        + "。"
                        + dice.pick(
                                List.of(
                                        "市場人士指出，買盤主要來自外資與量化基金。",
                                        "法人表示，短線波動加劇，投資人宜留意風險。",
                                        "分析師認為，相關供應鏈訂單變化值得持續觀察。"))
                        + "成交金額約"
                        + dice.between(60, 300)
                        + "億元。";
        return new Draft(
                dice.pick(List.of(FeedSource.HK_DAILY, FeedSource.TW_NEWS)),
                titles.get(n % titles.size()),
                body,
                List.of("焦點股"));
    }

    // ------------------------------------------------------------------ syndication

    /**
     * The same story from another source: the traditional twin when there is one, else a copy
     * reformatted the way aggregators do (HTML paragraphs, full-width digits, headline case, an
     * HTML comment crediting the source), which leaves the words, and so the story's SimHash, as
     * they were.
     */
    Draft syndicate(Draft original) {
        if (original.hasTwin()) {
            return new Draft(
                    dice.pick(List.of(FeedSource.HK_DAILY, FeedSource.TW_NEWS)),
                    original.twinTitle(),
                    original.twinBody(),
                    original.tags());
        }
        FeedSource from = original.source();
        String credit = "<!-- via " + from.name() + " -->";
        if (from == FeedSource.GULF_MARKETS || from == FeedSource.AR_PORTAL) {
            return new Draft(
                    from == FeedSource.GULF_MARKETS
                            ? FeedSource.AR_PORTAL
                            : FeedSource.GULF_MARKETS,
                    original.title(),
                    paragraphs(original.body(), "(?<=\\.) ") + credit,
                    original.tags());
        }
        if (from == FeedSource.US_WIRE || from == FeedSource.GLOBAL_WIRE) {
            return new Draft(
                    from == FeedSource.US_WIRE ? FeedSource.GLOBAL_WIRE : FeedSource.US_WIRE,
                    dice.chance(0.5)
                            ? original.title().toUpperCase(java.util.Locale.ROOT)
                            : original.title(),
                    paragraphs(original.body(), "(?<=\\.) ") + credit,
                    original.tags());
        }
        if (from == FeedSource.HK_DAILY || from == FeedSource.TW_NEWS) {
            return new Draft(
                    from == FeedSource.HK_DAILY ? FeedSource.TW_NEWS : FeedSource.HK_DAILY,
                    fullWidth(original.title()),
                    fullWidth(original.body()),
                    original.tags());
        }
        return new Draft(
                from == FeedSource.CN_WIRE ? FeedSource.CN_PORTAL : FeedSource.CN_WIRE,
                fullWidth(original.title()),
                paragraphs(
                                dice.chance(0.5) ? fullWidth(original.body()) : original.body(),
                                "(?<=。)")
                        + credit,
                original.tags());
    }

    /** Each sentence in its own {@code <p>}. */
    private static String paragraphs(String body, String sentenceBreak) {
        StringBuilder out = new StringBuilder();
        for (String sentence : body.split(sentenceBreak)) {
            out.append("<p>").append(sentence.strip()).append("</p>");
        }
        return out.toString();
    }

    /** ASCII digits and percent signs in their full-width forms, as some Chinese portals print. */
    private static String fullWidth(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                out.append((char) ('\uFF10' + (c - '0')));
            } else if (c == '%') {
                out.append('\uFF05');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private String otherThanBurst(List<String> names) {
        String pick = dice.pick(names);
        return pick.equals(burst.names().zhHans()) ? names.get(names.size() - 1) : pick;
    }
}
