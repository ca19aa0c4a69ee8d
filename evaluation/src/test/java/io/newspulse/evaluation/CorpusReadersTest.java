package io.newspulse.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readers on tiny synthetic inputs written for these tests (no corpus text). */
class CorpusReadersTest {

    private static ByteArrayInputStream utf8(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void cfscOffsetsAreCodePointsConvertedToUtf16() throws IOException {
        // 𠀀 is outside the BMP: one code point, two UTF-16 units
        String json =
                "[{\"text\":\"𠀀甲公司涨停，乙指数跌\",\"labels\":["
                        + "{\"text\":\"甲公司\",\"Level 1 Aspect\":\"Corporate\",\"from\":1,\"to\":4},"
                        + "{\"text\":\"乙指数\",\"Level 1 Aspect\":\"Stock\",\"from\":7,\"to\":10},"
                        + "{\"text\":\"坏\",\"Level 1 Aspect\":\"Stock\",\"from\":50,\"to\":60}]}]";
        List<SpanDocument> docs = CfscNerReader.read(utf8(json), "t.json");
        assertThat(docs).hasSize(1);
        SpanDocument d = docs.get(0);
        assertThat(d.language()).isEqualTo("zh-Hans");
        assertThat(d.gold()).extracting(GoldSpan::text).containsExactly("甲公司", "乙指数");
        assertThat(d.gold().get(0).start()).isEqualTo(2);
        assertThat(d.text().substring(d.gold().get(1).start(), d.gold().get(1).end()))
                .isEqualTo("乙指数");
    }

    @Test
    void finerRebuildsTextAndOrgSpans() throws IOException {
        String csv =
                "gold_label,gold_token,doc_idx,sent_idx\n"
                        + "5,Acme,0,0\n6,Corp,0,0\n0,said,0,0\n1,Jane,0,0\n2,Roe,0,0\n"
                        + "0,\",\",0,0\n0,of,0,0\n3,Ohio,0,0\n0,.,0,0\n"
                        + "6,Beta,0,1\n0,’s,0,1\n5,Gamma,0,1\n5,Delta,0,1\n"
                        + "5,Other,1,0\n";
        List<SpanDocument> docs = FinerOrdReader.read(new StringReader(csv), "x.csv");
        assertThat(docs).hasSize(2);
        SpanDocument d = docs.get(0);
        assertThat(d.text()).isEqualTo("Acme Corp said Jane Roe, of Ohio. Beta’s Gamma Delta");
        assertThat(d.gold())
                .extracting(g -> g.label() + ":" + g.text())
                .containsExactly(
                        "ORG:Acme Corp",
                        "PER:Jane Roe",
                        "LOC:Ohio",
                        "ORG:Beta",
                        "ORG:Gamma",
                        "ORG:Delta");
        assertThat(docs.get(1).id()).isEqualTo("x.csv#1");
    }

    @Test
    void reutersStripsMarksIntoGoldSpans() {
        String sgml =
                "<REUTERS TOPICS=\"NO\" NEWID=\"7\">\n<TEXT>&#2;\n"
                        + "<TITLE>ACME &lt;ACM> BUYS UNIT</TITLE>\n<DATELINE>X - </DATELINE>"
                        + "<BODY>Acme Corp &lt;ACM> said it bought &lt;Widget\nMakers Ltd> for"
                        + " 5 dlrs &amp; more; 3 &lt; 4.\n Reuter\n&#3;</BODY></TEXT>\n</REUTERS>"
                        + "<REUTERS NEWID=\"8\"><TEXT TYPE=\"UNPROC\">&#2;plain &lt;Zed Inc> text"
                        + "</TEXT></REUTERS>";
        List<SpanDocument> docs = ReutersSgmlReader.parse(sgml);
        assertThat(docs).hasSize(2);
        SpanDocument d = docs.get(0);
        assertThat(d.id()).isEqualTo("7");
        assertThat(d.text()).startsWith("ACME ACM BUYS UNIT\n\nAcme Corp ACM said it bought");
        assertThat(d.text()).contains("5 dlrs & more; 3 < 4.").doesNotContain("&#");
        assertThat(d.gold())
                .extracting(GoldSpan::text)
                .containsExactly("ACM", "ACM", "Widget\nMakers Ltd");
        for (GoldSpan g : d.gold()) {
            assertThat(d.text().substring(g.start(), g.end())).isEqualTo(g.text());
        }
        assertThat(docs.get(1).gold()).extracting(GoldSpan::text).containsExactly("Zed Inc");
    }

    @Test
    void semevalAndFincugeLabels() throws IOException {
        List<LabelledDocument> sem =
                SemEvalHeadlinesReader.read(
                        utf8(
                                "[{\"id\":1,\"company\":\"Acme\",\"title\":\"Acme up\",\"sentiment\":0.1},"
                                        + "{\"id\":2,\"company\":\"\",\"title\":\"none\"}]"),
                        "s.json");
        assertThat(sem)
                .singleElement()
                .satisfies(d -> assertThat(d.labels()).containsExactly("Acme"));

        List<LabelledDocument> finese =
                FinCugeReader.readFinese(
                        utf8("[[\"1\",\"甲公司被罚\",\"违规\",\"甲公司\"],[\"2\",\"无\",\"其他\",\"NaN\"]]"),
                        "f.json");
        assertThat(finese).singleElement().satisfies(d -> assertThat(d.body()).isEqualTo("甲公司被罚"));

        List<LabelledDocument> finnsp =
                FinCugeReader.readFinnsp(
                        utf8("[[\"a\",\"标题\",\"正文\",\"甲;乙；甲\",\"1\",\"甲\"]]"), "n.json");
        assertThat(finnsp.get(0).labels()).containsExactly("甲", "乙");
        assertThat(finnsp.get(0).title()).isEqualTo("标题");
    }

    @Test
    void saudiNewsNetReadsJsonInsideZip(@TempDir Path dir) throws IOException {
        Path zip = dir.resolve("2015-01-01.zip");
        try (OutputStream f = Files.newOutputStream(zip);
                ZipOutputStream z = new ZipOutputStream(f)) {
            z.putNextEntry(new ZipEntry("2015-01-01.json"));
            z.write(
                    ("[{\"source\":\"a\",\"title\":\"عنوان\",\"content\":\"نص\"},"
                                    + "{\"source\":\"b\",\"title\":\"x\",\"content\":\"\"}]")
                            .getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        List<PlainDocument> docs = SaudiNewsNetReader.readZip(zip);
        assertThat(docs)
                .singleElement()
                .satisfies(
                        d -> {
                            assertThat(d.source()).isEqualTo("a");
                            assertThat(d.fullText()).isEqualTo("عنوان\n\nنص");
                            assertThat(d.language()).isEqualTo("ar");
                        });
    }
}
