package dev.banyan.catalog.web;

import dev.banyan.catalog.application.NotFoundException;
import dev.banyan.catalog.domain.MenuItems;
import dev.banyan.http.problem.ProblemAdvice;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;

/**
 * The catalog's own exceptions as RFC 9457 problems: 404 not-found, 409 illegal-state for a concurrent change.
 * Spring's exceptions, 400 invalid input and 500 are answered by {@link ProblemAdvice}, shared with the monolith,
 * so both answer the catalog HTTP contract with the same types, titles and texts.
 */
@RestControllerAdvice
class ProblemHandler extends ProblemAdvice {

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException e, WebRequest request) {
        return problem(e, Kind.NOT_FOUND, e.getMessage(), request);
    }

    @ExceptionHandler(MenuItems.ConcurrentModificationException.class)
    ResponseEntity<Object> concurrentChange(MenuItems.ConcurrentModificationException e, WebRequest request) {
        return illegalState(
                e,
                "The resource was changed by another request; reload it and try again",
                "CONCURRENTLY_MODIFIED",
                request);
    }
}
