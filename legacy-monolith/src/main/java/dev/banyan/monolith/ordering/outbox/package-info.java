/**
 * Ordering's transactional outbox: the order events of the published language ({@code event-contracts}), mapped
 * from the monolith's own types and inserted into {@code ordering.outbox} in the order's transaction.
 */
@NullMarked
package dev.banyan.monolith.ordering.outbox;

import org.jspecify.annotations.NullMarked;
