package io.newspulse.common.kb.listing;

import io.newspulse.common.kb.Entity;
import io.newspulse.common.kb.EntityType;
import io.newspulse.common.kb.KnowledgeBase;
import io.newspulse.common.kb.KnowledgeBaseChecker;
import io.newspulse.common.kb.KnowledgeBaseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Turns the listing files of {@code shared/listings} into knowledge-base files under {@code
 * <entities>/listed/}, one per market.
 *
 * <p>Curated entities (the {@code *.yaml} files of the entities folder itself) win: a listing whose
 * ticker a curated entity holds, or whose exchange name is a curated name, is left out, and a
 * generated alias that a curated entity uses is dropped. An A-share and an H-share with the same
 * Chinese name become one company with both tickers. Ids come from exchange and code, so a refresh
 * of the listings keeps them. Aliases shared by several generated entities are declared ambiguous
 * in each; aliases that are a single word of their script need company context ({@link
 * AliasEvidence}). The output is deterministic: the same listings give the same bytes.
 */
public final class ListingImporter {
    /** Sub-folder of the entities folder that holds the generated files. */
    public static final String FOLDER = "listed";

    private static final Map<String, String> SOURCES =
            Map.ofEntries(
                    Map.entry(
                            "cn",
                            "cn/a_shares_stock_basic.csv, cn/a_shares_exchange_list_2026-05.csv, cn/financedatabase_equities_SHH/SHZ.csv"),
                    Map.entry("cn-funds", "cn/etfs_sse_szse.csv"),
                    Map.entry(
                            "cn-indices",
                            "cn/csi_index_list.csv, cn/major_indices_sse_szse_bse.csv"),
                    Map.entry(
                            "hk",
                            "hk/hkex_list_of_securities_c_2025-11-04.csv, hk/hk_names_simplified_tushare.csv, hk/hkex_english_short_names.csv, hk/financedatabase_equities_HKG.csv"),
                    Map.entry(
                            "tw",
                            "tw/twse_equities_no_warrants.csv, tw/tpex_equities_no_warrants.csv, tw/t187ap03_L/O_company_profile.csv, tw/financedatabase_equities_TAI/TWO.csv"),
                    Map.entry(
                            "us",
                            "us/nasdaq|nyse|amex_full_tickers.json, global/us_stocks_en_ja_names.csv"),
                    Map.entry("us-funds", "us/nasdaqlisted.txt, us/otherlisted.txt (ETF = Y)"),
                    Map.entry(
                            "jp",
                            "jp/jpx_data_j_2026-01-31.csv, jp/financedatabase_equities_JPX.csv"),
                    Map.entry(
                            "kr",
                            "kr/krx_listing_desc_2026-03-22.csv, kr/financedatabase_equities_KSC/KOE.csv"),
                    Map.entry(
                            "in",
                            "in/nse_equity_list.csv, in/nse_etf_list.csv, in/financedatabase_equities_BSE.csv"),
                    Map.entry("sg", "sg/financedatabase_equities_SES.csv"),
                    Map.entry("my", "my/financedatabase_equities_KLS.csv"),
                    Map.entry(
                            "sa",
                            "mena/tadawul_main_market_ar_en.csv, mena/financedatabase_equities_SAU.csv"),
                    Map.entry("eg", "mena/egx_symbols_ar_en.csv"),
                    Map.entry("qa", "mena/financedatabase_equities_DOH.csv"),
                    Map.entry("kw", "mena/boursa_kuwait_bulletin_ar_2020-05-03.csv"));

    private final UnaryOperator<String> fold;

    /**
     * @param fold the folding the tagger applies to names (the text normaliser's)
     */
    public ListingImporter(UnaryOperator<String> fold) {
        this.fold = fold;
    }

    /** Entities written per market, for the command's summary. */
    public record Result(Map<String, Integer> perMarket) {
        /** Total number of entities written. */
        public int total() {
            return perMarket.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * Reads the listings under {@code listings}, merges them with the curated files of {@code
     * entities} and (re)writes {@code entities/listed/}.
     */
    public Result run(Path listings, Path entities) {
        if (!Files.isDirectory(listings)) {
            throw new KnowledgeBaseException("listings folder not found: " + listings);
        }
        Map<String, String> files = generate(listings, KnowledgeBase.curated(entities));
        Path dir = entities.resolve(FOLDER);
        try {
            Files.createDirectories(dir);
            try (Stream<Path> old = Files.list(dir)) {
                for (Path p : old.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                    Files.delete(p);
                }
            }
            for (var f : files.entrySet()) {
                Files.writeString(
                        dir.resolve(f.getKey() + ".yaml"), f.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new KnowledgeBaseException("cannot write " + dir + ": " + e, e);
        }
        Map<String, Integer> counts = new TreeMap<>();
        files.forEach((m, text) -> counts.put(m, countEntities(text)));
        return new Result(counts);
    }

    /** The generated files' text by market, without writing them. */
    public Map<String, String> generate(Path listings, KnowledgeBase curated) {
        List<ListedEntity> all = new ArrayList<>();
        all.addAll(ChinaListings.read(listings));
        all.addAll(HongKongListings.read(listings));
        all.addAll(TaiwanListings.read(listings));
        all.addAll(UsListings.read(listings));
        all.addAll(AsiaListings.read(listings));
        all.addAll(MenaListings.read(listings));

        Map<String, Boolean> curatedNames = curatedNames(curated);
        Set<String> curatedTickers = new HashSet<>();
        Set<String> curatedIds = new HashSet<>();
        for (Entity e : curated.entities()) {
            curatedTickers.addAll(e.tickers());
            curatedIds.add(e.id());
        }
        List<ListedEntity> kept = new ArrayList<>();
        for (ListedEntity e : all) {
            if (e.name.isBlank()) {
                e.name = primaryName(e).isBlank() ? "Listed security " + e.id : primaryName(e);
            }
            boolean curatedTicker = e.tickers.stream().anyMatch(curatedTickers::contains);
            String primary = fold.apply(primaryName(e));
            boolean curatedName = Boolean.FALSE.equals(curatedNames.get(primary));
            if (!curatedTicker && !curatedName && !curatedIds.contains(e.id)) {
                kept.add(e);
            }
        }
        kept = mergeCrossListings(kept);
        Set<String> ids = new HashSet<>();
        kept.removeIf(e -> !ids.add(e.id));
        for (ListedEntity e : kept) {
            resolveCurated(e, curatedNames);
        }
        declareShared(kept);
        for (ListedEntity e : kept) {
            for (String n : e.names()) {
                switch (AliasEvidence.of(n)) {
                    case ENTITY -> e.evidenceRequired.add(n);
                    case CONTEXT -> e.contextRequired.add(n);
                    case NONE -> {}
                }
            }
            e.contextRequired.removeAll(e.evidenceRequired);
        }
        Map<String, List<ListedEntity>> byMarket = new TreeMap<>();
        for (ListedEntity e : kept) {
            byMarket.computeIfAbsent(e.market, k -> new ArrayList<>()).add(e);
        }
        Map<String, String> out = new TreeMap<>();
        byMarket.forEach(
                (m, list) -> {
                    list.sort(Comparator.comparing(x -> x.id));
                    out.put(
                            m,
                            ListedYamlWriter.write(m, "shared/listings " + SOURCES.get(m), list));
                });
        return out;
    }

    /** Folded curated names, mapped to whether every curated owner declares them ambiguous. */
    private Map<String, Boolean> curatedNames(KnowledgeBase curated) {
        Map<String, Boolean> out = new HashMap<>();
        for (Entity e : curated.entities()) {
            Set<String> declared = new HashSet<>();
            e.ambiguous().forEach(a -> declared.add(fold.apply(a)));
            for (String n : KnowledgeBaseChecker.names(e)) {
                String key = fold.apply(n);
                out.merge(key, declared.contains(key), Boolean::logicalAnd);
            }
        }
        return out;
    }

    /** The exchange's own short name: the first native alias, else the English name. */
    private static String primaryName(ListedEntity e) {
        for (String lang : List.of("zh-Hans", "zh-Hant", "ja", "ko", "ar")) {
            Set<String> a = e.aliases.get(lang);
            if (a != null && !a.isEmpty()) {
                return a.iterator().next();
            }
        }
        return e.name;
    }

    /** Hong Kong H-shares join the A-share of the same Chinese short name. */
    private List<ListedEntity> mergeCrossListings(List<ListedEntity> entities) {
        Map<String, ListedEntity> aShares = new HashMap<>();
        for (ListedEntity e : entities) {
            if (e.market.equals("cn") && e.type == EntityType.COMPANY) {
                for (String a : e.aliases.getOrDefault("zh-Hans", Set.of())) {
                    aShares.putIfAbsent(fold.apply(a), e);
                }
            }
        }
        List<ListedEntity> out = new ArrayList<>();
        for (ListedEntity e : entities) {
            ListedEntity a = null;
            if (e.market.equals("hk") && e.type == EntityType.COMPANY) {
                a = aShares.get(fold.apply(primaryName(e)));
            }
            if (a == null) {
                out.add(e);
                continue;
            }
            ListedEntity aShare = a;
            aShare.tickers.addAll(e.tickers);
            e.aliases.forEach((lang, list) -> list.forEach(x -> aShare.alias(lang, x)));
        }
        return out;
    }

    /** Drops aliases a curated entity owns; renames a canonical name a curated entity owns. */
    private void resolveCurated(ListedEntity e, Map<String, Boolean> curatedNames) {
        for (String n : e.names()) {
            String key = fold.apply(n);
            Boolean ambiguous = curatedNames.get(key);
            boolean taken = key.isEmpty() || Boolean.FALSE.equals(ambiguous);
            if (n.equals(e.name) && taken) {
                String ticker = e.tickers.isEmpty() ? e.id : e.tickers.iterator().next();
                e.name = e.name + " (" + ticker + ")";
            } else if (taken) {
                e.remove(n);
            } else if (Boolean.TRUE.equals(ambiguous)) {
                e.ambiguous.add(n);
            }
        }
    }

    /** Declares every alias that two generated entities share ambiguous in both. */
    private void declareShared(List<ListedEntity> entities) {
        Map<String, Map<ListedEntity, List<String>>> owners = new LinkedHashMap<>();
        for (ListedEntity e : entities) {
            for (String n : e.names()) {
                owners.computeIfAbsent(fold.apply(n), k -> new LinkedHashMap<>())
                        .computeIfAbsent(e, k -> new ArrayList<>())
                        .add(n);
            }
        }
        for (Map<ListedEntity, List<String>> m : owners.values()) {
            if (m.size() > 1) {
                m.forEach((e, spellings) -> e.ambiguous.addAll(spellings));
            }
        }
    }

    private static int countEntities(String yaml) {
        int n = 0;
        for (int i = yaml.indexOf("\n  - id: "); i >= 0; i = yaml.indexOf("\n  - id: ", i + 1)) {
            n++;
        }
        return n;
    }
}
