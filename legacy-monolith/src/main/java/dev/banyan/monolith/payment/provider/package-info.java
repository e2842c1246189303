/**
 * The payment provider adapter used by the monolith (a fake one that settles every payment).
 */
@NullMarked
package dev.banyan.monolith.payment.provider;

import org.jspecify.annotations.NullMarked;
