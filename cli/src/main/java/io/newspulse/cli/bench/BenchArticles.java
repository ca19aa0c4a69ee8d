package io.newspulse.cli.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newspulse.common.model.Json;
import io.newspulse.evaluation.corpus.MixedNewsCorpus;
import io.newspulse.evaluation.corpus.NewsDocument;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * {@code news.raw} messages made of the documents of a {@link MixedNewsCorpus}, taken in corpus
 * order and round again when more are asked for. Each has its own id ({@code <run>-<n>}), so the
 * enrichment job treats every one as a new article (a repeated text is a near-duplicate copy of the
 * earlier one, as a syndicated story would be).
 */
public final class BenchArticles {
    private final List<NewsDocument> documents;
    private final String run;

    /**
     * @param documents the text, e.g. {@link MixedNewsCorpus#documents()}
     * @param run prefix of the article ids, unique per measurement
     */
    public BenchArticles(List<NewsDocument> documents, String run) {
        if (documents.isEmpty()) {
            throw new IllegalArgumentException("the corpus has no documents");
        }
        this.documents = List.copyOf(documents);
        this.run = run;
    }

    /** The id of the {@code n}-th article. */
    public String id(long n) {
        return run + "-" + n;
    }

    /** The {@code n}-th article as a {@code news.raw} JSON message, published at {@code at}. */
    public byte[] article(long n, Instant at) {
        NewsDocument d = documents.get((int) (n % documents.size()));
        ObjectNode a = Json.mapper().createObjectNode();
        a.put("schema_version", 1);
        a.put("id", id(n));
        a.put("source", d.source());
        if (d.title() != null && !d.title().isBlank()) {
            a.put("title", d.title().strip());
        }
        a.put("body", d.body());
        a.put("language", d.declaredLanguage());
        a.put("published_at", at.toString());
        try {
            return Json.mapper().writeValueAsBytes(a);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
