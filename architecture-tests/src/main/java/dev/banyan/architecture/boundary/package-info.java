/**
 * The boundary check itself: the {@code boundaries.yml} model and its reader, the analysis of class dependencies
 * against the contexts, the DDD rules, the baseline and the evaluation against it.
 */
@NullMarked
package dev.banyan.architecture.boundary;

import org.jspecify.annotations.NullMarked;
