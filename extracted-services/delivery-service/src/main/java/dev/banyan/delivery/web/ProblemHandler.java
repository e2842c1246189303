package dev.banyan.delivery.web;

import java.net.URI;

import dev.banyan.delivery.application.MisdirectedException;
import dev.banyan.delivery.application.NotFoundException;
import dev.banyan.delivery.domain.IllegalTransitionException;
import dev.banyan.http.problem.ProblemAdvice;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;

/**
 * The delivery context's exceptions as the monolith answers them: 404 not-found, 409 illegal-state naming the
 * delivery's current {@code state}. Spring's exceptions, 400 and 500 come from {@link ProblemAdvice}, shared with
 * the monolith.
 */
@RestControllerAdvice
class ProblemHandler extends ProblemAdvice {

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException e, WebRequest request) {
        return problem(e, Kind.NOT_FOUND, e.getMessage(), request);
    }

    /** 421: the proxy replays it to the monolith (fallback reason {@code misdirected}); nothing was changed here. */
    @ExceptionHandler(MisdirectedException.class)
    ResponseEntity<Object> misdirected(MisdirectedException e, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.MISDIRECTED_REQUEST, e.getMessage());
        body.setType(URI.create(TYPE_BASE + "misdirected"));
        body.setTitle("Misdirected request");
        body.setInstance(URI.create(((ServletWebRequest) request).getRequest().getRequestURI()));
        return handleExceptionInternal(e, body, new HttpHeaders(), HttpStatus.MISDIRECTED_REQUEST, request);
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
}
