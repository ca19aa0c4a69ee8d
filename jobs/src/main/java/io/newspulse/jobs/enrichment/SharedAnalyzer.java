package io.newspulse.jobs.enrichment;

import io.newspulse.common.analysis.DocumentAnalyzer;
import io.newspulse.common.kb.KnowledgeBase;

/**
 * The one {@link DocumentAnalyzer} of a TaskManager JVM, built from the embedded knowledge base on
 * first use and shared by every enrichment subtask in it (the analyzer is immutable and
 * thread-safe). With the full knowledge base it holds about 130 MB of heap and takes seconds of CPU
 * to build, so each slot building its own would multiply both. Static in the job's class loader:
 * one per job per TaskManager.
 */
final class SharedAnalyzer {
    private static DocumentAnalyzer analyzer;

    private SharedAnalyzer() {}

    /** The analyzer, built by the first caller; later callers wait for it. */
    static synchronized DocumentAnalyzer get() {
        if (analyzer == null) {
            analyzer = DocumentAnalyzer.create(KnowledgeBase.embedded());
        }
        return analyzer;
    }
}
