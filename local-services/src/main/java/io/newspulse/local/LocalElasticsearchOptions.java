package io.newspulse.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How to start a {@link LocalElasticsearch} node; immutable. Build with {@link #builder()}; {@link
 * #defaults()} gives:
 *
 * <ul>
 *   <li>{@code zip}: the first that exists of {@code $newspulse.services.dir/elasticsearch.zip},
 *       {@code target/services/elasticsearch.zip} of the module this code runs from, {@code cli/},
 *       {@code e2e/} or plain {@code target/services/elasticsearch.zip} under the current
 *       directory, and the zip in the local Maven repository (named when none exists);
 *   <li>{@code workDir}: {@code $XDG_CACHE_HOME/newspulse/elasticsearch-<version>} (or {@code
 *       ~/.cache/...}); as root, when the node's user cannot enter that path (e.g. {@code /root} is
 *       0700), {@code <java.io.tmpdir>/newspulse-cache/elasticsearch-<version>};
 *   <li>{@code httpPort}: 0 (a free port);
 *   <li>{@code heap}: {@code 512m};
 *   <li>security: off; on, a file-realm superuser with basic auth (HTTP stays plain);
 *   <li>{@code keepData}: false (a fresh data dir per start, deleted on close);
 *   <li>{@code startupTimeout}: 120 s.
 * </ul>
 */
public final class LocalElasticsearchOptions {
    private static final Pattern HEAP = Pattern.compile("\\d+[kKmMgG]?");
    private static final String INSTALL_NAME = "elasticsearch-" + LocalElasticsearch.VERSION;

    private final Path zip;
    private final Path workDir;
    private final int httpPort;
    private final String heap;
    private final String superuser;
    private final String superuserPassword;
    private final boolean keepData;
    private final Duration startupTimeout;

    private LocalElasticsearchOptions(Builder builder) {
        this.zip = builder.zip != null ? builder.zip : ElasticsearchDistribution.defaultZip();
        this.workDir = builder.workDir != null ? builder.workDir : defaultWorkDir();
        this.httpPort = builder.httpPort;
        this.heap = builder.heap;
        this.superuser = builder.superuser;
        this.superuserPassword = builder.superuserPassword;
        this.keepData = builder.keepData;
        this.startupTimeout = builder.startupTimeout;
    }

    /** All defaults. */
    public static LocalElasticsearchOptions defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        Builder builder =
                new Builder()
                        .zip(zip)
                        .workDir(workDir)
                        .httpPort(httpPort)
                        .heap(heap)
                        .keepData(keepData)
                        .startupTimeout(startupTimeout);
        if (securityEnabled()) {
            builder.security(superuser, superuserPassword);
        }
        return builder;
    }

    /** The integration-test distribution zip. */
    public Path zip() {
        return zip;
    }

    /** Holds the unpacked install and the node dirs. */
    public Path workDir() {
        return workDir;
    }

    /** The HTTP port; 0 picks a free one. */
    public int httpPort() {
        return httpPort;
    }

    /** Initial and maximum heap, in JVM syntax ({@code 512m}). */
    public String heap() {
        return heap;
    }

    /** Whether security (file-realm basic auth) is on. */
    public boolean securityEnabled() {
        return superuser != null;
    }

    /** The superuser name, or null when security is off. */
    public String superuser() {
        return superuser;
    }

    /** The superuser password, or null when security is off. */
    public String superuserPassword() {
        return superuserPassword;
    }

    /** Whether to keep one fixed data dir across starts instead of a fresh one per start. */
    public boolean keepData() {
        return keepData;
    }

    /** How long to wait for cluster health yellow. */
    public Duration startupTimeout() {
        return startupTimeout;
    }

    @Override
    public String toString() {
        return "LocalElasticsearchOptions{zip="
                + zip
                + ", workDir="
                + workDir
                + ", httpPort="
                + httpPort
                + ", heap="
                + heap
                + ", security="
                + (securityEnabled() ? "on (user " + superuser + ")" : "off")
                + ", keepData="
                + keepData
                + ", startupTimeout="
                + startupTimeout
                + "}";
    }

    private static Path defaultWorkDir() {
        return defaultWorkDir(
                System.getenv("XDG_CACHE_HOME"),
                Path.of(System.getProperty("user.home")),
                NodePrivileges.runningAsRoot(),
                Path.of(System.getProperty("java.io.tmpdir")));
    }

    /**
     * The default work dir for the given {@code $XDG_CACHE_HOME} (may be null), home, user and temp
     * dir.
     */
    static Path defaultWorkDir(String xdgCacheHome, Path userHome, boolean root, Path tmpDir) {
        Path cacheHome =
                xdgCacheHome != null && !xdgCacheHome.isBlank()
                        ? Path.of(xdgCacheHome)
                        : userHome.resolve(".cache");
        Path preferred = cacheHome.resolve("newspulse").resolve(INSTALL_NAME);
        if (!root || NodePrivileges.traversableWhereExisting(preferred)) {
            return preferred;
        }
        return tmpDir.resolve("newspulse-cache").resolve(INSTALL_NAME);
    }

    /** Builds {@link LocalElasticsearchOptions}; every setter checks its argument. */
    public static final class Builder {
        private Path zip;
        private Path workDir;
        private int httpPort;
        private String heap = "512m";
        private String superuser;
        private String superuserPassword;
        private boolean keepData;
        private Duration startupTimeout = Duration.ofSeconds(120);

        private Builder() {}

        /** The distribution zip (default: see {@link LocalElasticsearchOptions}). */
        public Builder zip(Path zip) {
            this.zip = Objects.requireNonNull(zip, "zip");
            return this;
        }

        /**
         * The work dir for the install and node dirs (default: see {@link
         * LocalElasticsearchOptions}). As root, a work dir the node's user cannot enter is replaced
         * at start by one under {@code <java.io.tmpdir>/newspulse-cache} (see {@link
         * LocalElasticsearch}).
         */
        public Builder workDir(Path workDir) {
            this.workDir = Objects.requireNonNull(workDir, "workDir");
            return this;
        }

        /** The HTTP port, 0 for a free one (default 0). */
        public Builder httpPort(int httpPort) {
            if (httpPort < 0 || httpPort > 65535) {
                throw new IllegalArgumentException("httpPort out of range: " + httpPort);
            }
            this.httpPort = httpPort;
            return this;
        }

        /** The heap size such as {@code 512m} or {@code 1g} (default 512m). */
        public Builder heap(String heap) {
            if (heap == null || !HEAP.matcher(heap).matches()) {
                throw new IllegalArgumentException("heap must look like 512m or 1g: " + heap);
            }
            this.heap = heap;
            return this;
        }

        /** Turns security on with a file-realm superuser (password at least 6 characters). */
        public Builder security(String user, String password) {
            if (user == null || !user.matches("[A-Za-z0-9_.@-]+")) {
                throw new IllegalArgumentException("invalid superuser name: " + user);
            }
            if (password == null || password.length() < 6) {
                throw new IllegalArgumentException(
                        "the superuser password needs at least 6 characters");
            }
            this.superuser = user;
            this.superuserPassword = password;
            return this;
        }

        /** Turns security off (the default). */
        public Builder securityDisabled() {
            this.superuser = null;
            this.superuserPassword = null;
            return this;
        }

        /** Keeps one fixed data dir across starts (default false). */
        public Builder keepData(boolean keepData) {
            this.keepData = keepData;
            return this;
        }

        /** How long to wait for the node to become ready (default 120 s). */
        public Builder startupTimeout(Duration startupTimeout) {
            if (startupTimeout == null || startupTimeout.isNegative() || startupTimeout.isZero()) {
                throw new IllegalArgumentException("startupTimeout must be positive");
            }
            this.startupTimeout = startupTimeout;
            return this;
        }

        /** The options; a zip or work dir not set gets its default, looked up now. */
        public LocalElasticsearchOptions build() {
            return new LocalElasticsearchOptions(this);
        }
    }
}
