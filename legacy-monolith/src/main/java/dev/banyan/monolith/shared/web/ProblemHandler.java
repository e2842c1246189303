package dev.banyan.monolith.shared.web;

import dev.banyan.http.problem.ProblemAdvice;
import dev.banyan.monolith.shared.DomainRuleException;
import dev.banyan.monolith.shared.IllegalTransitionException;
import dev.banyan.monolith.shared.NotFoundException;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;

/**
 * The monolith's domain exceptions as RFC 9457 problems: 404 not-found, 409 illegal-state naming the current
 * {@code state}, 422 domain-rule. Spring's own exceptions, 400 invalid input and 500 are answered by
 * {@link ProblemAdvice}, which the catalog-service shares, so both speak the catalog HTTP contract alike.
 */
@RestControllerAdvice
class ProblemHandler extends ProblemAdvice {

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException e, WebRequest request) {
        return problem(e, Kind.NOT_FOUND, e.getMessage(), request);
    }

    @ExceptionHandler(IllegalTransitionException.class)
    ResponseEntity<Object> illegalTransition(IllegalTransitionException e, WebRequest request) {
        return illegalState(e, e.getMessage(), e.state(), request);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> concurrentChange(OptimisticLockingFailureException e, WebRequest request) {
        return illegalState(
                e,
                "The resource was changed by another request; reload it and try again",
                "CONCURRENTLY_MODIFIED",
                request);
    }

    @ExceptionHandler(DomainRuleException.class)
    ResponseEntity<Object> domainRule(DomainRuleException e, WebRequest request) {
        return problem(e, Kind.DOMAIN_RULE, e.getMessage(), request);
    }
}
