package io.newspulse.common.kb.listing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newspulse.common.kb.EntityType;
import io.newspulse.common.kb.KnowledgeBaseException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * United States: common stocks and ADRs of Nasdaq, NYSE and NYSE American (the Nasdaq screener
 * files, one company per issuer with every share class as a ticker), ETFs of the Nasdaq Trader
 * symbol directory, and the Japanese names brokers use for US stocks.
 */
final class UsListings {
    /** Securities that are not a company's shares: warrants, rights, units, notes, preferreds. */
    private static final Pattern NOT_SHARES =
            Pattern.compile(
                    "(?i).*(warrant|\\bright(s)?\\b|\\bunits?\\b|notes? due|debenture|preferred"
                            + "|%|\\bbonds?\\b|subordinated|trust preferred|contingent value).*");

    private UsListings() {}

    static List<ListedEntity> read(Path root) {
        Path dir = root.resolve("us");
        Map<String, ListedEntity> byIssuer = new LinkedHashMap<>();
        Map<String, ListedEntity> bySymbol = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (String f : List.of("nasdaq", "nyse", "amex")) {
            JsonNode rows = readJson(json, dir.resolve(f + "_full_tickers.json"));
            for (JsonNode row : rows) {
                String symbol = row.path("symbol").asText().trim();
                String security = row.path("name").asText();
                if (!symbol.matches("[A-Z]{1,5}([./][A-Z]{1,2})?")
                        || NOT_SHARES.matcher(security).matches()) {
                    continue;
                }
                String ticker = symbol.replace('/', '-').replace('.', '-');
                String issuer = NameForms.issuer(security);
                String key = issuer.toLowerCase(Locale.ROOT);
                ListedEntity e = byIssuer.get(key);
                if (e == null) {
                    e =
                            new ListedEntity(
                                    "us",
                                    "us." + ticker.toLowerCase(Locale.ROOT),
                                    EntityType.COMPANY,
                                    issuer);
                    e.alias("en", NameForms.englishShort(issuer));
                    byIssuer.put(key, e);
                }
                e.ticker(ticker);
                bySymbol.put(ticker, e);
            }
        }
        List<ListedEntity> out = new ArrayList<>(byIssuer.values());
        etfs(dir.resolve("nasdaqlisted.txt"), "Symbol", out, bySymbol);
        etfs(dir.resolve("otherlisted.txt"), "ACT Symbol", out, bySymbol);
        CsvTable ja = CsvTable.read(root.resolve("global/us_stocks_en_ja_names.csv"));
        for (int r = 0; r < ja.size(); r++) {
            ListedEntity e = bySymbol.get(ja.get(r, "code").replace('.', '-'));
            if (e != null) {
                e.alias("ja", ja.get(r, "name_ja"));
            }
        }
        return out;
    }

    private static void etfs(
            Path file,
            String symbolColumn,
            List<ListedEntity> out,
            Map<String, ListedEntity> bySymbol) {
        CsvTable t = CsvTable.read(file, '|');
        for (int r = 0; r < t.size(); r++) {
            String symbol = t.get(r, symbolColumn);
            if (!t.get(r, "ETF").equals("Y")
                    || !t.get(r, "Test Issue").equals("N")
                    || !symbol.matches("[A-Z]{1,5}")
                    || bySymbol.containsKey(symbol)) {
                continue;
            }
            String name = NameForms.collapse(t.get(r, "Security Name"));
            ListedEntity e =
                    new ListedEntity(
                            "us-funds",
                            "etf.us." + symbol.toLowerCase(Locale.ROOT),
                            EntityType.ETF,
                            name);
            e.ticker(symbol);
            String shorter = name.replaceAll("(?i)\\s+(shares|units|fund|trust)$", "");
            e.alias("en", shorter);
            bySymbol.put(symbol, e);
            out.add(e);
        }
    }

    private static JsonNode readJson(ObjectMapper json, Path file) {
        try {
            return json.readTree(file.toFile());
        } catch (IOException e) {
            throw new KnowledgeBaseException("cannot read listing " + file + ": " + e, e);
        }
    }
}
