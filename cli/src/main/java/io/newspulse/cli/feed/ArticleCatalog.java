package io.newspulse.cli.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The article templates and word lists of the sample feed, read once from {@value #RESOURCE} (the
 * file documents its format).
 *
 * @param vocabulary names the generator picks from across articles
 * @param articles templates by article kind
 */
record ArticleCatalog(Vocabulary vocabulary, Map<String, ArticleText> articles) {

    static final String RESOURCE = "newspulse/feed/articles.yaml";

    /** A concept board and stocks that lead it. */
    record Board(String name, List<String> stocks) {}

    /** An English company name and how wire copy writes its ticker after it. */
    record Party(String name, String ticker) {}

    /** An exchange-traded fund, its code and some of its holdings. */
    record Etf(String name, String code, List<String> holdings) {}

    /** Names shared by several article kinds. */
    record Vocabulary(
            List<String> weekdays,
            List<Board> growthBoards,
            List<Board> defensiveBoards,
            List<String> usMoversZh,
            List<String> aiBuyersZh,
            List<String> aiTargets,
            List<Party> aiBuyersEn,
            List<String> latinAiNames,
            List<Etf> etfs) {}

    ArticleCatalog {
        Objects.requireNonNull(vocabulary, "vocabulary");
        articles = Map.copyOf(articles);
    }

    /** The catalog of the sample feed. */
    static ArticleCatalog get() {
        return Holder.CATALOG;
    }

    /** The templates of one article kind. */
    ArticleText article(String kind) {
        ArticleText text = articles.get(kind);
        if (text == null) {
            throw new IllegalArgumentException("no article '" + kind + "' in " + RESOURCE);
        }
        return text;
    }

    private static final class Holder {
        static final ArticleCatalog CATALOG = load();
    }

    private static ArticleCatalog load() {
        try (InputStream in = ArticleCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new ObjectMapper(new YAMLFactory()).readValue(in, ArticleCatalog.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
