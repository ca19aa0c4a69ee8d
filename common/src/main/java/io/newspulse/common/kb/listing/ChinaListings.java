package io.newspulse.common.kb.listing;

import io.newspulse.common.kb.EntityType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mainland China: A-shares of Shanghai, Shenzhen and Beijing (Tushare basics, the exchanges' May
 * 2026 list, FinanceDatabase English names), exchange-traded funds and CSI/SSE/SZSE indices.
 */
final class ChinaListings {
    /** An ETF name and the fund manager's short name after it: 短融ETF海富通. */
    private static final Pattern ETF_MANAGER = Pattern.compile("^(.*?ETF)(\\p{IsHan}{2,6})$");

    private static final Pattern INDEX_FAMILY =
            Pattern.compile("^(中证|上证|深证|沪深|国证|科创|创业|北证|中华|巨潮|cs|CS).*");

    private ChinaListings() {}

    static List<ListedEntity> read(Path root) {
        List<ListedEntity> out = new ArrayList<>();
        out.addAll(shares(root.resolve("cn")));
        out.addAll(funds(root.resolve("cn/etfs_sse_szse.csv")));
        out.addAll(indices(root.resolve("cn")));
        return out;
    }

    /** Yahoo suffix of a six-digit A-share code's exchange (SH/SSE, SZ/SZSE, BJ/BSE). */
    private static String suffix(String exchange) {
        return switch (exchange) {
            case "SH", "SSE" -> "SS";
            case "SZ", "SZSE" -> "SZ";
            default -> "BJ";
        };
    }

    private static List<ListedEntity> shares(Path dir) {
        Map<String, String> english = new LinkedHashMap<>();
        for (String f :
                List.of("financedatabase_equities_SHH.csv", "financedatabase_equities_SHZ.csv")) {
            english.putAll(FinanceDatabaseFiles.namesByCode(dir.resolve(f)));
        }
        Map<String, ListedEntity> byCode = new LinkedHashMap<>();
        CsvTable basic = CsvTable.read(dir.resolve("a_shares_stock_basic.csv"));
        for (int r = 0; r < basic.size(); r++) {
            String[] tsCode = basic.get(r, "股票代码").split("\\.");
            String code = tsCode[0];
            String en = basic.get(r, "英文名称");
            String shortName = NameForms.chineseShort(basic.get(r, "股票名称"));
            ListedEntity e =
                    company(code, suffix(tsCode[1]), en.isEmpty() ? shortName : en, shortName);
            String full = NameForms.chineseStripped(basic.get(r, "公司全称"));
            e.alias("zh-Hans", full);
            english(e, english.get(code));
            english(e, en);
            byCode.put(code, e);
        }
        CsvTable recent = CsvTable.read(dir.resolve("a_shares_exchange_list_2026-05.csv"));
        for (int r = 0; r < recent.size(); r++) {
            String code = recent.get(r, "code");
            String shortName = NameForms.chineseShort(recent.get(r, "name"));
            ListedEntity known = byCode.get(code);
            if (known == null) {
                byCode.put(
                        code,
                        company(code, suffix(recent.get(r, "exchange")), shortName, shortName));
            } else {
                // The newer exchange list wins for a renamed company; the old name stays an alias.
                known.alias("zh-Hans", shortName);
                known.alias("zh-Hans", NameForms.withoutShareClass(shortName));
            }
        }
        return new ArrayList<>(byCode.values());
    }

    private static ListedEntity company(String code, String suffix, String name, String shortName) {
        ListedEntity e =
                new ListedEntity("cn", "cn." + code, EntityType.COMPANY, NameForms.collapse(name));
        e.ticker(code + "." + suffix);
        e.alias("zh-Hans", shortName);
        e.alias("zh-Hans", NameForms.withoutShareClass(shortName));
        return e;
    }

    private static void english(ListedEntity e, String en) {
        if (en == null || en.isBlank()) {
            return;
        }
        e.alias("en", NameForms.collapse(en));
        e.alias("en", NameForms.englishShort(en));
    }

    private static List<ListedEntity> funds(Path file) {
        List<ListedEntity> out = new ArrayList<>();
        CsvTable t = CsvTable.read(file);
        for (int r = 0; r < t.size(); r++) {
            String raw = t.get(r, "代码");
            String code = raw.substring(2);
            String suffix = raw.startsWith("sh") ? "SS" : "SZ";
            String name = NameForms.collapse(t.get(r, "名称"));
            ListedEntity e =
                    new ListedEntity(
                            "cn-funds", "etf.cn." + code, EntityType.ETF, "China ETF " + code);
            e.ticker(code + "." + suffix);
            e.alias("zh-Hans", name);
            Matcher m = ETF_MANAGER.matcher(name);
            if (m.matches()) {
                // The product name without its manager is what commentary writes; many funds
                // share it, and the code after it decides (the importer marks it ambiguous).
                e.alias("zh-Hans", m.group(1));
            }
            out.add(e);
        }
        return out;
    }

    private static List<ListedEntity> indices(Path dir) {
        Map<String, ListedEntity> byCode = new LinkedHashMap<>();
        CsvTable major = CsvTable.read(dir.resolve("major_indices_sse_szse_bse.csv"));
        for (int r = 0; r < major.size(); r++) {
            index(byCode, major.get(r, "代码"), major.get(r, "名称"));
        }
        CsvTable csi = CsvTable.read(dir.resolve("csi_index_list.csv"));
        for (int r = 0; r < csi.size(); r++) {
            index(byCode, csi.get(r, "index_code"), csi.get(r, "display_name"));
        }
        return new ArrayList<>(byCode.values());
    }

    private static void index(Map<String, ListedEntity> byCode, String code, String rawName) {
        if (byCode.containsKey(code) || code.isEmpty()) {
            return;
        }
        String name = NameForms.collapse(rawName);
        ListedEntity e =
                new ListedEntity(
                        "cn-indices",
                        "index.cn." + code.toLowerCase(java.util.Locale.ROOT),
                        EntityType.INDEX,
                        "China index " + code);
        if (code.chars().allMatch(Character::isDigit) && code.length() == 6) {
            String suffix = code.startsWith("399") ? "SZ" : code.startsWith("899") ? "BJ" : "SS";
            e.ticker(code + "." + suffix);
        }
        e.alias("zh-Hans", name);
        if (!name.endsWith("指数")) {
            e.alias("zh-Hans", name + "指数");
        }
        if (!INDEX_FAMILY.matcher(name).matches() && !name.startsWith("中证")) {
            e.alias("zh-Hans", "中证" + name + "指数");
            // A bare CSI theme name (内地消费, 300能源) is an ordinary phrase without 指数.
            e.evidenceRequired.add(name);
        }
        byCode.put(code, e);
    }
}
