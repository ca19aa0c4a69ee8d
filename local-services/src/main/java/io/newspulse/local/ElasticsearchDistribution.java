package io.newspulse.local;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The integration-test distribution zip ({@value LocalElasticsearch#VERSION}): where it is looked
 * for, and its install, unpacked once into {@code <workDir>/elasticsearch-<version>} and shared by
 * every node of that work dir, also across JVMs.
 *
 * <p>An install is complete when it holds the marker file {@value #INSTALL_MARKER}. It is unpacked
 * into a staging dir next to it and renamed into place atomically, so a JVM that loses the race
 * uses the winner's install and a killed unpack never looks complete.
 */
final class ElasticsearchDistribution {

    private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchDistribution.class);

    private static final String INSTALL_MARKER = ".newspulse-unpacked";
    private static final String ZIP_NAME = "elasticsearch.zip";

    /** The zip has no {@code bin/elasticsearch-users}; this is the default distribution's. */
    private static final String USERS_SCRIPT =
            "#!/bin/bash\n"
                    + "CLI_NAME=users\n"
                    + "CLI_LIBS=modules/x-pack-core,modules/x-pack-security\n"
                    + "source \"`dirname \"$0\"`\"/elasticsearch-cli\n";

    /** The zip does not carry Unix modes; its launch scripts get these. */
    private static final Set<PosixFilePermission> EXEC_PERMISSIONS = NodePrivileges.DIR_PERMISSIONS;

    /** Serialises unpacking within this JVM; other JVMs are handled by an atomic rename. */
    private static final Object INSTALL_LOCK = new Object();

    private ElasticsearchDistribution() {}

    /**
     * The places the default zip is looked for, in order: {@code $newspulse.services.dir}, the
     * {@code target/services} next to this code, {@code cli/}, {@code e2e/} and the current
     * directory's {@code target/services}, then the local Maven repository.
     */
    static List<Path> defaultZipCandidates() {
        return zipCandidates(
                System.getProperty(LocalElasticsearch.SERVICES_DIR_PROPERTY),
                codeTargetDir(),
                Path.of(System.getProperty("user.dir")),
                Path.of(System.getProperty("user.home")));
    }

    /** {@link #defaultZipCandidates()} for the given services dir (may be null), dirs and home. */
    static List<Path> zipCandidates(
            String servicesDir, Optional<Path> codeTargetDir, Path cwd, Path userHome) {
        List<Path> candidates = new ArrayList<>();
        if (servicesDir != null && !servicesDir.isBlank()) {
            candidates.add(Path.of(servicesDir, ZIP_NAME));
        }
        codeTargetDir.ifPresent(
                target -> candidates.add(target.resolve("services").resolve(ZIP_NAME)));
        candidates.add(cwd.resolve("cli/target/services").resolve(ZIP_NAME));
        candidates.add(cwd.resolve("e2e/target/services").resolve(ZIP_NAME));
        candidates.add(cwd.resolve("target/services").resolve(ZIP_NAME));
        candidates.add(
                userHome.resolve(
                        Path.of(
                                ".m2/repository/org/elasticsearch/distribution/integ-test-zip",
                                "elasticsearch",
                                LocalElasticsearch.VERSION,
                                "elasticsearch-" + LocalElasticsearch.VERSION + ".zip")));
        return candidates.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }

    /** The first candidate that exists, else the last one (so the error names the usual place). */
    static Path defaultZip() {
        List<Path> candidates = defaultZipCandidates();
        return candidates.stream()
                .filter(Files::isRegularFile)
                .findFirst()
                .orElse(candidates.get(candidates.size() - 1));
    }

    /** The {@code target} folder when this code runs from {@code target/classes} or a jar there. */
    private static Optional<Path> codeTargetDir() {
        try {
            var source = ElasticsearchDistribution.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            Path location = Path.of(source.getLocation().toURI());
            Path parent = location.getParent();
            if (parent != null && parent.getFileName().toString().equals("target")) {
                return Optional.of(parent);
            }
            return Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Where the zip is unpacked in {@code workDir}. */
    static Path installDir(Path workDir) {
        return workDir.resolve("elasticsearch-" + LocalElasticsearch.VERSION);
    }

    /**
     * Unpacks {@code zip} into {@code installDir} unless a complete install is there; as root, the
     * install is handed to the node's user.
     *
     * @return whether this call unpacked the zip (false when it reused an install)
     */
    static boolean ensureInstalled(Path zip, Path workDir, Path installDir, boolean root)
            throws IOException {
        synchronized (INSTALL_LOCK) {
            if (Files.isRegularFile(installDir.resolve(INSTALL_MARKER))) {
                if (root && !NodePrivileges.ownedByUnprivileged(installDir)) {
                    NodePrivileges.chownToUnprivileged(installDir);
                }
                return false;
            }
            if (Files.exists(installDir)) {
                // A partial install from an interrupted run without our atomic rename.
                FileTrees.deleteRecursively(installDir);
            }
            long started = System.nanoTime();
            Path staging = Files.createTempDirectory(workDir, "unpacking-");
            try {
                unzipStrippingTopDirectory(zip, staging);
                Path users = staging.resolve("bin").resolve("elasticsearch-users");
                if (!Files.exists(users)) {
                    Files.writeString(users, USERS_SCRIPT);
                    Files.setPosixFilePermissions(users, EXEC_PERMISSIONS);
                }
                Files.setPosixFilePermissions(staging, NodePrivileges.DIR_PERMISSIONS);
                Files.writeString(staging.resolve(INSTALL_MARKER), zip.toString());
                if (root) {
                    NodePrivileges.chownToUnprivileged(staging);
                }
                try {
                    Files.move(staging, installDir, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException | DirectoryNotEmptyException raced) {
                    // Another JVM finished first; use its install.
                    return false;
                }
                LOG.info(
                        "Unpacked {} into {} in {} ms",
                        zip,
                        installDir,
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                return true;
            } finally {
                if (Files.exists(staging)) {
                    FileTrees.deleteRecursively(staging);
                }
            }
        }
    }

    private static void unzipStrippingTopDirectory(Path zip, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        try (ZipFile zipFile = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : Collections.list(zipFile.entries())) {
                String name = entry.getName();
                int slash = name.indexOf('/');
                if (slash < 0 || slash == name.length() - 1) {
                    continue; // The top directory itself.
                }
                String relative = name.substring(slash + 1);
                Path out = root.resolve(relative).normalize();
                if (!out.startsWith(root)) {
                    throw new IOException("Zip entry escapes the target directory: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = zipFile.getInputStream(entry)) {
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
                // java.util.zip does not expose Unix modes; only the launch scripts need them.
                if (relative.startsWith("bin/")
                        && !relative.endsWith(".bat")
                        && !relative.endsWith(".exe")) {
                    Files.setPosixFilePermissions(out, EXEC_PERMISSIONS);
                }
            }
        }
    }
}
