package io.newspulse.evaluation;

import java.util.List;
import java.util.Map;

/**
 * The result of evaluating one corpus.
 *
 * @param name corpus name ({@code cfsc-ner}, {@code bbt-fincuge/finese}, ...)
 * @param skipped why the corpus was not evaluated, or null when it was
 * @param metrics figures in report order (numbers, or maps of numbers)
 * @param notes how to read the figures
 * @param errors most frequent error patterns per category, most frequent first
 * @param sample sampled mentions for manual judging (unlabelled corpora), else empty
 */
public record CorpusReport(
        String name,
        String skipped,
        Map<String, Object> metrics,
        List<String> notes,
        Map<String, List<Map.Entry<String, Integer>>> errors,
        List<MentionStats.Sample> sample) {

    /** A report for a corpus that could not be evaluated. */
    public static CorpusReport skipped(String name, String why) {
        return new CorpusReport(name, why, Map.of(), List.of(), Map.of(), List.of());
    }
}
