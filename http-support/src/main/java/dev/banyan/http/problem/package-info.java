/**
 * RFC 9457 problem responses of the Banyan HTTP contract, on Spring's {@code ProblemDetail}.
 */
@NullMarked
package dev.banyan.http.problem;

import org.jspecify.annotations.NullMarked;
