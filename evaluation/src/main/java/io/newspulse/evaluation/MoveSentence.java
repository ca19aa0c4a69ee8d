package io.newspulse.evaluation;

import java.util.List;
import java.util.Set;

/**
 * One sentence of the labelled move set.
 *
 * @param line line number in its file (1-based)
 * @param language language tag of the file ({@code en}, {@code zh-Hans}, {@code zh-Hant}, {@code
 *     ar})
 * @param text the sentence
 * @param moves every price move the sentence reports (empty for a non-move sentence)
 * @param nonMoves the kinds of other figures it holds ({@code stake}, {@code sales}, ...; see
 *     {@link MoveSetReader#NON_MOVE_KINDS})
 */
public record MoveSentence(
        int line, String language, String text, List<LabelledMove> moves, Set<String> nonMoves) {}
