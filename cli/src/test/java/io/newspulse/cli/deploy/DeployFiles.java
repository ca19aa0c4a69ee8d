package io.newspulse.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.newspulse.cli.NewspulseCli;
import io.newspulse.common.config.ConfigValues;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

/** The deployment files under {@code deploy/} and what the tests need to know about them. */
final class DeployFiles {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern NEWSPULSE_ENV = Pattern.compile("\\bNEWSPULSE_[A-Z0-9_]*[A-Z0-9]");

    /** The repository root (tests run in {@code jobs/}). */
    static final Path ROOT = findRoot();

    static final Path DEPLOY = ROOT.resolve("deploy");
    static final Path COMPOSE = DEPLOY.resolve("docker-compose.yml");
    static final Path ENV_EXAMPLE = DEPLOY.resolve(".env.example");
    static final Path DOCKERFILE = DEPLOY.resolve("docker/Dockerfile");
    static final Path INIT_SCRIPT = DEPLOY.resolve("docker/init.sh");
    static final Path TOPICS_SCRIPT = DEPLOY.resolve("docker/create-topics.sh");
    static final Path SUBMIT_SCRIPT = DEPLOY.resolve("standalone/submit.sh");
    static final Path KUBERNETES = DEPLOY.resolve("kubernetes");
    static final Path KUBERNETES_README = KUBERNETES.resolve("README.md");
    static final Path SECRETS_TEMPLATE = KUBERNETES.resolve("10-secrets.example.yaml");

    /** Resources created on demand ({@code kubectl create}), outside the apply order. */
    static final Path SAVEPOINTS = KUBERNETES.resolve("savepoints");

    private DeployFiles() {}

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("config/newspulse.yaml"))
                    && Files.isDirectory(dir.resolve("deploy"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException(
                "repository root not found above " + Path.of("").toAbsolutePath());
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The compose file as plain maps. SnakeYAML rather than Jackson: compose files use YAML merge
     * keys ({@code <<: *anchor}), which Jackson does not resolve.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> compose() {
        return (Map<String, Object>) new Yaml(new LoaderOptions()).load(read(COMPOSE));
    }

    /** The compose services by name. */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> composeServices() {
        return (Map<String, Map<String, Object>>) compose().get("services");
    }

    /** Every document of every Kubernetes manifest, in file order. */
    static List<JsonNode> kubernetesDocuments() {
        List<JsonNode> docs = new ArrayList<>();
        for (Path file : kubernetesManifests()) {
            docs.addAll(yamlDocuments(file.toString(), read(file)));
        }
        return docs;
    }

    /** The documents of the savepoint templates ({@code deploy/kubernetes/savepoints/}). */
    static List<JsonNode> savepointDocuments() {
        List<JsonNode> docs = new ArrayList<>();
        for (Path file : yamlFiles(SAVEPOINTS)) {
            docs.addAll(yamlDocuments(file.toString(), read(file)));
        }
        return docs;
    }

    /**
     * The commented-out documents of a manifest: each starts at a line {@code # ---} and runs over
     * the following {@code # }-prefixed lines up to the first line that is not a comment. These are
     * the options an operator uncomments.
     */
    static List<JsonNode> commentedDocuments(Path file) {
        List<JsonNode> docs = new ArrayList<>();
        StringBuilder doc = null;
        for (String line : read(file).split("\n")) {
            if (line.equals("# ---")) {
                if (doc != null) {
                    docs.addAll(yamlDocuments(file.toString(), doc.toString()));
                }
                doc = new StringBuilder();
            } else if (doc != null && (line.startsWith("# ") || line.equals("#"))) {
                doc.append(line.substring(Math.min(2, line.length()))).append('\n');
            } else if (doc != null) {
                docs.addAll(yamlDocuments(file.toString(), doc.toString()));
                doc = null;
            }
        }
        if (doc != null) {
            docs.addAll(yamlDocuments(file.toString(), doc.toString()));
        }
        return docs;
    }

    private static List<JsonNode> yamlDocuments(String name, String text) {
        List<JsonNode> docs = new ArrayList<>();
        try (YAMLParser parser = (YAMLParser) YAML.getFactory().createParser(text);
                MappingIterator<JsonNode> it = YAML.readValues(parser, JsonNode.class)) {
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    docs.add(doc);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": " + e.getMessage(), e);
        }
        return docs;
    }

    /** The Kubernetes documents of one kind. */
    static List<JsonNode> kubernetesDocuments(String kind) {
        return kubernetesDocuments().stream()
                .filter(d -> kind.equals(d.path("kind").asText()))
                .toList();
    }

    static List<Path> kubernetesManifests() {
        return yamlFiles(KUBERNETES);
    }

    private static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(
                            f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Scripts that run in or around the deployment (not the YAML and docs). */
    static List<Path> scripts() {
        List<Path> scripts = new ArrayList<>(List.of(INIT_SCRIPT, TOPICS_SCRIPT, SUBMIT_SCRIPT));
        scripts.add(DEPLOY.resolve("docker/newspulse"));
        return scripts;
    }

    /**
     * Every file this part of the deployment consists of: compose, env, docker, k8s, standalone.
     */
    static List<Path> allFiles() {
        List<Path> files = new ArrayList<>(List.of(COMPOSE, ENV_EXAMPLE));
        for (String dir : List.of("docker", "kubernetes", "standalone")) {
            try (Stream<Path> s = Files.walk(DEPLOY.resolve(dir))) {
                s.filter(Files::isRegularFile).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    /** Every {@code NEWSPULSE_*} name in {@code text}. */
    static Set<String> newspulseEnvNames(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = NEWSPULSE_ENV.matcher(text);
        while (m.find()) {
            names.add(m.group());
        }
        return names;
    }

    /** Environment variables of the config keys (config/newspulse.yaml) by name, with their key. */
    static Map<String, String> configEnvNames() {
        Map<String, String> names = new LinkedHashMap<>();
        for (String key : ConfigValues.defaults().asMap().keySet()) {
            names.put(ConfigValues.envName(key), key);
        }
        return names;
    }

    /**
     * Secret variables, which are never config keys: those config/newspulse.yaml lists in its
     * header and those the command line documents in its help (e.g. the writer password of {@code
     * es setup}).
     */
    static Set<String> documentedSecretEnvNames() {
        Set<String> names = new LinkedHashSet<>();
        for (String line : read(ROOT.resolve("config/newspulse.yaml")).split("\n")) {
            if (line.startsWith("#")) {
                names.addAll(newspulseEnvNames(line));
            }
        }
        names.addAll(newspulseEnvNames(usageOfEveryCommand(new CommandLine(new NewspulseCli()))));
        names.removeAll(configEnvNames().keySet());
        return names;
    }

    private static String usageOfEveryCommand(CommandLine cli) {
        StringBuilder usage = new StringBuilder(cli.getUsageMessage(CommandLine.Help.Ansi.OFF));
        cli.getSubcommands().values().forEach(sub -> usage.append(usageOfEveryCommand(sub)));
        return usage.toString();
    }

    /**
     * The lines of a shell script without comments (a {@code #} at a line start or after a blank).
     */
    static String shellCode(String script) {
        StringBuilder code = new StringBuilder();
        for (String line : script.split("\n")) {
            String stripped = line.strip();
            if (stripped.startsWith("#")) {
                continue;
            }
            int hash = line.indexOf(" #");
            code.append(hash >= 0 ? line.substring(0, hash) : line).append('\n');
        }
        return code.toString();
    }

    /** Destinations of the Dockerfile's COPY instructions, file by file (source -> destination). */
    static Map<String, String> dockerCopies() {
        Map<String, String> copies = new LinkedHashMap<>();
        for (String line : read(DOCKERFILE).split("\n")) {
            String l = line.strip();
            if (!l.startsWith("COPY ")) {
                continue;
            }
            List<String> parts = new ArrayList<>(List.of(l.substring(5).strip().split("\\s+")));
            parts.removeIf(p -> p.startsWith("--"));
            String dest = parts.remove(parts.size() - 1);
            for (String src : parts) {
                String name = src.substring(src.lastIndexOf('/') + 1);
                copies.put(src, dest.endsWith("/") ? dest + name : dest);
            }
        }
        return copies;
    }
}
