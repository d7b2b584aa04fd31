package org.crowdhex.disclosure;

/**
 * A cell's counts as they may be published in one window: a cell with at least the minimum crowd as
 * it is, or a parent cell holding the children that were too small on their own.
 *
 * @param cell the H3 cell published: the cell itself, or the parent of the rolled-up children
 * @param rolledUp whether the record is a parent standing for some of its children
 * @param posts posts in the member cells
 * @param authors distinct authors over the member cells (an author in two members counts once)
 * @param members the cells whose posts it holds: the cell itself, or the rolled-up children (a
 *     parent's other children are published on their own); ascending
 */
public record PublishedCell(long cell, boolean rolledUp, long posts, int authors, long[] members) {

  /** How many cells the record holds. */
  public int memberCount() {
    return members.length;
  }
}
