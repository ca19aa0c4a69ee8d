package io.newspulse.common.signals;

import java.util.Optional;

/**
 * What a detector made of one window.
 *
 * @param kind how the window relates to the key's previous windows
 * @param track the per-key track to keep (unchanged for {@link BaselineTrack.Kind#STALE})
 * @param signal the signal, if the window is one
 */
public record Detection(BaselineTrack.Kind kind, BaselineTrack track, Optional<Signal> signal) {}
