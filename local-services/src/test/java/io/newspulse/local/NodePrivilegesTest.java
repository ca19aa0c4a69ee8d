package io.newspulse.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodePrivilegesTest {

    @TempDir Path temp;

    @BeforeEach
    void openTheTempDir() throws IOException {
        // JUnit creates it 0700, which the node's user could not enter.
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void rootKeepsAWorkDirOthersCanEnter() throws IOException {
        Path requested = directory("open", "rwxr-xr-x").resolve("not-yet/elasticsearch");

        assertThat(NodePrivileges.workDirFor(requested, true, Path.of("/var/tmp")))
                .isEqualTo(requested);
    }

    @Test
    void rootMovesAWorkDirBelowA0700DirectoryUnderTheTempDir() throws IOException {
        Path requested = directory("root-home", "rwx------").resolve(".newspulse/elasticsearch");

        Path workDir = NodePrivileges.workDirFor(requested, true, Path.of("/var/tmp"));

        assertThat(workDir.getParent()).isEqualTo(Path.of("/var/tmp/newspulse-cache"));
        assertThat(workDir.getFileName().toString())
                .isEqualTo(requested.toString().substring(1).replace('/', '_'))
                .doesNotContain("/");
    }

    @Test
    void aNonRootJvmKeepsEvenAClosedWorkDir() throws IOException {
        Path requested = directory("home", "rwx------").resolve("cache");

        assertThat(NodePrivileges.workDirFor(requested, false, Path.of("/var/tmp")))
                .isEqualTo(requested);
    }

    @Test
    void theFallbackNameIsThePathWithRunsOfOtherCharactersAsOneUnderscore() {
        assertThat(
                        NodePrivileges.unprivilegedWorkDir(
                                Path.of("/root/.newspulse/my demo/elasticsearch"), Path.of("/tmp")))
                .isEqualTo(Path.of("/tmp/newspulse-cache/root_.newspulse_my_demo_elasticsearch"));
    }

    @Test
    void theDefaultWorkDirFollowsXdgThenHomeAndFallsBackAsRootOnly() throws IOException {
        Path home = Files.createDirectory(temp.resolve("home"));
        String install = "elasticsearch-" + LocalElasticsearch.VERSION;

        assertThat(LocalElasticsearchOptions.defaultWorkDir("/xdg", home, false, temp))
                .isEqualTo(Path.of("/xdg/newspulse").resolve(install));
        assertThat(LocalElasticsearchOptions.defaultWorkDir(" ", home, false, temp))
                .isEqualTo(home.resolve(".cache/newspulse").resolve(install));

        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
        assertThat(LocalElasticsearchOptions.defaultWorkDir(null, home, false, temp))
                .isEqualTo(home.resolve(".cache/newspulse").resolve(install));
        assertThat(LocalElasticsearchOptions.defaultWorkDir(null, home, true, temp))
                .isEqualTo(temp.resolve("newspulse-cache").resolve(install));
    }

    @Test
    void createdDirectoriesCanBeEnteredByOthers() throws IOException {
        Path dir = temp.resolve("a/b/c");

        NodePrivileges.createTraversableDirectories(dir);

        assertThat(Files.getPosixFilePermissions(temp.resolve("a")))
                .isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(Files.getPosixFilePermissions(dir))
                .isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void onlyRootDropsPrivilegesToNobody() {
        assertThat(NodePrivileges.privilegeDrop(false)).isEmpty();
        assertThat(NodePrivileges.privilegeDrop(true))
                .containsExactly("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups");
    }

    private Path directory(String name, String mode) throws IOException {
        Path dir = Files.createDirectory(temp.resolve(name));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString(mode));
        return dir;
    }
}
