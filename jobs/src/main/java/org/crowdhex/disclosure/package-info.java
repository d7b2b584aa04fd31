/**
 * What may be published: every aggregate that leaves the job (density records, tiles, flows, the
 * public form of alerts) holds at least the plan's minimum crowd of k distinct authors, or is
 * rolled up into its parent cell, or held back ({@link org.crowdhex.disclosure.MinimumCrowd}).
 * Detection may look at smaller counts inside the job; published outputs never show them.
 *
 * <p>Optionally, for public dashboards, a differentially private release: each author contributes
 * to a bounded number of cells per window ({@link org.crowdhex.disclosure.ContributionBound}) and
 * each count gets discrete Laplace noise ({@link org.crowdhex.disclosure.DiscreteLaplace}) scaled
 * to that bound, so one window's release is ε-differentially private with respect to any one
 * author.
 */
package org.crowdhex.disclosure;
