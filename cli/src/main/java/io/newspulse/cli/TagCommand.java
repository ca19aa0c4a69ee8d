package io.newspulse.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newspulse.common.analysis.AnalysisJson;
import io.newspulse.common.analysis.DocumentAnalysis;
import io.newspulse.common.analysis.DocumentAnalyzer;
import io.newspulse.common.text.Utf8;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code newspulse tag [--pretty] [--kb DIR] [FILE...]}: one JSON object per document.
 *
 * <p>A file (or stdin) whose first non-blank character is {@code {} holds news JSON objects, one
 * per line ({@code id}, {@code title}, {@code body}, optional {@code language}); anything else
 * is one plain-text document. Bad lines are reported on stderr with file and line and the
 * command exits 2 after tagging the good ones.
 */
@Command(
        name = "tag",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Tag entities, sectors and moves; one JSON object per document.")
final class TagCommand implements Callable<Integer> {
    @Option(names = "--pretty", description = "Indent the JSON output.")
    boolean pretty;

    @Mixin KbOption kb;

    @Parameters(paramLabel = "FILE", description = "Input files (default: standard input).")
    List<Path> files = List.of();

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public Integer call() {
        DocumentAnalyzer analyzer = DocumentAnalyzer.create(kb.load());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int bad = 0;
        if (files.isEmpty()) {
            bad += tagInput("<stdin>", readStdin(), analyzer, out, err);
        } else {
            for (Path f : files) {
                bad += tagInput(f.toString(), read(f), analyzer, out, err);
            }
        }
        out.flush();
        if (bad > 0) {
            err.println(bad + " input document(s) could not be tagged");
            return 2;
        }
        return 0;
    }

    private int tagInput(
            String name,
            String content,
            DocumentAnalyzer analyzer,
            PrintWriter out,
            PrintWriter err) {
        if (!content.stripLeading().startsWith("{")) {
            print(out, AnalysisJson.toJson(mapper, analyzer.analyze(content)));
            return 0;
        }
        int bad = 0;
        String[] lines = content.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String problem = tagLine(line, analyzer, out);
            if (problem != null) {
                err.println(name + ":" + (i + 1) + ": " + problem);
                bad++;
            }
        }
        return bad;
    }

    /** Tags one news JSON line; returns what is wrong with it, or null. */
    private String tagLine(String line, DocumentAnalyzer analyzer, PrintWriter out) {
        JsonNode doc;
        try {
            doc = mapper.readTree(line);
        } catch (JsonProcessingException e) {
            return "invalid JSON: " + e.getOriginalMessage();
        }
        if (!doc.isObject()) {
            return "expected a JSON object";
        }
        String title = text(doc, "title");
        String body = text(doc, "body");
        if ((title == null || title.isBlank()) && (body == null || body.isBlank())) {
            return "no title or body";
        }
        DocumentAnalysis a = analyzer.analyze(title, body, text(doc, "language"));
        ObjectNode result = mapper.createObjectNode();
        if (doc.hasNonNull("id")) {
            result.put("id", doc.get("id").asText());
        }
        result.setAll(AnalysisJson.toJson(mapper, a));
        print(out, result);
        return null;
    }

    private static String text(JsonNode doc, String field) {
        JsonNode n = doc.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    private void print(PrintWriter out, ObjectNode n) {
        try {
            out.println(
                    pretty
                            ? mapper.writerWithDefaultPrettyPrinter().writeValueAsString(n)
                            : mapper.writeValueAsString(n));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path f) {
        try {
            return decode(Files.readAllBytes(f), f.toString());
        } catch (NoSuchFileException e) {
            throw new CliException("no such file: " + f, 2);
        } catch (IOException e) {
            throw new CliException("cannot read " + f + ": " + e.getMessage(), 2);
        }
    }

    private static String readStdin() {
        try (InputStream in = System.in) {
            return decode(in.readAllBytes(), "<stdin>");
        } catch (IOException e) {
            throw new CliException("cannot read standard input: " + e.getMessage(), 2);
        }
    }

    private static String decode(byte[] bytes, String name) {
        try {
            return Utf8.decode(bytes);
        } catch (CharacterCodingException e) {
            throw new CliException(name + " is not UTF-8 text", 2);
        }
    }
}
