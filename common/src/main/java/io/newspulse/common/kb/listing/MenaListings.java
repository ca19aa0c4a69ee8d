package io.newspulse.common.kb.listing;

import io.newspulse.common.kb.EntityType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Saudi Arabia (Tadawul Main Market with Arabic and English names, FinanceDatabase), Egypt (EGX
 * symbols with Arabic short names and the informal names the press uses), Qatar (FinanceDatabase,
 * English only) and Kuwait (Boursa Kuwait bulletin, Arabic trading names only).
 */
final class MenaListings {
    private MenaListings() {}

    static List<ListedEntity> read(Path root) {
        Path dir = root.resolve("mena");
        List<ListedEntity> out = new ArrayList<>();
        out.addAll(saudi(dir));
        out.addAll(egypt(dir));
        out.addAll(
                FinanceDatabaseFiles.companies(
                        "qa", dir.resolve("financedatabase_equities_DOH.csv")));
        CsvTable kw = CsvTable.read(dir.resolve("boursa_kuwait_bulletin_ar_2020-05-03.csv"));
        for (int r = 0; r < kw.size(); r++) {
            // Boursa's numeric codes are not the letter tickers news cites (NBK.KW): no ticker.
            // No English name exists: the canonical name says what it is, the Arabic is an alias.
            String code = kw.get(r, "stock_code");
            ListedEntity e =
                    new ListedEntity(
                            "kw",
                            "kw." + code,
                            EntityType.COMPANY,
                            "Boursa Kuwait listing " + code);
            e.alias("ar", kw.get(r, "name_ar_short"));
            out.add(e);
        }
        return out;
    }

    private static List<ListedEntity> saudi(Path dir) {
        Map<String, ListedEntity> byCode = new LinkedHashMap<>();
        CsvTable main = CsvTable.read(dir.resolve("tadawul_main_market_ar_en.csv"));
        for (int r = 0; r < main.size(); r++) {
            String code = main.get(r, "companySymbol");
            String en = NameForms.collapse(main.get(r, "companyNameEN"));
            ListedEntity e = new ListedEntity("sa", "sa." + code, EntityType.COMPANY, en);
            e.ticker(code + ".SR");
            e.alias("en", NameForms.englishShort(en));
            e.alias("ar", main.get(r, "tradingNameAr"));
            e.alias("ar", main.get(r, "companyNameAR"));
            e.alias("ar", NameForms.arabicShort(main.get(r, "companyNameAR")));
            byCode.put(code, e);
        }
        CsvTable fd = CsvTable.read(dir.resolve("financedatabase_equities_SAU.csv"));
        for (int r = 0; r < fd.size(); r++) {
            String code = fd.get(r, "symbol").replace(".SR", "");
            String name = NameForms.collapse(fd.get(r, "name"));
            ListedEntity e = byCode.get(code);
            if (e == null) {
                e = new ListedEntity("sa", "sa." + code, EntityType.COMPANY, name);
                e.ticker(code + ".SR");
                byCode.put(code, e);
            }
            e.alias("en", name);
            e.alias("en", NameForms.englishShort(name));
        }
        return new ArrayList<>(byCode.values());
    }

    private static List<ListedEntity> egypt(Path dir) {
        List<ListedEntity> out = new ArrayList<>();
        CsvTable t = CsvTable.read(dir.resolve("egx_symbols_ar_en.csv"));
        for (int r = 0; r < t.size(); r++) {
            String symbol = t.get(r, "symbol");
            String en = NameForms.collapse(t.get(r, "name_en"));
            ListedEntity e =
                    new ListedEntity(
                            "eg", "eg." + symbol.toLowerCase(Locale.ROOT), EntityType.COMPANY, en);
            e.ticker(symbol + ".CA");
            String plain = NameForms.englishShort(en.replaceAll("\\s*\\([^)]*\\)", ""));
            e.alias("en", plain);
            if (plain != null) {
                // "Commercial International Bank" is how the press writes "... Bank Egypt".
                e.alias("en", plain.replaceAll(" (Egypt|Misr)$", ""));
            }
            e.alias("ar", t.get(r, "name_ar"));
            e.alias("ar", NameForms.arabicShort(t.get(r, "name_ar")));
            for (String a : t.get(r, "aliases").split("\\|")) {
                e.alias(NameForms.isLatin(a) ? "en" : "ar", a);
            }
            out.add(e);
        }
        return out;
    }
}
