package io.newspulse.common.kb.listing;

import io.newspulse.common.kb.EntityType;
import io.newspulse.common.kb.Tickers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hong Kong: HKEX's traditional-Chinese list of securities (equities, ETFs, REITs), the newer
 * simplified short names, HKEX English short names and FinanceDatabase English names.
 */
final class HongKongListings {
    private HongKongListings() {}

    static List<ListedEntity> read(Path root) {
        Path dir = root.resolve("hk");
        Map<String, String> englishShort = new HashMap<>();
        CsvTable shortNames = CsvTable.read(dir.resolve("hkex_english_short_names.csv"));
        for (int r = 0; r < shortNames.size(); r++) {
            String name = shortNames.get(r, "Name");
            if (!name.matches(".*-(R|WR|SWR)$")) {
                englishShort.putIfAbsent(code(shortNames.get(r, "Symbol")), name);
            }
        }
        Map<String, String> english = new HashMap<>();
        CsvTable fd = CsvTable.read(dir.resolve("financedatabase_equities_HKG.csv"));
        for (int r = 0; r < fd.size(); r++) {
            english.put(code(fd.get(r, "symbol")), fd.get(r, "name"));
        }
        Map<String, String> simplified = new LinkedHashMap<>();
        CsvTable ts = CsvTable.read(dir.resolve("hk_names_simplified_tushare.csv"));
        for (int r = 0; r < ts.size(); r++) {
            simplified.put(code(ts.get(r, "code")), ts.get(r, "name_zh_hans"));
        }

        Map<String, ListedEntity> byCode = new LinkedHashMap<>();
        CsvTable hkex = CsvTable.read(dir.resolve("hkex_list_of_securities_c_2025-11-04.csv"));
        for (int r = 0; r < hkex.size(); r++) {
            String kind = hkex.get(r, "分類");
            String sub = hkex.get(r, "次分類");
            String traditional = NameForms.chineseShort(hkex.get(r, "股份名稱"));
            EntityType type;
            if (kind.equals("股本") && !hkex.get(r, "股份名稱").matches(".*[－-][ＲR]$")) {
                type = EntityType.COMPANY;
            } else if (kind.equals("交易所買賣產品") && sub.contains("交易所買賣基金")) {
                type = EntityType.ETF;
            } else if (kind.contains("房地產投資信託")) {
                type = EntityType.COMPANY;
            } else {
                continue;
            }
            String code = code(hkex.get(r, "股份代號"));
            byCode.put(code, entity(code, type, traditional, englishShort, english));
        }
        // Codes listed after the HKEX snapshot, and renamed companies (the newer name wins).
        simplified.forEach(
                (code, name) -> {
                    String s = NameForms.chineseShort(name);
                    ListedEntity e = byCode.get(code);
                    if (e == null && !(code.length() == 5 && code.startsWith("8"))) {
                        e = entity(code, EntityType.COMPANY, s, englishShort, english);
                        byCode.put(code, e);
                    }
                    if (e != null) {
                        e.alias(NameForms.isLatin(s) ? "en" : "zh-Hans", s);
                    }
                });
        return new ArrayList<>(byCode.values());
    }

    private static ListedEntity entity(
            String code,
            EntityType type,
            String nativeName,
            Map<String, String> englishShort,
            Map<String, String> english) {
        String full = english.get(code);
        String shortEn = englishShort.get(code);
        String name =
                full != null
                        ? NameForms.collapse(full)
                        : shortEn != null ? NameForms.titleCase(shortEn) : nativeName;
        String prefix = type == EntityType.ETF ? "etf.hk." : "hk.";
        ListedEntity e = new ListedEntity("hk", prefix + code, type, name);
        e.ticker(code + ".HK");
        e.alias(NameForms.isLatin(nativeName) ? "en" : "zh-Hant", nativeName);
        if (!NameForms.isLatin(nativeName)) {
            e.alias("zh-Hant", NameForms.chineseStripped(nativeName));
        }
        if (shortEn != null) {
            e.alias("en", NameForms.titleCase(shortEn));
        }
        if (full != null) {
            e.alias("en", NameForms.englishShort(full));
        }
        return e;
    }

    /** Four-digit HKEX code of {@code 0700.HK}, {@code 00700.HK} or {@code 00700}. */
    private static String code(String symbol) {
        String digits = symbol.replace(".HK", "");
        return Tickers.hongKongCode(digits);
    }
}
