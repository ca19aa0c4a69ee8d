package io.newspulse.local;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Who the node runs as, and what that user must be able to reach. Elasticsearch refuses to run as
 * root, so when this JVM is root the node's directories are handed to uid/gid {@value
 * LocalElasticsearch#UNPRIVILEGED_ID} and its commands are started through {@code setpriv}; every
 * directory on the way to them must then be traversable by others.
 */
final class NodePrivileges {

    /** Directories the node's user reads and enters; also the mode of its launch scripts. */
    static final Set<PosixFilePermission> DIR_PERMISSIONS =
            PosixFilePermissions.fromString("rwxr-xr-x");

    private static final int UNPRIVILEGED_ID = LocalElasticsearch.UNPRIVILEGED_ID;

    private NodePrivileges() {}

    /** Whether this JVM runs as uid 0. */
    static boolean runningAsRoot() {
        Path status = Path.of("/proc/self/status");
        if (Files.isReadable(status)) {
            try (Stream<String> lines = Files.lines(status)) {
                Optional<String> uid =
                        lines.filter(line -> line.startsWith("Uid:"))
                                .map(line -> line.substring(4).trim().split("\\s+")[0])
                                .findFirst();
                if (uid.isPresent()) {
                    return uid.get().equals("0");
                }
            } catch (IOException | UncheckedIOException e) {
                // Fall back to id -u.
            }
        }
        try {
            Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
            String out = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            id.waitFor(10, TimeUnit.SECONDS);
            return out.trim().equals("0");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The work dir a node uses when {@code requested} (absolute and normalised) was asked for: the
     * requested one, unless this JVM is root and the node's user cannot enter it (e.g. {@code
     * ~/.cache} under {@code /root}, mode 0700); then {@link #unprivilegedWorkDir(Path, Path)}
     * under {@code tmpDir}.
     */
    static Path workDirFor(Path requested, boolean root, Path tmpDir) {
        if (root && !traversableWhereExisting(requested)) {
            return unprivilegedWorkDir(requested, tmpDir);
        }
        return requested;
    }

    /**
     * Where a node works when this JVM is root and the node's unprivileged user cannot enter {@code
     * requested}: a folder under {@code <tmpDir>/newspulse-cache} named after the requested path,
     * so that each requested work dir keeps its own node dirs.
     */
    static Path unprivilegedWorkDir(Path requested, Path tmpDir) {
        String name =
                requested.toString().replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^_+", "");
        return tmpDir.resolve("newspulse-cache").resolve(name);
    }

    /** Whether every existing directory on the way to {@code dir} can be entered by others. */
    static boolean traversableWhereExisting(Path dir) {
        for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p) && !isTraversableByOthers(p)) {
                return false;
            }
        }
        return true;
    }

    /** Creates missing directories, readable and traversable by everyone (the node's user). */
    static void createTraversableDirectories(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath().normalize();
        List<Path> missing = new ArrayList<>();
        for (Path p = absolute; p != null && !Files.exists(p); p = p.getParent()) {
            missing.add(0, p);
        }
        for (Path p : missing) {
            try {
                Files.createDirectory(p);
                Files.setPosixFilePermissions(p, DIR_PERMISSIONS);
            } catch (FileAlreadyExistsException raced) {
                // Created concurrently.
            }
        }
    }

    /** Fails, naming the first directory on the way to {@code dir} the node's user cannot enter. */
    static void requireTraversableByOthers(Path dir) throws IOException {
        for (Path p = dir; p != null; p = p.getParent()) {
            if (!isTraversableByOthers(p)) {
                throw new IOException(
                        "Elasticsearch runs as uid "
                                + UNPRIVILEGED_ID
                                + " here (this JVM is root), which cannot enter "
                                + p
                                + "; choose a work dir outside it (e.g. under /tmp or /var/tmp)");
            }
        }
    }

    private static boolean isTraversableByOthers(Path dir) {
        try {
            return Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_EXECUTE);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Whether {@code path} is owned by the node's unprivileged user. */
    static boolean ownedByUnprivileged(Path path) throws IOException {
        return (Integer) Files.getAttribute(path, "unix:uid") == UNPRIVILEGED_ID;
    }

    /** Hands {@code path} and everything below it to the node's unprivileged user and group. */
    static void chownToUnprivileged(Path path) throws IOException {
        String owner = UNPRIVILEGED_ID + ":" + UNPRIVILEGED_ID;
        Process chown =
                new ProcessBuilder("chown", "-R", owner, path.toString())
                        .redirectErrorStream(true)
                        .start();
        try {
            String out = new String(chown.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!chown.waitFor(120, TimeUnit.SECONDS) || chown.exitValue() != 0) {
                throw new IOException("chown -R " + owner + " " + path + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            chown.destroyForcibly();
            throw new InterruptedIOException("interrupted during chown of " + path);
        }
    }

    /** The command prefix that drops to the node's user when this JVM is root; else nothing. */
    static List<String> privilegeDrop(boolean root) {
        if (!root) {
            return List.of();
        }
        return List.of(
                "setpriv",
                "--reuid=" + UNPRIVILEGED_ID,
                "--regid=" + UNPRIVILEGED_ID,
                "--clear-groups");
    }
}
