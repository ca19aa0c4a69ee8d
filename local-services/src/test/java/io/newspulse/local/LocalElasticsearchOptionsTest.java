package io.newspulse.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LocalElasticsearchOptionsTest {

    private static LocalElasticsearchOptions.Builder builder() {
        // Explicit paths, so the test does not depend on this machine's zip or cache.
        return LocalElasticsearchOptions.builder()
                .zip(Path.of("/dist/elasticsearch.zip"))
                .workDir(Path.of("/cache/es"));
    }

    @Test
    void defaults() {
        LocalElasticsearchOptions options = builder().build();

        assertThat(options.httpPort()).isZero();
        assertThat(options.heap()).isEqualTo("512m");
        assertThat(options.securityEnabled()).isFalse();
        assertThat(options.superuser()).isNull();
        assertThat(options.superuserPassword()).isNull();
        assertThat(options.keepData()).isFalse();
        assertThat(options.startupTimeout()).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void toBuilderKeepsEverySetting() {
        LocalElasticsearchOptions options =
                builder()
                        .httpPort(9201)
                        .heap("1g")
                        .security("admin", "secret-1")
                        .keepData(true)
                        .startupTimeout(Duration.ofSeconds(30))
                        .build();

        assertThat(options.toBuilder().build()).hasToString(options.toString());
        assertThat(options.toBuilder().build().superuserPassword()).isEqualTo("secret-1");
    }

    @Test
    void toStringNamesTheSuperuserButNotThePassword() {
        assertThat(builder().security("admin", "secret-1").build().toString())
                .contains("security=on (user admin)")
                .doesNotContain("secret-1");
        assertThat(builder().build().toString()).contains("security=off");
    }

    @Test
    void securityDisabledClearsTheSuperuser() {
        assertThat(builder().security("admin", "secret-1").securityDisabled().build())
                .extracting(LocalElasticsearchOptions::securityEnabled)
                .isEqualTo(false);
    }

    @Test
    void portsOutsideTheTcpRangeAreRejected() {
        assertThatThrownBy(() -> builder().httpPort(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("httpPort out of range: -1");
        assertThatThrownBy(() -> builder().httpPort(65536))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(builder().httpPort(65535).build().httpPort()).isEqualTo(65535);
    }

    @Test
    void heapMustBeAJvmSize() {
        for (String bad : new String[] {"", "512 m", "1.5g", "-1g", "512mb"}) {
            assertThatThrownBy(() -> builder().heap(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("heap must look like 512m or 1g");
        }
        assertThatThrownBy(() -> builder().heap(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(builder().heap("2G").build().heap()).isEqualTo("2G");
        assertThat(builder().heap("1048576").build().heap()).isEqualTo("1048576");
    }

    @Test
    void superuserNeedsAPlainNameAndAPasswordOfSixCharacters() {
        assertThatThrownBy(() -> builder().security("bad name", "secret-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid superuser name: bad name");
        assertThatThrownBy(() -> builder().security(null, "secret-1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder().security("admin", "12345"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the superuser password needs at least 6 characters");
        assertThat(builder().security("a.b@c_d-1", "123456").build().superuser())
                .isEqualTo("a.b@c_d-1");
    }

    @Test
    void startupTimeoutMustBePositive() {
        assertThatThrownBy(() -> builder().startupTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("startupTimeout must be positive");
        assertThatThrownBy(() -> builder().startupTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder().startupTimeout(null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pathsMustNotBeNull() {
        assertThatThrownBy(() -> LocalElasticsearchOptions.builder().zip(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("zip");
        assertThatThrownBy(() -> LocalElasticsearchOptions.builder().workDir(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("workDir");
    }
}
