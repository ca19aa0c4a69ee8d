package io.newspulse.cli.feed;

import io.newspulse.cli.feed.ArticleCatalog.Board;
import io.newspulse.cli.feed.ArticleCatalog.Etf;
import io.newspulse.cli.feed.ArticleCatalog.Party;
import io.newspulse.cli.feed.ArticleCatalog.Vocabulary;
import java.util.List;

/**
 * The quiet stories of the sample feed: market wraps, sector rotation, AI deals, ETF and index
 * notes in simplified Chinese; Hong Kong and Taiwan stories in traditional Chinese; Saudi market
 * stories in Arabic with Latin company names; English wire copy with tickers. The text is in
 * {@value ArticleCatalog#RESOURCE}; this class draws the figures and choices.
 *
 * <p>Every figure is drawn from the {@link Dice}, in a fixed order per article, so a seed fixes the
 * text.
 */
final class BaselineArticles {

    private final Dice dice;
    private final ArticleCatalog catalog;
    private final Vocabulary words;
    private final BurstScenario burst;

    BaselineArticles(Dice dice, ArticleCatalog catalog, BurstScenario burst) {
        this.dice = dice;
        this.catalog = catalog;
        this.words = catalog.vocabulary();
        this.burst = burst;
    }

    /** A baseline article of any kind, the kinds weighted like a busy Asian trading day. */
    Draft next() {
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

    private FeedSource cnWireOrPortal() {
        return dice.pick(List.of(FeedSource.CN_WIRE, FeedSource.CN_PORTAL));
    }

    private Draft aShareWrap() {
        Placeholders p = new Placeholders();
        p.put("up", dice.chance(0.55)).put("index", dice.two(0.05, 1.2));
        Board lead = dice.pick(words.growthBoards());
        Board lag = dice.pick(words.defensiveBoards());
        List<String> leaders = dice.pickTwo(lead.stocks());
        List<String> laggards = dice.pickTwo(lag.stocks());
        p.put("lead", lead.name()).put("lag", lag.name());
        p.put("leader1", leaders.get(0)).put("leader2", leaders.get(1));
        p.put("laggard1", laggards.get(0)).put("laggard2", laggards.get(1));
        int title = dice.between(0, 2);
        p.put("level", dice.two(3050, 3450));
        p.move("sz", dice, 0.1, 1.5);
        p.move("cyb", dice, 0.1, 2.2);
        p.put("turnover", dice.two(0.9, 1.8));
        p.put("more", dice.chance(0.5)).put("change", dice.between(120, 1500));
        p.put("leader1Move", dice.one(2, 4.8)).put("leader2Move", dice.one(1, 4.5));
        p.put("laggard1Move", dice.one(0.5, 2.5)).put("laggard2Move", dice.one(0.3, 2.0));
        p.put("count", dice.between(1500, 4200));
        return catalog.article("aShareWrap").draft(cnWireOrPortal(), title, p);
    }

    private Draft usWrapZh() {
        Placeholders p = new Placeholders();
        p.put("up", dice.chance(0.45)).put("mover", otherThanBurst(words.usMoversZh()));
        int peak = dice.between(5, 8);
        p.put("peak", peak).put("titleNasdaq", dice.two(0.2, 2.0));
        p.put("dow", dice.two(0.1, 1.2))
                .put("nasdaq", dice.two(0.2, 2.0))
                .put("spx", dice.two(0.1, 1.5))
                .put("close", dice.one(peak - 2.5, peak - 0.2));
        p.move("nvda", dice, 0.2, 3.0);
        p.move("msft", dice, 0.1, 2.0);
        p.put("qcom", dice.one(1, 4.5))
                .put("intc", dice.one(1, 4))
                .put("amd", dice.one(0.5, 3.5))
                .put("sox", dice.two(0.5, 3.0));
        return catalog.article("usWrapZh").draft(cnWireOrPortal(), 0, p);
    }

    private Draft sectorRotation() {
        ArticleText text = catalog.article("sectorRotation");
        List<Board> leads = dice.pickTwo(words.growthBoards());
        List<Board> lags = dice.pickTwo(words.defensiveBoards());
        Placeholders p = new Placeholders();
        p.put("lead1", leads.get(0).name()).put("lead2", leads.get(1).name());
        p.put("lag1", lags.get(0).name()).put("lag2", lags.get(1).name());
        p.put("stock1", dice.pick(leads.get(0).stocks())).put("stock1Move", dice.between(2, 4));
        p.put("stock2", dice.pick(leads.get(1).stocks())).put("stock2Move", dice.one(1, 4.5));
        p.put("stock3", dice.pick(lags.get(0).stocks())).put("stock3Move", dice.one(0.5, 3));
        p.put("inflow1", dice.one(10, 80)).put("inflow2", dice.one(5, 40));
        p.put("outflow1", dice.one(5, 50)).put("outflow2", dice.one(3, 30));
        p.put("comment", dice.pick(text.phrases("comments")));
        FeedSource source = dice.pick(List.of(FeedSource.CN_PORTAL, FeedSource.CN_RESEARCH));
        return text.draft(source, 0, p);
    }

    private Draft aiDealZh() {
        ArticleText text = catalog.article("aiDealZh");
        Placeholders p = new Placeholders();
        p.put("buyer", dice.pick(words.aiBuyersZh()))
                .put("target", dice.pick(words.aiTargets()))
                .put("amount", dice.between(20, 400));
        int title = dice.between(0, 2);
        if (title == 1) {
            p.put("valuation", dice.between(1500, 5000));
        }
        p.put("outlook", dice.pick(text.phrases("outlooks"))).put("nvda", dice.one(0.5, 3.5));
        p.move("zj", dice, 0.5, 4.0);
        return text.draft(FeedSource.CN_WIRE, title, p);
    }

    private Draft etfNote() {
        ArticleText text = catalog.article("etfNote");
        Etf etf = words.etfs().get(dice.between(0, 2));
        List<String> two = dice.pickTwo(etf.holdings());
        Placeholders p = new Placeholders();
        p.put("etf", etf.name()).put("code", etf.code());
        p.put("holding1", two.get(0)).put("holding2", two.get(1));
        p.move("day", dice, 0.3, 2.8);
        int title = dice.chance(0.5) ? 0 : 1;
        if (title == 0) {
            p.put("volume", dice.between(5, 60));
        }
        p.put("hour", dice.between(10, 14));
        p.put("minute", String.format("%02d", dice.between(0, 59)));
        p.put("turnover", dice.one(3, 60));
        p.move("h1", dice, 0.2, 4.0);
        p.move("h2", dice, 0.2, 4.0);
        p.move("sh", dice, 0.05, 1.2);
        p.move("kc", dice, 0.2, 2.5);
        boolean inflow = dice.chance(0.5);
        p.put("flowAmount", inflow ? dice.one(1, 30) : dice.one(1, 20));
        p.put("flow", p.fill(text.phrases("flows").get(inflow ? 0 : 1)));
        return text.draft(FeedSource.CN_RESEARCH, title, p);
    }

    /** A simplified story with a traditional twin of the same wording (syndicated to HK or TW). */
    private Draft twinStory() {
        FeedSource source = cnWireOrPortal();
        Placeholders p = new Placeholders();
        String kind;
        switch (dice.between(0, 3)) {
            case 0 -> {
                kind = "twinTsmc";
                p.put("capex", dice.between(380, 480)).put("rise", dice.one(1, 4.5));
            }
            case 1 -> {
                kind = "twinTencent";
                p.put("revenue", dice.one(8, 16))
                        .put("total", dice.between(1700, 2100))
                        .put("profit", dice.one(8, 20))
                        .put("games", dice.one(10, 25))
                        .put("ads", dice.one(12, 24));
            }
            case 2 -> {
                kind = "twinAlibaba";
                p.put("growth", dice.one(20, 40))
                        .put("total", dice.between(300, 420))
                        .put("up", dice.chance(0.6))
                        .put("move", dice.one(0.5, 4.5));
            }
            default -> {
                kind = "twinMoutai";
                p.put("profit", dice.one(5, 15))
                        .put("revenue", dice.between(480, 560))
                        .put("growth", dice.one(5, 14))
                        .put("share", dice.one(40, 55));
            }
        }
        return catalog.article(kind).draftWithTwin(source, p);
    }

    // ------------------------------------------------------------------ traditional Chinese

    private Draft taiwanWrap() {
        ArticleText text = catalog.article("taiwanWrap");
        Placeholders p = new Placeholders();
        p.put("up", dice.chance(0.5))
                .put("percent", dice.two(0.1, 1.8))
                .put("tsmcTitle", dice.one(0.5, 3))
                .put("points", dice.between(30, 420))
                .put("turnover", dice.between(2800, 6500))
                .put("tsmc", dice.one(0.5, 3))
                .put("mtk", dice.chance(0.5))
                .put("mtkMove", dice.one(0.3, 3.5))
                .put("hh", dice.chance(0.5))
                .put("hhMove", dice.one(0.2, 2.5))
                .put("sold", dice.between(20, 300))
                .put("bought", dice.between(20, 300));
        p.put("closing", p.fill(dice.pick(text.phrases("closings"))));
        return text.draft(FeedSource.TW_NEWS, 0, p);
    }

    private Draft taiwanChips() {
        ArticleText text = catalog.article("taiwanChips");
        Placeholders p = new Placeholders();
        p.put("a", dice.one(2.5, 5.0))
                .put("b", dice.one(1.5, 4.0))
                .put("c", dice.one(1.0, 3.5))
                .put("view", dice.pick(text.phrases("views")))
                .put("tsmc", dice.one(0.2, 1.5))
                .put("taiex", dice.two(0.2, 1.5));
        return text.draft(FeedSource.TW_NEWS, 0, p);
    }

    private Draft hongKongWrap() {
        ArticleText text = catalog.article("hongKongWrap");
        Placeholders p = new Placeholders();
        p.put("up", dice.chance(0.5))
                .put("percent", dice.two(0.1, 2.2))
                .put("tencentTitle", dice.one(0.3, 3.5))
                .put("points", dice.between(20, 520))
                .put("level", dice.between(17500, 26500))
                .put("tech", dice.two(0.2, 3.5))
                .put("turnover", dice.between(1100, 3200))
                .put("tencent", dice.one(0.3, 3.5))
                .put("alibaba", dice.one(0.3, 4.0))
                .put("xiaomi", dice.chance(0.5))
                .put("xiaomiMove", dice.one(0.3, 4.5))
                .put("sense", dice.chance(0.5))
                .put("senseMove", dice.one(0.5, 4.8))
                .put("southbound", dice.between(10, 150));
        p.put("closing", p.fill(dice.pick(text.phrases("closings"))));
        return text.draft(FeedSource.HK_DAILY, 0, p);
    }

    private Draft nvidiaTaiwan() {
        ArticleText text = catalog.article("nvidiaTaiwan");
        Placeholders p = new Placeholders();
        p.put("up", dice.chance(0.6))
                .put("move", dice.one(0.5, 4.5))
                .put("cap", dice.between(4, 5))
                .put("adr", dice.one(0.3, 3.5))
                .put("amd", dice.chance(0.5))
                .put("amdMove", dice.one(0.3, 4.0))
                .put("view", dice.pick(text.phrases("views")));
        return text.draft(FeedSource.TW_NEWS, 0, p);
    }

    // ------------------------------------------------------------------ Arabic

    private FeedSource gulfOrArPortal() {
        return dice.pick(List.of(FeedSource.GULF_MARKETS, FeedSource.AR_PORTAL));
    }

    private Draft tasiWrap() {
        Placeholders p = new Placeholders();
        boolean up = dice.chance(0.5);
        p.put("up", up)
                .put("percent", dice.two(0.1, 1.6))
                .put("level", dice.between(10800, 12600))
                .put("turnover", dice.one(3, 9))
                .put("aramco", dice.one(0.2, 2.5))
                .put("rajhi", dice.chance(0.5))
                .put("rajhiMove", dice.one(0.2, 2.0))
                .put("sabic", dice.chance(0.5))
                .put("sabicMove", dice.one(0.2, 3.0));
        return catalog.article("tasiWrap").draft(gulfOrArPortal(), up ? 0 : 1, p);
    }

    private Draft saudiAiTalks() {
        List<String> partners = dice.pickTwo(words.latinAiNames());
        Placeholders p = new Placeholders();
        p.put("partner1", partners.get(0)).put("partner2", partners.get(1));
        p.put("up", dice.chance(0.5));
        int title = dice.between(0, 2);
        p.put("amount", dice.between(200, 1500)).put("move", dice.one(0.2, 2.0));
        return catalog.article("saudiAiTalks").draft(FeedSource.GULF_MARKETS, title, p);
    }

    private Draft alRajhiEarnings() {
        ArticleText text = catalog.article("alRajhiEarnings");
        Placeholders p = new Placeholders();
        p.put("growth", dice.one(5, 30))
                .put("quarter", dice.pick(text.phrases("quarters")))
                .put("profit", dice.one(4, 6.5))
                .put("up", dice.chance(0.6))
                .put("move", dice.one(0.3, 3.0))
                .put("tasi", dice.chance(0.5))
                .put("tasiMove", dice.two(0.1, 1.2));
        return text.draft(gulfOrArPortal(), 0, p);
    }

    // ------------------------------------------------------------------ English

    private Draft chipsEn() {
        Placeholders p = new Placeholders();
        boolean up = dice.chance(0.45);
        p.put("up", up)
                .put("weekday", dice.pick(words.weekdays()))
                .put("nvda", dice.one(0.5, 4.5))
                .put("amd", dice.one(0.5, 4.8))
                .put("qcom", dice.one(0.3, 3))
                .put("intc", dice.one(0.3, 3.5))
                .put("nasdaq", dice.two(0.1, 1.8))
                .put("sox", dice.two(0.5, 3.5));
        return catalog.article("chipsEn").draft(FeedSource.US_WIRE, up ? 0 : 1, p);
    }

    private Draft aiDealEn() {
        Party buyer = dice.pick(words.aiBuyersEn());
        Placeholders p = new Placeholders();
        p.put("buyer", buyer.name()).put("ticker", buyer.ticker());
        p.put("target", dice.pick(words.aiTargets())).put("amount", dice.between(2, 40));
        int title = dice.between(0, 2);
        if (title == 2) {
            p.put("valuation", dice.between(150, 500));
        }
        p.put("nvda", dice.one(0.3, 3.5));
        FeedSource source = dice.pick(List.of(FeedSource.US_WIRE, FeedSource.GLOBAL_WIRE));
        return catalog.article("aiDealEn").draft(source, title, p);
    }

    private Draft aramcoEn() {
        Placeholders p = new Placeholders();
        p.put("up", dice.chance(0.5))
                .put("move", dice.one(0.2, 2.5))
                .put("weekday", dice.pick(words.weekdays()))
                .put("brent", dice.one(0.3, 3))
                .put("price", dice.between(58, 92))
                .put("tasi", dice.chance(0.5))
                .put("tasiMove", dice.two(0.1, 1.4))
                .put("rajhi", dice.chance(0.5))
                .put("rajhiMove", dice.one(0.2, 2.0));
        return catalog.article("aramcoEn").draft(FeedSource.GLOBAL_WIRE, 0, p);
    }

    private Draft azureEn() {
        Placeholders p = new Placeholders();
        p.put("growth", dice.between(26, 42))
                .put("up", dice.chance(0.6))
                .put("move", dice.one(0.5, 4.5))
                .put("capex", dice.between(18, 38));
        return catalog.article("azureEn").draft(FeedSource.US_WIRE, 0, p);
    }

    private String otherThanBurst(List<String> names) {
        String pick = dice.pick(names);
        return pick.equals(burst.names().zhHans()) ? names.get(names.size() - 1) : pick;
    }
}
