/**
 * The delivery context's use cases: the rider's HTTP actions (read, pickup, completion) and the reactions to order
 * events (assignment, the Saga's cancel step, shadow decisions), with the ports they write through (outbox, inbox,
 * shadow decisions). Every state change and the event it produces share one transaction.
 */
@NullMarked
package dev.banyan.delivery.application;

import org.jspecify.annotations.NullMarked;
