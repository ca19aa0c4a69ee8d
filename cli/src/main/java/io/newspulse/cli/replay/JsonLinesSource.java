package io.newspulse.cli.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.NoSuchElementException;

/**
 * The non-blank lines of a file or of standard input, each one message sent as is; its key is the
 * line's {@code id} when the line is a JSON object with one, else null (bad lines are sent too: the
 * enrichment job routes them to the dead-letter topic).
 */
final class JsonLinesSource implements ReplaySource {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final BufferedReader reader;
    private final String name;
    private final Long size;
    private String nextLine;
    private long lineNumber;

    private JsonLinesSource(BufferedReader reader, String name, Long size) {
        this.reader = reader;
        this.name = name;
        this.size = size;
    }

    /** The lines of {@code file}, or of standard input for {@code -}. */
    static JsonLinesSource open(Path file) {
        boolean stdin = file.toString().equals("-");
        Long lines = stdin ? null : countLines(file);
        BufferedReader reader = stdin ? reader(System.in) : reader(file);
        return new JsonLinesSource(reader, stdin ? "<stdin>" : file.toString(), lines);
    }

    @Override
    public Long size() {
        return size;
    }

    @Override
    public boolean hasNext() {
        try {
            while (nextLine == null) {
                String line = reader.readLine();
                if (line == null) {
                    return false;
                }
                lineNumber++;
                if (!line.isBlank()) {
                    nextLine = line;
                }
            }
            return true;
        } catch (CharacterCodingException e) {
            throw new ReplayException(name + ":" + (lineNumber + 1) + ": not UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Message next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        String line = nextLine;
        nextLine = null;
        return new Message(keyOf(line), line.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            // Read-only: nothing to lose.
        }
    }

    /** The key of a line: its {@code id} when it is a JSON object with a scalar one. */
    static String keyOf(String line) {
        String s = line.strip();
        if (!s.startsWith("{")) {
            return null;
        }
        try {
            JsonNode id = MAPPER.readTree(s).get("id");
            return id != null && id.isValueNode() && !id.isNull() ? id.asText() : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static BufferedReader reader(Path f) {
        try {
            return reader(Files.newInputStream(f));
        } catch (NoSuchFileException e) {
            throw new ReplayException("no such file: " + f);
        } catch (IOException e) {
            throw new ReplayException("cannot read " + f + ": " + e.getMessage());
        }
    }

    private static BufferedReader reader(InputStream in) {
        return new BufferedReader(
                new InputStreamReader(
                        in,
                        StandardCharsets.UTF_8
                                .newDecoder()
                                .onMalformedInput(CodingErrorAction.REPORT)
                                .onUnmappableCharacter(CodingErrorAction.REPORT)));
    }

    private static Long countLines(Path f) {
        if (Files.isDirectory(f)) {
            throw new ReplayException(f + " is a directory");
        }
        try (BufferedReader r = reader(f)) {
            long n = 0;
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    n++;
                }
            }
            return n;
        } catch (CharacterCodingException e) {
            throw new ReplayException(f + " is not UTF-8");
        } catch (IOException e) {
            throw new ReplayException("cannot read " + f + ": " + e.getMessage());
        }
    }
}
