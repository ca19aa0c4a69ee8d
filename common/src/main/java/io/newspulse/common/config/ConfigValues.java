package io.newspulse.common.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flat {@code section.key -> value} configuration with the source of every value, layered as
 * documented in {@code config/newspulse.yaml}: defaults, file, environment, flags.
 */
public final class ConfigValues {
    static final String DEFAULTS = "newspulse/config/newspulse.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|kb|mb|gb)?");

    /** Keys that moved: still read under the old name, with a warning. */
    static final Map<String, String> RENAMED =
            Map.of("alerts.transaction_timeout", "kafka.transaction_timeout");

    /** Keys that no longer do anything: accepted with a warning, so old files still load. */
    static final Map<String, String> REMOVED =
            Map.of(
                    "elasticsearch.install_templates",
                    "jobs no longer install index templates; run `newspulse es setup`");

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> origin = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();

    private ConfigValues() {}

    /** The embedded defaults. */
    public static ConfigValues defaults() {
        ConfigValues c = new ConfigValues();
        try (InputStream in = ConfigValues.class.getClassLoader().getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new ConfigException("embedded defaults missing: " + DEFAULTS);
            }
            c.flatten("", YAML.readTree(in), "defaults", true);
        } catch (IOException e) {
            throw new ConfigException("cannot read embedded defaults: " + e.getMessage());
        }
        return c;
    }

    /** Overrides known keys from a YAML file; unknown keys are errors. */
    public ConfigValues withFile(Path file) {
        try {
            JsonNode tree = YAML.readTree(Files.readAllBytes(file));
            if (tree != null && !tree.isNull()) {
                flatten("", tree, file.toString(), false);
            }
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
        }
        return this;
    }

    /** Overrides known keys from {@code NEWSPULSE_SECTION_KEY} environment variables. */
    public ConfigValues withEnvironment(Map<String, String> env) {
        for (String old : RENAMED.keySet()) {
            String v = env.get(envName(old));
            if (v != null) {
                put(old, v, "environment " + envName(old));
            }
        }
        for (String key : values.keySet().toArray(String[]::new)) {
            String name = envName(key);
            String v = env.get(name);
            if (v != null) {
                set(key, v, "environment " + name);
            }
        }
        return this;
    }

    /** Overrides one key from a {@code key=value} flag. */
    public ConfigValues withFlag(String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException("--set expects key=value, got '" + assignment + "'");
        }
        put(assignment.substring(0, eq).strip(), assignment.substring(eq + 1).strip(), "--set");
        return this;
    }

    /** Deprecation warnings collected while loading (renamed or removed keys that were set). */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Environment variable name of a key. */
    public static String envName(String key) {
        return "NEWSPULSE_" + key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    /** All keys and values, in file order. */
    public Map<String, String> asMap() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    String string(String key) {
        requireKnown(key, "code");
        return values.get(key);
    }

    String optionalString(String key) {
        String v = string(key);
        return v == null || v.isBlank() ? null : v.strip();
    }

    String requiredString(String key) {
        String v = optionalString(key);
        if (v == null) {
            throw invalid(key, "must not be empty");
        }
        return v;
    }

    int positiveInt(String key) {
        try {
            int v = Integer.parseInt(requiredString(key));
            if (v <= 0) {
                throw invalid(key, "must be a positive integer");
            }
            return v;
        } catch (NumberFormatException e) {
            throw invalid(key, "must be a positive integer");
        }
    }

    double positiveDouble(String key) {
        try {
            double v = Double.parseDouble(requiredString(key));
            if (!(v > 0) || Double.isInfinite(v)) {
                throw invalid(key, "must be a positive number");
            }
            return v;
        } catch (NumberFormatException e) {
            throw invalid(key, "must be a positive number");
        }
    }

    boolean bool(String key) {
        String v = requiredString(key).toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw invalid(key, "must be true or false");
        }
        return v.equals("true");
    }

    Duration duration(String key) {
        Matcher m = DURATION.matcher(requiredString(key).toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw invalid(key, "must be a duration such as 500ms, 30s, 5m, 48h or 7d");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    Instant instant(String key) {
        try {
            return OffsetDateTime.parse(requiredString(key), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant();
        } catch (DateTimeException e) {
            throw invalid(
                    key, "must be an ISO-8601 time with an offset, e.g. 1990-01-01T00:00:00Z");
        }
    }

    long bytes(String key) {
        Matcher m = SIZE.matcher(requiredString(key).toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw invalid(key, "must be a size such as 512kb or 5mb");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2);
        return switch (unit) {
            case "kb" -> n * 1024;
            case "mb" -> n * 1024 * 1024;
            case "gb" -> n * 1024 * 1024 * 1024;
            default -> n;
        };
    }

    <E extends Enum<E>> E choice(String key, Class<E> type) {
        String v = requiredString(key).toUpperCase(Locale.ROOT);
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            StringBuilder allowed = new StringBuilder();
            for (E c : type.getEnumConstants()) {
                allowed.append(allowed.length() == 0 ? "" : ", ")
                        .append(c.name().toLowerCase(Locale.ROOT));
            }
            throw invalid(key, "must be one of " + allowed);
        }
    }

    ConfigException invalid(String key, String what) {
        return new ConfigException(
                key + " = '" + values.get(key) + "' (from " + origin.get(key) + ") " + what);
    }

    private void flatten(String prefix, JsonNode node, String source, boolean defining) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(
                        prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(),
                        e.getValue(),
                        source,
                        defining);
            }
            return;
        }
        if (node.isArray()) {
            throw new ConfigException(
                    prefix
                            + " (from "
                            + source
                            + ") must be a single value; use a comma-separated list");
        }
        String value = node.isNull() ? "" : node.asText();
        if (defining) {
            set(prefix, value, source);
        } else {
            put(prefix, value, source);
        }
    }

    /** Sets a user-given key, following renames and skipping removed keys with a warning. */
    private void put(String key, String value, String source) {
        String renamed = RENAMED.get(key);
        if (renamed != null) {
            warnings.add(
                    key
                            + " (from "
                            + source
                            + ") is deprecated; use "
                            + renamed
                            + " (environment "
                            + envName(renamed)
                            + ")");
            key = renamed;
        } else if (REMOVED.containsKey(key)) {
            warnings.add(key + " (from " + source + ") is ignored: " + REMOVED.get(key));
            return;
        }
        requireKnown(key, source);
        set(key, value, source);
    }

    private void requireKnown(String key, String source) {
        if (!values.containsKey(key)) {
            throw new ConfigException(
                    "unknown configuration key '"
                            + key
                            + "' (from "
                            + source
                            + "); see config/newspulse.yaml");
        }
    }

    private void set(String key, String value, String source) {
        values.put(key, value);
        origin.put(key, source);
    }
}
