/**
 * The privacy boundary right after decoding: author ids become keyed pseudonyms (HMAC-SHA-256 under
 * a secret from the environment or a key file, rotated per event or per day), and post ids and
 * texts are dropped, so no later stage and no output ever holds a raw id or a text. Also the plan's
 * privacy settings, which the hygiene rules ({@code org.crowdhex.hygiene}) and the minimum crowd
 * ({@code org.crowdhex.disclosure}) take their figures from.
 */
package org.crowdhex.privacy;
