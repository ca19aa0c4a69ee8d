package io.newspulse.evaluation;

import java.io.IOException;
import java.io.Reader;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the held-out sector set ({@code newspulse/sectors-heldout/<language>.tsv} on the classpath,
 * kept in {@code evaluation/src/main/resources}): short market texts written apart from the sector
 * names and rules of the knowledge base and never used to tune them. One text a line, four
 * tab-separated columns:
 *
 * <pre>
 * title &lt;TAB&gt; body &lt;TAB&gt; named &lt;TAB&gt; about
 * </pre>
 *
 * <b>named</b>: the sector ids the text names outright, separated by {@code ;}; <b>about</b>:
 * further sector ids that are acceptable because the text is clearly about a company in them.
 * Either may be empty. Lines starting with {@code #} and blank lines are skipped; a malformed line
 * fails the read with its line number.
 */
public final class SectorSetReader {
    /** Folder of the set under {@code newspulse/}. */
    public static final String SET = "sectors-heldout";

    /** Languages of the set, in report order. */
    public static final List<String> LANGUAGES = MoveSetReader.LANGUAGES;

    private SectorSetReader() {}

    /** The texts of one language of the shipped set. */
    public static List<SectorText> shipped(String language) {
        return LabelledSets.shipped(SET, language, "sector", (n, cols) -> text(n, cols, language));
    }

    /** Reads a set in the format above. */
    public static List<SectorText> read(Reader reader, String language) throws IOException {
        return LabelledSets.read(reader, (n, cols) -> text(n, cols, language));
    }

    private static SectorText text(int n, String[] cols, String language) {
        if (cols.length < 3 || cols.length > 4 || cols[0].isBlank() && cols[1].isBlank()) {
            throw new IllegalArgumentException(
                    "line " + n + ": expected title, body, named sectors and about sectors");
        }
        Set<String> named = ids(cols[2], n);
        Set<String> about = ids(cols.length == 4 ? cols[3] : "", n);
        for (String id : about) {
            if (named.contains(id)) {
                throw new IllegalArgumentException(
                        "line " + n + ": " + id + " is both named and about");
            }
        }
        return new SectorText(n, language, cols[0].strip(), cols[1].strip(), named, about);
    }

    private static Set<String> ids(String column, int line) {
        Set<String> out = new LinkedHashSet<>();
        for (String part : column.split(";")) {
            String id = part.strip();
            if (id.isEmpty()) {
                continue;
            }
            if (!id.startsWith("sector.") || id.contains(" ")) {
                throw new IllegalArgumentException("line " + line + ": bad sector id '" + id + "'");
            }
            out.add(id);
        }
        return Collections.unmodifiableSet(out);
    }
}
