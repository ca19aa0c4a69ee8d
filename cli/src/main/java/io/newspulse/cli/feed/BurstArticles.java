package io.newspulse.cli.feed;

import java.util.List;

/**
 * The stories of the sample feed about its burst entity ({@link BurstScenario}): quiet background
 * stories with small moves, and the many distinct stories of the burst with a large move. The text
 * is in {@value ArticleCatalog#RESOURCE}; this class draws the figures and choices from the {@link
 * Dice}, in a fixed order per story, so a seed fixes the text.
 */
final class BurstArticles {

    private final Dice dice;
    private final ArticleCatalog catalog;
    private final BurstScenario burst;

    BurstArticles(Dice dice, ArticleCatalog catalog, BurstScenario burst) {
        this.dice = dice;
        this.catalog = catalog;
        this.burst = burst;
    }

    /** A quiet story about the burst entity: a small move, well under any alert threshold. */
    Draft background() {
        BurstScenario.Names names = burst.names();
        Placeholders p = new Placeholders();
        p.put("up", dice.chance(0.5)).put("move", dice.one(0.3, 2.4));
        if (dice.chance(0.75)) {
            ArticleText text = catalog.article("backgroundZh");
            p.put("name", names.zhHans()).put("code", names.code()).put("sector", burst.sectorZh());
            int title = dice.between(0, 2);
            if (title == 1) {
                p.put("institutions", dice.between(8, 60));
            }
            p.put("session", dice.pick(text.phrases("sessions")))
                    .put("turnover", dice.one(5, 40))
                    .put("peer", dice.pick(burst.peersZh()));
            p.move("peerDay", dice, 0.2, 2.5);
            p.put("note", dice.pick(text.phrases("notes")));
            FeedSource source = dice.pick(List.of(FeedSource.CN_WIRE, FeedSource.CN_PORTAL));
            return text.draft(source, title, p);
        }
        ArticleText text = catalog.article("backgroundEn");
        p.put("name", names.en()).put("ticker", names.enTicker()).put("sector", burst.sectorEn());
        p.put("weekday", dice.pick(catalog.vocabulary().weekdays()))
                .put("peer", dice.pick(burst.peersEn()))
                .put("wait", dice.pick(text.phrases("waits")));
        return text.draft(FeedSource.GLOBAL_WIRE, 0, p);
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
        ArticleText text = catalog.article("burstZh");
        BurstScenario.Names names = burst.names();
        Placeholders p = new Placeholders();
        p.put("up", burst.up())
                .put("name", names.zhHans())
                .put("code", names.code())
                .put("sector", burst.sectorZh())
                .put("percent", burstPercent())
                .put("floor", (int) Math.floor(burst.percent() - 1))
                .put("catalyst", dice.pick(burst.catalystsZh()));
        List<String> peers = dice.pickTwo(burst.peersZh());
        p.put("peer1", peers.get(0)).put("peer2", peers.get(1));
        p.put("amount", dice.between(60, 380));
        p.put("time", dice.between(10, 14) + ":" + String.format("%02d", dice.between(0, 59)));
        // Every title, lead and detail draws its figures, chosen or not.
        p.put("titleTurnover", dice.between(80, 300))
                .put("turnoverRate", dice.one(3, 12))
                .put("leadTurnover", dice.between(80, 300))
                .put("marketCap", dice.between(1500, 6000))
                .put("months", dice.between(3, 18))
                .put("netFlow", dice.one(3, 40))
                .put("margin", dice.one(0.5, 8))
                .put("who", dice.pick(text.phrases("whos")))
                .put("peer1Move", dice.one(1, 4.5))
                .put("peer2Move", dice.one(0.5, 4))
                .put("weekMove", dice.one(1, 6))
                .put("institutional", dice.one(1, 15));
        int titles = text.titles().size();
        fillBody(text, p, (n / titles + n) % text.leads().size());
        FeedSource source =
                dice.pick(
                        List.of(FeedSource.CN_WIRE, FeedSource.CN_PORTAL, FeedSource.CN_RESEARCH));
        return text.draft(source, n % titles, p);
    }

    private Draft burstEn(int n) {
        ArticleText text = catalog.article("burstEn");
        BurstScenario.Names names = burst.names();
        Placeholders p = new Placeholders();
        p.put("up", burst.up())
                .put("name", names.en())
                .put("ticker", names.enTicker())
                .put("sector", burst.sectorEn())
                .put("peers", String.join(" and ", burst.peersEn()))
                .put("percent", burstPercent())
                .put("catalyst", dice.pick(burst.catalystsEn()));
        // Every lead and detail draws its figures, chosen or not.
        p.put("weekday", dice.pick(catalog.vocabulary().weekdays()))
                .put("volume", dice.between(3, 9))
                .put("value", dice.between(5, 60))
                .put("peer1Move", dice.one(1, 4))
                .put("peer2Move", dice.one(0.5, 3.5))
                .put("ratio", dice.between(3, 8))
                .put("city", dice.pick(text.phrases("cities")));
        int titles = text.titles().size();
        fillBody(text, p, (n / titles) % text.leads().size());
        FeedSource source = dice.pick(List.of(FeedSource.US_WIRE, FeedSource.GLOBAL_WIRE));
        return text.draft(source, n % titles, p);
    }

    private Draft burstHant(int n) {
        ArticleText text = catalog.article("burstHant");
        Placeholders p = new Placeholders();
        p.put("up", burst.up())
                .put("name", burst.names().zhHant())
                .put("percent", burstPercent())
                .put("volume", dice.between(3, 8))
                .put("months", dice.between(3, 18))
                .put("view", dice.pick(text.phrases("views")))
                .put("turnover", dice.between(60, 300));
        FeedSource source = dice.pick(List.of(FeedSource.HK_DAILY, FeedSource.TW_NEWS));
        return text.draft(source, n % text.titles().size(), p);
    }

    /** Fills {@code {lead}} and two different details, drawn from the dice. */
    private void fillBody(ArticleText text, Placeholders p, int lead) {
        int details = text.details().size();
        int d1 = dice.between(0, details - 1);
        int d2 = (d1 + 1 + dice.between(0, details - 2)) % details;
        p.put("lead", p.fill(text.leads().get(lead)))
                .put("detail1", p.fill(text.details().get(d1)))
                .put("detail2", p.fill(text.details().get(d2)));
    }
}
