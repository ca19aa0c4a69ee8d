/**
 * Measuring the tagger on public research corpora: corpus readers, span and alias scorers and the
 * runner behind {@code newspulse eval}; and the move scorer over the labelled move set kept in this
 * module's resources. Plain Java; the corpora themselves never enter the repository (see
 * docs/quality.md).
 */
package io.newspulse.evaluation;
