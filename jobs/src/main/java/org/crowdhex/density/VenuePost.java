package org.crowdhex.density;

/**
 * A located post as counted for one venue whose zone holds it (a post in two overlapping zones
 * counts for both).
 */
public record VenuePost(String venue, long cell, long authorKey, long timeMillis) {}
