/**
 * The {@code rehearse} command: the catalog's whole strangler-fig migration run step by step under live traffic,
 * with a report of whether it held.
 */
@NullMarked
package dev.banyan.rehearsal;

import org.jspecify.annotations.NullMarked;
