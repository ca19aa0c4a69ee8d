/**
 * Mixed Chinese, Arabic and English news read from the research corpora at run time, shared by the
 * JMH benchmarks and {@code newspulse bench}.
 */
package io.newspulse.evaluation.corpus;
