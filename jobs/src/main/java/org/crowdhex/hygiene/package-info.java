/**
 * Post hygiene per author, before anything is counted: repeats and bursts of one author must not
 * look like a crowd.
 *
 * <ul>
 *   <li><b>Duplicates.</b> A post in the same H3 cell as a counted post of the same pseudonym, less
 *       than the duplicate window (60 s by default) before or after it, is a duplicate and counts
 *       once: this catches re-delivered copies (same time), double submissions and a bot's repeated
 *       static geotag. A post 60 s or more after the last counted one in that cell counts again.
 *   <li><b>Post cap.</b> At most {@code post_cap} posts of one author count within any span of one
 *       window length, so no window of the job holds more of one author's posts than the cap. A bot
 *       that posts every minute still counts as one author, as everyone does, but its posts no
 *       longer swell the post counts.
 * </ul>
 *
 * Duplicates are checked first and never count towards the cap. The state per author ({@link
 * org.crowdhex.hygiene.AuthorActivity}) holds only the recent counted posts (cell and time) and is
 * cleared once event time has passed them by the window length plus the allowed lateness.
 */
package org.crowdhex.hygiene;
