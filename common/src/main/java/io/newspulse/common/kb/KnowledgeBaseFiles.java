package io.newspulse.common.kb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** Reads knowledge-base YAML files from a directory or from the embedded classpath copy. */
public final class KnowledgeBaseFiles {
    /** Classpath folder of the embedded knowledge base. */
    public static final String CLASSPATH_DIR = "newspulse/config/entities/";

    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory())
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private KnowledgeBaseFiles() {}

    /** One definition with the file it came from. */
    record Sourced(String source, EntityDefinition definition) {}

    /**
     * Reads every {@code *.yaml} file of {@code dir} in file-name order, then those of its
     * sub-folders (generated listings), so that curated files come first.
     */
    static List<Sourced> readDirectory(Path dir) {
        return readDirectory(dir, true);
    }

    /** As {@link #readDirectory(Path)}; without sub-folders when {@code subfolders} is false. */
    static List<Sourced> readDirectory(Path dir, boolean subfolders) {
        if (!Files.isDirectory(dir)) {
            throw new KnowledgeBaseException("knowledge base folder not found: " + dir);
        }
        TreeMap<String, Path> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir, subfolders ? 2 : 1)) {
            s.filter(p -> p.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(p))
                    .forEach(p -> files.put(sortKey(dir.relativize(p).toString()), p));
        } catch (IOException e) {
            throw new KnowledgeBaseException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new KnowledgeBaseException("no *.yaml files in " + dir);
        }
        List<Sourced> out = new ArrayList<>();
        for (var e : files.entrySet()) {
            try (InputStream in = Files.newInputStream(e.getValue())) {
                parse(e.getKey().substring(2), in, out);
            } catch (IOException ex) {
                throw new KnowledgeBaseException("cannot read " + e.getValue(), ex);
            }
        }
        return out;
    }

    /** Top-level files sort before files in sub-folders; '/' separates on every platform. */
    private static String sortKey(String relative) {
        String name = relative.replace('\\', '/');
        return (name.indexOf('/') < 0 ? "0 " : "1 ") + name;
    }

    /** Reads the knowledge base packaged in the jar (or in target/classes during a build). */
    static List<Sourced> readClasspath() {
        ClassLoader cl = KnowledgeBaseFiles.class.getClassLoader();
        URL url = cl.getResource(CLASSPATH_DIR);
        if (url == null) {
            throw new KnowledgeBaseException("embedded knowledge base missing: " + CLASSPATH_DIR);
        }
        try {
            if (url.getProtocol().equals("file")) {
                return readDirectory(Path.of(url.toURI()));
            }
            if (url.getProtocol().equals("jar")) {
                return readJar(cl, ((JarURLConnection) url.openConnection()).getJarFile());
            }
        } catch (IOException | URISyntaxException e) {
            throw new KnowledgeBaseException("cannot read embedded knowledge base: " + e, e);
        }
        throw new KnowledgeBaseException("unsupported classpath location " + url);
    }

    private static List<Sourced> readJar(ClassLoader cl, JarFile jar) throws IOException {
        TreeMap<String, String> names = new TreeMap<>();
        Enumeration<JarEntry> entries = jar.entries();
        while (entries.hasMoreElements()) {
            String n = entries.nextElement().getName();
            if (n.startsWith(CLASSPATH_DIR) && n.endsWith(".yaml")) {
                names.put(sortKey(n.substring(CLASSPATH_DIR.length())), n);
            }
        }
        List<Sourced> out = new ArrayList<>();
        for (var e : names.entrySet()) {
            try (InputStream in = cl.getResourceAsStream(e.getValue())) {
                if (in == null) {
                    throw new KnowledgeBaseException("cannot open " + e.getValue());
                }
                parse(e.getKey().substring(2), in, out);
            }
        }
        return out;
    }

    private static void parse(String source, InputStream in, List<Sourced> out) {
        try {
            EntityDefinition.File f = YAML.readValue(in, EntityDefinition.File.class);
            if (f == null || f.entities() == null) {
                throw new KnowledgeBaseException(source + ": no 'entities:' list");
            }
            for (EntityDefinition d : f.entities()) {
                if (d == null) {
                    throw new KnowledgeBaseException(source + ": empty entity entry");
                }
                out.add(new Sourced(source, d));
            }
        } catch (UnrecognizedPropertyException e) {
            throw new KnowledgeBaseException(
                    source
                            + ": unknown key '"
                            + e.getPropertyName()
                            + "' at line "
                            + e.getLocation().getLineNr(),
                    e);
        } catch (IOException e) {
            String where =
                    e instanceof JsonProcessingException jpe && jpe.getLocation() != null
                            ? " at line " + jpe.getLocation().getLineNr()
                            : "";
            throw new KnowledgeBaseException(
                    source + ": invalid YAML" + where + ": " + firstLine(e.getMessage()), e);
        } catch (UncheckedIOException e) {
            throw new KnowledgeBaseException(source + ": " + e.getMessage(), e);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
