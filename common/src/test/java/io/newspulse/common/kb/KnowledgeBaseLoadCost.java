package io.newspulse.common.kb;

import io.newspulse.common.analysis.DocumentAnalyzer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Start-up cost of the full knowledge base (not a test: timings and heap do not belong in
 * assertions): time to read and validate the embedded YAML, time to build the tagger (automaton,
 * ticker tables), and the heap both retain. Run its main() with the test class path; see
 * docs/performance.md.
 */
public final class KnowledgeBaseLoadCost {
    private KnowledgeBaseLoadCost() {}

    public static void main(String[] args) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long before = usedAfterGc();
        long start = System.nanoTime();
        long startCpu = threads.getCurrentThreadCpuTime();
        KnowledgeBase kb = KnowledgeBase.embedded();
        long loaded = System.nanoTime();
        long loadedCpu = threads.getCurrentThreadCpuTime();
        long afterKb = usedAfterGc();
        long buildStart = System.nanoTime();
        long buildStartCpu = threads.getCurrentThreadCpuTime();
        DocumentAnalyzer analyzer = DocumentAnalyzer.create(kb);
        long built = System.nanoTime();
        long builtCpu = threads.getCurrentThreadCpuTime();
        long afterTagger = usedAfterGc();
        // Wall time depends on the machine's load; the thread's CPU time much less so.
        System.out.printf(
                "entities %d%nload+validate YAML %.1f s wall, %.1f s CPU, heap %d MB%n"
                        + "build analyzer %.1f s wall, %.1f s CPU, heap %d MB more (%d MB in"
                        + " all)%n",
                kb.size(),
                (loaded - start) / 1e9,
                (loadedCpu - startCpu) / 1e9,
                (afterKb - before) >> 20,
                (built - buildStart) / 1e9,
                (builtCpu - buildStartCpu) / 1e9,
                (afterTagger - afterKb) >> 20,
                (afterTagger - before) >> 20);
        // Keep both reachable until measured.
        System.out.println(analyzer.knowledgeBase() == kb ? "" : "?");
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
