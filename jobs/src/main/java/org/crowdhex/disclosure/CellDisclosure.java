package org.crowdhex.disclosure;

import java.util.List;

/**
 * The cells of one window as the minimum crowd lets them out, and what it held back.
 *
 * @param published the records to publish, ordered by cell
 * @param kept cells published as they are
 * @param rolledUp cells merged into a published parent record
 * @param suppressed cells whose counts were held back (their parent too small even with them)
 */
public record CellDisclosure(
    List<PublishedCell> published, int kept, int rolledUp, int suppressed) {
  public CellDisclosure {
    published = List.copyOf(published);
  }
}
