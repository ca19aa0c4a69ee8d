package io.newspulse.common.analysis;

/**
 * Mentions of a sector in a document.
 *
 * @param id sector entity id ({@code sector.<slug>})
 * @param name English name
 * @param count direct mentions of the sector plus mentions of companies in it
 * @param derived true when the sector is never named itself, only implied by its companies
 */
public record SectorCount(String id, String name, int count, boolean derived) {}
