package io.newspulse.common.analysis;

import io.newspulse.common.kb.KnowledgeBase;

/**
 * One analyzer over the shipped knowledge base for every test class of the test JVM: loading 40,000
 * entities and building the automaton takes seconds, so it is done once.
 */
public final class ShippedAnalyzer {
    private ShippedAnalyzer() {}

    private static final class Holder {
        static final DocumentAnalyzer ANALYZER = DocumentAnalyzer.create(KnowledgeBase.embedded());
    }

    /** The shared analyzer (thread-safe, immutable). */
    public static DocumentAnalyzer get() {
        return Holder.ANALYZER;
    }
}
