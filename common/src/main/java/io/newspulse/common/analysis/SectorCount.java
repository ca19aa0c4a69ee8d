package io.newspulse.common.analysis;

/**
 * Mentions of a sector in a document.
 *
 * @param id sector entity id ({@code sector.<slug>})
 * @param name English name
 * @param count direct mentions of the sector plus mentions of the companies that count towards it
 *     (every company central to the document, others only by their main sector: {@link
 *     SectorCounter})
 * @param derived true when the sector is never named itself, only implied by its companies
 */
public record SectorCount(String id, String name, int count, boolean derived) {}
