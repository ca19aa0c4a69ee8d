package io.newspulse.common.kb.listing;

import io.newspulse.common.kb.EntityType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Taiwan: TWSE and TPEx securities (stocks, innovation board, TDRs, ETFs) with their traditional
 * Chinese short names, the exchanges' company profiles (full and English short names) and
 * FinanceDatabase English names.
 */
final class TaiwanListings {
    private TaiwanListings() {}

    static List<ListedEntity> read(Path root) {
        Path dir = root.resolve("tw");
        Map<String, String[]> profiles = new HashMap<>();
        for (String f :
                List.of("t187ap03_L_company_profile.csv", "t187ap03_O_company_profile.csv")) {
            CsvTable t = CsvTable.read(dir.resolve(f));
            for (int r = 0; r < t.size(); r++) {
                profiles.put(t.get(r, "公司代號"), new String[] {t.get(r, "公司名稱"), t.get(r, "英文簡稱")});
            }
        }
        Map<String, String> english = new HashMap<>();
        for (String f :
                List.of("financedatabase_equities_TAI.csv", "financedatabase_equities_TWO.csv")) {
            CsvTable t = CsvTable.read(dir.resolve(f));
            for (int r = 0; r < t.size(); r++) {
                String name = t.get(r, "name");
                if (!name.contains("/W") && !name.contains("C/W") && !name.contains("P/W")) {
                    english.put(t.get(r, "symbol").replaceAll("\\.TWO?$", ""), name);
                }
            }
        }
        List<ListedEntity> out = new ArrayList<>();
        read(dir.resolve("twse_equities_no_warrants.csv"), "TW", profiles, english, out);
        read(dir.resolve("tpex_equities_no_warrants.csv"), "TWO", profiles, english, out);
        return out;
    }

    private static void read(
            Path file,
            String suffix,
            Map<String, String[]> profiles,
            Map<String, String> english,
            List<ListedEntity> out) {
        CsvTable t = CsvTable.read(file);
        for (int r = 0; r < t.size(); r++) {
            String kind = t.get(r, "type");
            EntityType type;
            if (kind.equals("股票")
                    || kind.equals("創新板")
                    || kind.startsWith("臺灣存託憑證")
                    || kind.equals("TDR")) {
                type = EntityType.COMPANY;
            } else if (kind.equals("ETF")) {
                type = EntityType.ETF;
            } else {
                continue;
            }
            String code = t.get(r, "code");
            String shortName = NameForms.collapse(t.get(r, "name"));
            String[] profile = profiles.get(code);
            String en = english.get(code);
            String name =
                    en != null
                            ? NameForms.collapse(en)
                            : profile != null && !profile[1].isBlank()
                                    ? NameForms.collapse(profile[1])
                                    : shortName;
            String id =
                    (type == EntityType.ETF ? "etf.tw." : "tw.")
                            + code.toLowerCase(java.util.Locale.ROOT);
            ListedEntity e = new ListedEntity("tw", id, type, name);
            e.ticker(code + "." + suffix);
            e.alias("zh-Hant", shortName);
            if (profile != null) {
                e.alias("zh-Hant", NameForms.chineseStripped(profile[0]));
                String abbreviation = NameForms.collapse(profile[1]);
                // Short English codes (TCC, ACC) are abbreviations of many things; keep words.
                if (abbreviation.replaceAll("[^A-Za-z]", "").length() >= 5) {
                    e.alias("en", abbreviation);
                }
            }
            if (en != null) {
                e.alias("en", NameForms.englishShort(en));
            }
            out.add(e);
        }
    }
}
