package io.newspulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code newspulse tag} on news JSON lines with the embedded knowledge base (one run: loading it
 * takes a while): moves of unknown names come out as {@code unresolved_moves}.
 */
class TagCommandTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void reportsMovesOfUnknownNamesAsUnresolved(@TempDir Path dir) throws Exception {
        String english = "Apple fell 2%, while Lumora Systems rose 5%.";
        Path input = dir.resolve("news.jsonl");
        Files.writeString(
                input,
                "{\"id\":\"a1\",\"body\":\""
                        + english
                        + "\"}\n"
                        + "{\"id\":\"a2\",\"body\":\"腾讯跌2%，澜舟科技涨5%。\"}\n"
                        + "{\"id\":\"a3\",\"body\":\"Apple and Microsoft both rose 2%.\"}\n",
                StandardCharsets.UTF_8);
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new NewspulseCli());
        cli.setOut(new PrintWriter(out));

        int code = cli.execute("tag", input.toString());

        assertThat(code).isZero();
        String[] lines = out.toString().strip().split("\n");
        assertThat(lines).hasSize(3);
        JsonNode first = MAPPER.readTree(lines[0]);
        assertThat(first.path("moves"))
                .extracting(m -> m.path("entity").asText())
                .containsExactly("apple");
        JsonNode unresolved = first.at("/unresolved_moves/0");
        assertThat(unresolved.path("subject").asText()).isEqualTo("Lumora Systems");
        assertThat(unresolved.path("direction").asText()).isEqualTo("up");
        assertThat(unresolved.path("percent").asDouble()).isEqualTo(5.0);
        assertThat(unresolved.has("entity")).isFalse();
        assertThat(unresolved.path("subject_start").asInt()).isEqualTo(english.indexOf("Lumora"));
        assertThat(unresolved.path("subject_end").asInt()).isEqualTo(english.indexOf(" rose"));
        JsonNode second = MAPPER.readTree(lines[1]);
        assertThat(second.at("/moves/0/entity").asText()).isEqualTo("tencent");
        assertThat(second.path("moves")).hasSize(1);
        assertThat(second.at("/unresolved_moves/0/subject").asText()).isEqualTo("澜舟科技");
        JsonNode third = MAPPER.readTree(lines[2]);
        assertThat(third.path("unresolved_moves").isArray()).isTrue();
        assertThat(third.path("unresolved_moves")).isEmpty();
        assertThat(third.path("moves"))
                .extracting(m -> m.path("entity").asText())
                .containsExactly("apple", "microsoft");
    }
}
