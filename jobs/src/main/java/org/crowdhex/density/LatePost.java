package org.crowdhex.density;

/**
 * A post that arrived after every window it belonged to had closed for good (later than the plan's
 * allowed lateness). Kept in the late output and counted, never silently dropped.
 *
 * @param cell its H3 cell
 * @param timeMillis its event time, epoch ms
 * @param watermarkMillis the event time the job had reached when it arrived, epoch ms
 */
public record LatePost(long cell, long timeMillis, long watermarkMillis) {}
