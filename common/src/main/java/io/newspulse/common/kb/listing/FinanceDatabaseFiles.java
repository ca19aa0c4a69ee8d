package io.newspulse.common.kb.listing;

import io.newspulse.common.kb.EntityType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** FinanceDatabase equity files: symbol with exchange suffix, English name. */
final class FinanceDatabaseFiles {
    private FinanceDatabaseFiles() {}

    /** English names by code (the symbol without its suffix). */
    static Map<String, String> namesByCode(Path file) {
        Map<String, String> out = new HashMap<>();
        CsvTable t = CsvTable.read(file);
        for (int r = 0; r < t.size(); r++) {
            String symbol = t.get(r, "symbol");
            int dot = symbol.lastIndexOf('.');
            out.put(dot < 0 ? symbol : symbol.substring(0, dot), t.get(r, "name"));
        }
        return out;
    }

    /** One company per row of a market that only this file covers (SGX, Bursa, QSE). */
    static List<ListedEntity> companies(String market, Path file) {
        List<ListedEntity> out = new ArrayList<>();
        CsvTable t = CsvTable.read(file);
        for (int r = 0; r < t.size(); r++) {
            String symbol = t.get(r, "symbol");
            if (symbol.contains("@")) {
                // A second line of a listed company (AHCS@S.QA beside AHCS.QA), not a security.
                continue;
            }
            String code = symbol.substring(0, symbol.lastIndexOf('.'));
            String name = NameForms.collapse(t.get(r, "name"));
            ListedEntity e =
                    new ListedEntity(
                            market,
                            market + "." + ListedEntity.idPart(code),
                            EntityType.COMPANY,
                            name);
            e.ticker(symbol);
            e.alias("en", NameForms.englishShort(name));
            out.add(e);
        }
        return out;
    }
}
