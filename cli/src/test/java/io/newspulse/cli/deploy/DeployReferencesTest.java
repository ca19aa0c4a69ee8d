package io.newspulse.cli.deploy;

import static io.newspulse.cli.deploy.DeployFiles.DOCKERFILE;
import static io.newspulse.cli.deploy.DeployFiles.ROOT;
import static io.newspulse.cli.deploy.DeployFiles.allFiles;
import static io.newspulse.cli.deploy.DeployFiles.composeServices;
import static io.newspulse.cli.deploy.DeployFiles.kubernetesDocuments;
import static io.newspulse.cli.deploy.DeployFiles.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newspulse.cli.NewspulseCli;
import io.newspulse.common.config.ConfigValues;
import io.newspulse.common.config.NewspulseConfig;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * What the compose file, the Kubernetes manifests and the scripts name must exist: pinned official
 * images, the jar where the image puts it, config keys, environment variables, main classes and
 * command-line subcommands.
 */
class DeployReferencesTest {
    /** Official images the deployment may use, by repository. */
    private static final Set<String> OFFICIAL_IMAGES =
            Set.of(
                    "apache/kafka",
                    "apache/flink",
                    "docker.elastic.co/elasticsearch/elasticsearch",
                    "docker.elastic.co/kibana/kibana");

    /** The job image built from deploy/docker/Dockerfile, under any registry. */
    private static final Pattern JOB_IMAGE = Pattern.compile("(?:.+/)?newspulse-job");

    private static final Pattern JAR_PATH =
            Pattern.compile("/opt/flink/usrlib/[A-Za-z0-9_.-]+\\.jar");
    private static final Pattern SET_FLAG =
            Pattern.compile("--set[\\s=]+[\"']?([A-Za-z_][A-Za-z0-9_.]*)=");
    private static final Pattern MAIN_CLASS =
            Pattern.compile("\\bio\\.newspulse(?:\\.[a-z][a-z0-9]*)+\\.[A-Z]\\w*");
    private static final Pattern CLI_CALL =
            Pattern.compile(
                    "(?<![\\w/.$-])(?:bin/)?newspulse[ \\t]+([a-z][a-z-]*)(?:[ \\t]+([a-z][a-z-]*))?");
    private static final Pattern MARKDOWN_CLI_CALL =
            Pattern.compile("(?:`|bin/)newspulse[ \\t]+([a-z][a-z-]*)(?:[ \\t]+([a-z][a-z-]*))?");
    private static final Pattern FROM = Pattern.compile("(?m)^FROM\\s+(\\S+)");

    /** Every image named in the compose file, the Kubernetes manifests and the Dockerfile. */
    private static Map<String, String> images() {
        Map<String, String> images = new LinkedHashMap<>();
        composeServices()
                .forEach(
                        (name, s) -> images.put(String.valueOf(s.get("image")), "compose " + name));
        for (JsonNode doc : kubernetesDocuments()) {
            for (JsonNode image : doc.findValues("image")) {
                images.put(
                        image.asText(),
                        doc.path("kind").asText()
                                + " "
                                + doc.path("metadata").path("name").asText());
            }
        }
        Matcher from = FROM.matcher(read(DOCKERFILE));
        while (from.find()) {
            images.put(from.group(1), "Dockerfile");
        }
        return images;
    }

    @Test
    void everyImageIsPinnedAndOfficialOrTheJobImage() {
        assertThat(images()).isNotEmpty();
        images().forEach(
                        (image, where) -> {
                            int colon = image.lastIndexOf(':');
                            assertThat(colon > image.lastIndexOf('/'))
                                    .as(where + ": " + image + " has a tag")
                                    .isTrue();
                            String repository = image.substring(0, colon);
                            String tag = image.substring(colon + 1);
                            assertThat(tag)
                                    .as(where + ": " + image)
                                    .isNotEqualTo("latest")
                                    .doesNotContain("$");
                            if (!JOB_IMAGE.matcher(repository).matches()) {
                                assertThat(OFFICIAL_IMAGES)
                                        .as(where + ": " + image)
                                        .contains(repository);
                                // Official images are pinned to a release: digits, not a moving
                                // name.
                                assertThat(tag)
                                        .as(where + ": " + image)
                                        .matches("\\d+\\.\\d+\\.\\d+.*");
                            }
                        });
    }

    @Test
    void versionsFitTogether() {
        Map<String, String> tags = new LinkedHashMap<>();
        images().keySet()
                .forEach(
                        i ->
                                tags.put(
                                        i.substring(0, i.lastIndexOf(':')),
                                        i.substring(i.lastIndexOf(':') + 1)));
        assertThat(tags.get("apache/flink")).startsWith("2.2.").endsWith("-java17");
        assertThat(tags.get("apache/kafka")).startsWith("4.");
        assertThat(tags.get("docker.elastic.co/elasticsearch/elasticsearch"))
                .startsWith("8.19.")
                .isEqualTo(tags.get("docker.elastic.co/kibana/kibana"))
                .isEqualTo(
                        kubernetesDocuments("Elasticsearch")
                                .get(0)
                                .path("spec")
                                .path("version")
                                .asText());
    }

    @Test
    void theDockerfilePutsTheShadedJarWhereTheDeploymentLooksForIt() {
        Map<String, String> copies = DeployFiles.dockerCopies();
        // The COPY source is the jar the build makes (maven-shade-plugin finalName).
        String pom = read(ROOT.resolve("jobs/pom.xml"));
        Matcher finalName = Pattern.compile("<finalName>([^<]+)</finalName>").matcher(pom);
        assertThat(finalName.find()).isTrue();
        String jar = "jobs/target/" + finalName.group(1) + ".jar";
        assertThat(copies).containsKey(jar);
        assertThat(copies.get(jar)).isEqualTo("/opt/flink/usrlib/newspulse.jar");
        // The command line's jars are what the cli module's build makes.
        String cliPom = read(ROOT.resolve("cli/pom.xml"));
        assertThat(copies).containsKeys("cli/target/newspulse-cli.jar", "cli/target/image-lib/");
        assertThat(cliPom)
                .contains("<finalName>newspulse-cli</finalName>")
                .contains(
                        "<outputDirectory>${project.build.directory}/image-lib</outputDirectory>");
        // Every other COPY source is a file of this repository, and none is ignored.
        String ignore = read(DOCKERFILE.resolveSibling("Dockerfile.dockerignore"));
        for (String source : copies.keySet()) {
            if (!source.startsWith("jobs/target/") && !source.startsWith("cli/target/")) {
                assertThat(ROOT.resolve(source)).as("COPY " + source).isRegularFile();
            }
            assertThat(
                            ignore.contains("!" + source)
                                    || ignore.contains(
                                            "!" + source.substring(0, source.lastIndexOf('/') + 1)))
                    .as(source + " in the build context")
                    .isTrue();
        }
        // Every jar path the deployment names is one the image has.
        for (Path file : allFiles()) {
            Matcher m = JAR_PATH.matcher(read(file));
            while (m.find()) {
                assertThat(copies.values()).as(file + " names " + m.group()).contains(m.group());
            }
        }
    }

    @Test
    void everySetFlagNamesAConfigKey() {
        Set<String> keys = ConfigValues.defaults().asMap().keySet();
        int found = 0;
        for (Path file : allFiles()) {
            Matcher m = SET_FLAG.matcher(read(file));
            while (m.find()) {
                if (m.group(1).equals("key")) {
                    continue; // the `--set key=value` of a usage line
                }
                found++;
                assertThat(keys).as(file + ": --set " + m.group(1)).contains(m.group(1));
            }
        }
        for (JsonNode d : kubernetesDocuments("FlinkDeployment")) {
            JsonNode args = d.path("spec").path("job").path("args");
            for (int i = 0; i + 1 < args.size(); i++) {
                if (args.get(i).asText().equals("--set")) {
                    found++;
                    String assignment = args.get(i + 1).asText();
                    assertThat(keys)
                            .as(assignment)
                            .contains(assignment.substring(0, assignment.indexOf('=')));
                }
            }
        }
        assertThat(found).isGreaterThan(5);
    }

    @Test
    void everyNewspulseVariableIsAConfigKeyOrADocumentedSecret() {
        Set<String> known = new TreeSet<>(DeployFiles.configEnvNames().keySet());
        Set<String> secrets = DeployFiles.documentedSecretEnvNames();
        assertThat(secrets).contains("NEWSPULSE_ES_USERNAME", "NEWSPULSE_ES_PASSWORD");
        known.addAll(secrets);
        Set<String> named = new TreeSet<>();
        for (Path file : allFiles()) {
            for (String name : DeployFiles.newspulseEnvNames(read(file))) {
                named.add(name);
                assertThat(known).as(file + " names " + name).contains(name);
            }
        }
        assertThat(named).contains("NEWSPULSE_ES_USERNAME", "NEWSPULSE_ELASTICSEARCH_HOSTS");
    }

    @Test
    void everyMainClassExistsAndJobClassesHaveMainAndTheirName() throws Exception {
        Set<String> named = new TreeSet<>();
        for (Path file : allFiles()) {
            String text = read(file);
            Matcher m = MAIN_CLASS.matcher(text);
            while (m.find()) {
                named.add(m.group());
                Class<?> type = Class.forName(m.group(), false, getClass().getClassLoader());
                if (type.getSimpleName().endsWith("Job")) {
                    Method main = type.getMethod("main", String[].class);
                    assertThat(Modifier.isStatic(main.getModifiers())).isTrue();
                    // Scripts that find a running job by name use the name the job runs under.
                    if (file.toString().endsWith(".sh")) {
                        String jobName = (String) type.getField("NAME").get(null);
                        assertThat(text)
                                .as(file + " names " + type.getSimpleName())
                                .contains(jobName);
                    }
                }
            }
        }
        for (JsonNode d : kubernetesDocuments("FlinkDeployment")) {
            String entry = d.path("spec").path("job").path("entryClass").asText();
            named.add(entry);
            assertThat(
                            Class.forName(entry, false, getClass().getClassLoader())
                                    .getMethod("main", String[].class))
                    .isNotNull();
        }
        assertThat(named)
                .contains(
                        "io.newspulse.jobs.enrichment.EnrichmentJob",
                        "io.newspulse.jobs.signals.SignalsJob");
    }

    @Test
    void scriptsAndDocsCallExistingSubcommands() {
        CommandLine cli = new CommandLine(new NewspulseCli());
        List<String> calls = new ArrayList<>();
        for (Path file : allFiles()) {
            String name = file.getFileName().toString();
            String text = read(file);
            Matcher m;
            if (name.endsWith(".sh") || name.equals("newspulse")) {
                m = CLI_CALL.matcher(DeployFiles.shellCode(text));
            } else if (name.endsWith(".md")) {
                m = MARKDOWN_CLI_CALL.matcher(text);
            } else {
                continue;
            }
            while (m.find()) {
                calls.add(name + ": " + m.group().strip());
                assertSubcommand(cli, file + ": " + m.group(), m.group(1), m.group(2));
            }
        }
        composeServices()
                .forEach(
                        (service, s) -> {
                            if (s.get("command") instanceof List<?> command
                                    && !command.isEmpty()
                                    && "newspulse".equals(command.get(0))) {
                                calls.add(service + ": " + command);
                                assertSubcommand(
                                        cli,
                                        "compose " + service,
                                        String.valueOf(command.get(1)),
                                        command.size() > 2 ? String.valueOf(command.get(2)) : null);
                            }
                        });
        assertThat(calls)
                .anyMatch(c -> c.startsWith("init.sh: newspulse es setup"))
                .anyMatch(c -> c.startsWith("init.sh: newspulse kibana import"))
                .anyMatch(c -> c.startsWith("replay: "));
    }

    private static void assertSubcommand(
            CommandLine cli, String where, String first, String second) {
        assertThat(cli.getSubcommands()).as(where).containsKey(first);
        CommandLine sub = cli.getSubcommands().get(first);
        if (!sub.getSubcommands().isEmpty()) {
            assertThat(sub.getSubcommands()).as(where).containsKey(second);
        }
    }

    @Test
    void topicsScriptCreatesTheTopicsOfTheJobs() {
        NewspulseConfig.Topics topics = NewspulseConfig.defaults().topics();
        String code = DeployFiles.shellCode(read(DeployFiles.TOPICS_SCRIPT));
        for (String topic :
                List.of(topics.raw(), topics.enriched(), topics.alerts(), topics.dlq())) {
            assertThat(code).contains("create " + topic + " ");
        }
        assertThat(Files.isExecutable(DeployFiles.TOPICS_SCRIPT)).isTrue();
        for (Path script : DeployFiles.scripts()) {
            assertThat(Files.isExecutable(script)).as(script + " is executable").isTrue();
        }
    }
}
