package io.newspulse.jobs.signals;

import io.newspulse.common.model.ArticleEntity;
import io.newspulse.common.model.ArticleMove;
import io.newspulse.common.model.EnrichedArticle;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One reported market move of one entity in one article: the input of {@link PriceMoveFunction}.
 *
 * @param articleId article id
 * @param storyId id of the story the article belongs to
 * @param title headline
 * @param url link, or null
 * @param source publisher
 * @param eventTime the article's event time, epoch ms
 * @param move the move
 * @param entityName English name of the moved entity (its id when unknown)
 */
public record MoveEvent(
        String articleId,
        String storyId,
        String title,
        String url,
        String source,
        long eventTime,
        ArticleMove move,
        String entityName)
        implements Serializable {

    /** The sentence that carries the move: the move phrase as written. */
    public String snippet() {
        return move.text();
    }

    /**
     * The move events of an article: one per entity, kind and direction (an article that says "fell
     * over 5%" in the headline and "closed down 5.3%" in the body is one report), keeping a limit
     * move, else the largest percent.
     */
    public static List<MoveEvent> fromArticle(EnrichedArticle article) {
        if (article.moves() == null || article.moves().isEmpty()) {
            return List.of();
        }
        Map<String, String> names = new LinkedHashMap<>();
        if (article.entities() != null) {
            for (ArticleEntity e : article.entities()) {
                names.putIfAbsent(e.id(), e.name());
            }
        }
        Map<String, ArticleMove> strongest = new LinkedHashMap<>();
        for (ArticleMove m : article.moves()) {
            if (m.entity() == null) {
                continue;
            }
            strongest.merge(
                    m.entity() + '\n' + m.kind() + '\n' + m.direction(),
                    m,
                    (a, b) -> STRENGTH.compare(a, b) >= 0 ? a : b);
        }
        List<MoveEvent> out = new ArrayList<>(strongest.size());
        for (ArticleMove m : strongest.values()) {
            out.add(
                    new MoveEvent(
                            article.id(),
                            article.storyId(),
                            article.title(),
                            article.url(),
                            article.source(),
                            article.eventTimeMillis(),
                            m,
                            Objects.requireNonNullElse(names.get(m.entity()), m.entity())));
        }
        return out;
    }

    private static final Comparator<ArticleMove> STRENGTH =
            Comparator.comparing((ArticleMove m) -> "limit".equals(m.qualifier()))
                    .thenComparing(
                            m -> m.percent() == null ? 0.0 : Math.abs(m.percent()),
                            Comparator.naturalOrder());
}
