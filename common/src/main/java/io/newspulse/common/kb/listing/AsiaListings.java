package io.newspulse.common.kb.listing;

import io.newspulse.common.kb.EntityType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Japan (JPX list with Japanese names), Korea (KRX with Korean names), India (NSE equities and
 * ETFs, BSE-only companies), Singapore and Malaysia; English names from FinanceDatabase.
 */
final class AsiaListings {
    private AsiaListings() {}

    static List<ListedEntity> read(Path root) {
        List<ListedEntity> out = new ArrayList<>();
        out.addAll(japan(root.resolve("jp")));
        out.addAll(korea(root.resolve("kr")));
        out.addAll(india(root.resolve("in")));
        out.addAll(
                FinanceDatabaseFiles.companies(
                        "sg", root.resolve("sg/financedatabase_equities_SES.csv")));
        out.addAll(
                FinanceDatabaseFiles.companies(
                        "my", root.resolve("my/financedatabase_equities_KLS.csv")));
        return out;
    }

    private static List<ListedEntity> japan(Path dir) {
        Map<String, String> english =
                FinanceDatabaseFiles.namesByCode(dir.resolve("financedatabase_equities_JPX.csv"));
        List<ListedEntity> out = new ArrayList<>();
        CsvTable t = CsvTable.read(dir.resolve("jpx_data_j_2026-01-31.csv"));
        for (int r = 0; r < t.size(); r++) {
            String market = t.get(r, "市場・商品区分");
            EntityType type;
            if (market.startsWith("ETF")) {
                type = EntityType.ETF;
            } else if (market.contains("株式") || market.contains("PRO Market")) {
                type = EntityType.COMPANY;
            } else {
                continue;
            }
            String code = t.get(r, "コード");
            String nativeName = NameForms.collapse(t.get(r, "銘柄名"));
            String en = english.get(code);
            String prefix = type == EntityType.ETF ? "etf.jp." : "jp.";
            ListedEntity e =
                    new ListedEntity(
                            "jp",
                            prefix + code.toLowerCase(Locale.ROOT),
                            type,
                            en == null ? nativeName : NameForms.collapse(en));
            e.ticker(code + ".T");
            e.alias("ja", nativeName);
            if (en != null) {
                e.alias("en", NameForms.englishShort(en));
            }
            out.add(e);
        }
        return out;
    }

    private static List<ListedEntity> korea(Path dir) {
        Map<String, String> english =
                FinanceDatabaseFiles.namesByCode(dir.resolve("financedatabase_equities_KSC.csv"));
        english.putAll(
                FinanceDatabaseFiles.namesByCode(dir.resolve("financedatabase_equities_KOE.csv")));
        List<ListedEntity> out = new ArrayList<>();
        CsvTable t = CsvTable.read(dir.resolve("krx_listing_desc_2026-03-22.csv"));
        for (int r = 0; r < t.size(); r++) {
            String code = t.get(r, "Code");
            String suffix = t.get(r, "Market").equals("KOSPI") ? "KS" : "KQ";
            String nativeName = NameForms.collapse(t.get(r, "Name"));
            String en = english.get(code);
            ListedEntity e =
                    new ListedEntity(
                            "kr",
                            "kr." + code.toLowerCase(Locale.ROOT),
                            EntityType.COMPANY,
                            en == null ? nativeName : NameForms.collapse(en));
            e.ticker(code + "." + suffix);
            e.alias(NameForms.isLatin(nativeName) ? "en" : "ko", nativeName);
            if (en != null) {
                e.alias("en", NameForms.englishShort(en));
            }
            out.add(e);
        }
        return out;
    }

    private static List<ListedEntity> india(Path dir) {
        Map<String, ListedEntity> byName = new LinkedHashMap<>();
        CsvTable nse = CsvTable.read(dir.resolve("nse_equity_list.csv"));
        for (int r = 0; r < nse.size(); r++) {
            String symbol = nse.get(r, "SYMBOL");
            String name = NameForms.collapse(nse.get(r, "NAME OF COMPANY"));
            ListedEntity e =
                    new ListedEntity(
                            "in", "in." + ListedEntity.idPart(symbol), EntityType.COMPANY, name);
            e.ticker(symbol + ".NS");
            e.alias("en", NameForms.englishShort(name));
            byName.putIfAbsent(name.toLowerCase(Locale.ROOT), e);
        }
        CsvTable bse = CsvTable.read(dir.resolve("financedatabase_equities_BSE.csv"));
        for (int r = 0; r < bse.size(); r++) {
            String symbol = bse.get(r, "symbol");
            String name = NameForms.collapse(bse.get(r, "name"));
            ListedEntity known = byName.get(name.toLowerCase(Locale.ROOT));
            if (known != null) {
                known.ticker(symbol);
                continue;
            }
            String code = symbol.replace(".BO", "");
            ListedEntity e =
                    new ListedEntity(
                            "in", "in.bse." + ListedEntity.idPart(code), EntityType.COMPANY, name);
            e.ticker(symbol);
            e.alias("en", NameForms.englishShort(name));
            byName.put(name.toLowerCase(Locale.ROOT), e);
        }
        List<ListedEntity> out = new ArrayList<>(byName.values());
        CsvTable etf = CsvTable.read(dir.resolve("nse_etf_list.csv"));
        for (int r = 0; r < etf.size(); r++) {
            String symbol = etf.get(r, "SYMBOL");
            String security = NameForms.collapse(etf.get(r, "SECURITY NAME"));
            String underlying = NameForms.collapse(etf.get(r, "UNDERLYING"));
            String name = underlying.contains(" ETF") ? underlying : security;
            ListedEntity e =
                    new ListedEntity(
                            "in", "etf.in." + ListedEntity.idPart(symbol), EntityType.ETF, name);
            e.ticker(symbol + ".NS");
            out.add(e);
        }
        return out;
    }
}
