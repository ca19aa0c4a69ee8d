package io.newspulse.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newspulse.common.model.Json;
import io.newspulse.common.model.NewsArticleParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReutersFeedTest {
    private static final String SGML =
            """
            <REUTERS TOPICS="YES" NEWID="12">
            <DATE>19-OCT-1987 16:05:12.40</DATE>
            <TEXT>&#2;
            <TITLE>WALL STREET STOCKS PLUNGE</TITLE>
            <BODY>The Dow Jones Industrial Average fell 508 points, or 22.6 pct, as &lt;Ford Motor Co>
            shares dropped.
             Reuter
            &#3;</BODY></TEXT>
            </REUTERS>
            <REUTERS NEWID="13">
            <DATE>19-OCT-1987 16:06:00.00</DATE>
            <TEXT TYPE="UNPROC">&#2;</TEXT>
            </REUTERS>
            """;

    @Test
    void articlesBecomeParseableNewsLines() throws Exception {
        List<ReutersFeed.Line> lines = ReutersFeed.parse(SGML);
        assertThat(lines).hasSize(1);
        ReutersFeed.Line line = lines.get(0);
        assertThat(line.id()).isEqualTo("reuters-12");
        JsonNode n = Json.mapper().readTree(line.json());
        assertThat(n.get("published_at").asText()).isEqualTo("1987-10-19T16:05:12.400Z");
        assertThat(n.get("title").asText()).isEqualTo("WALL STREET STOCKS PLUNGE");
        assertThat(n.get("body").asText())
                .contains("as Ford Motor Co\nshares dropped.")
                .endsWith("Reuter");
        assertThat(NewsArticleParser.parse(line.json().getBytes(StandardCharsets.UTF_8)).isOk())
                .isTrue();
    }
}
