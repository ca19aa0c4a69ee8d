package io.newspulse.evaluation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The common format of the labelled sets kept in the repository: tab-separated UTF-8 lines, blank
 * lines and lines starting with {@code #} skipped, each file at {@code
 * newspulse/<set>/<language>.tsv} on the classpath.
 */
final class LabelledSets {
    /** Turns the columns of one line into an item, or fails naming the line. */
    @FunctionalInterface
    interface LineParser<T> {
        T parse(int line, String[] columns);
    }

    private LabelledSets() {}

    /** The items of one language of the shipped set {@code set}. */
    static <T> List<T> shipped(String set, String language, String what, LineParser<T> parser) {
        String resource = "/newspulse/" + set + "/" + language + ".tsv";
        InputStream in = LabelledSets.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalArgumentException("no labelled " + what + " set " + resource);
        }
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return read(r, parser);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The items of every line of {@code reader} that is neither blank nor a comment. */
    static <T> List<T> read(Reader reader, LineParser<T> parser) throws IOException {
        List<T> out = new ArrayList<>();
        BufferedReader in = new BufferedReader(reader);
        int n = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            n++;
            if (!line.isBlank() && !line.startsWith("#")) {
                out.add(parser.parse(n, line.split("\t", -1)));
            }
        }
        return out;
    }
}
