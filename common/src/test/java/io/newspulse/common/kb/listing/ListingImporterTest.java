package io.newspulse.common.kb.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.newspulse.common.kb.KnowledgeBase;
import io.newspulse.common.text.TextNormalizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The committed {@code config/entities/listed/} files are exactly what the importer makes of {@code
 * ../shared/listings} (skipped where the listings are not present).
 */
class ListingImporterTest {
    private static final TextNormalizer NORMALIZER = new TextNormalizer();

    @Test
    void regeneratesTheCommittedFilesByteForByte() throws IOException {
        Path listings = firstExisting("../shared/listings", "../../shared/listings");
        assumeTrue(listings != null, "no shared/listings beside the repository");
        Path entities = firstExisting("config/entities", "../config/entities");
        Map<String, String> generated =
                new ListingImporter(NORMALIZER::fold)
                        .generate(listings, KnowledgeBase.curated(entities));
        Map<String, String> committed = new TreeMap<>();
        try (Stream<Path> files = Files.list(entities.resolve(ListingImporter.FOLDER))) {
            for (Path p : files.toList()) {
                String name = p.getFileName().toString();
                committed.put(
                        name.substring(0, name.length() - ".yaml".length()),
                        Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        assertThat(generated.keySet()).isEqualTo(committed.keySet());
        generated.forEach(
                (market, text) ->
                        assertThat(text)
                                .as("listed/%s.yaml is stale: run newspulse kb import", market)
                                .isEqualTo(committed.get(market)));
    }

    private static Path firstExisting(String... candidates) {
        for (String c : candidates) {
            Path p = Path.of(c);
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        return null;
    }
}
