package dev.banyan.monolith.shared.web;

import dev.banyan.monolith.shared.DomainRuleException;
import dev.banyan.monolith.shared.FieldError;
import dev.banyan.monolith.shared.IllegalTransitionException;
import dev.banyan.monolith.shared.InvalidInputException;
import dev.banyan.monolith.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns every failure into an RFC 9457 {@code application/problem+json} response:
 * 400 invalid-input, 404 not-found, 409 illegal-state, 422 domain-rule (the catalog HTTP contract).
 * For 400 the {@code detail} is the list of field errors joined by {@code "; "}, each as "field message".
 */
@RestControllerAdvice
class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Problem> invalidInput(InvalidInputException e, HttpServletRequest request) {
        return invalid(e.errors(), request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Problem> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof JacksonException jackson) {
            TokenStreamLocation location = jackson.getLocation();
            String where = location == null ? ""
                    : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
            return invalid(List.of(new FieldError("body", "is not valid JSON: " + jackson.getOriginalMessage() + where)),
                    request);
        }
        return invalid(List.of(new FieldError("body", "must not be empty")), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Problem> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return invalid(List.of(new FieldError(e.getName(), "has an invalid value")), request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Problem> missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
        return invalid(List.of(new FieldError(e.getParameterName(), "must be present")), request);
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<Problem> missingHeader(MissingRequestHeaderException e, HttpServletRequest request) {
        return invalid(List.of(new FieldError(e.getHeaderName(), "header must be present")), request);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Problem> notFound(NotFoundException e, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage(), request, null, null);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Problem> noEndpoint(NoResourceFoundException e, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found",
                "No endpoint " + request.getMethod() + " " + request.getRequestURI(), request, null, null);
    }

    @ExceptionHandler(IllegalTransitionException.class)
    ResponseEntity<Problem> illegalTransition(IllegalTransitionException e, HttpServletRequest request) {
        return problem(HttpStatus.CONFLICT, "illegal-state", "Illegal state", e.getMessage(), request, e.state(), null);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Problem> concurrentChange(OptimisticLockingFailureException e, HttpServletRequest request) {
        return problem(HttpStatus.CONFLICT, "illegal-state", "Illegal state",
                "The resource was changed by another request; reload it and try again", request,
                "CONCURRENTLY_MODIFIED", null);
    }

    @ExceptionHandler(DomainRuleException.class)
    ResponseEntity<Problem> domainRule(DomainRuleException e, HttpServletRequest request) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "domain-rule", "Domain rule violated", e.getMessage(),
                request, null, null);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Problem> methodNotAllowed(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed",
                "Method " + e.getMethod() + " is not supported on " + request.getRequestURI()
                        + "; supported: " + String.join(", ", e.getSupportedMethods() == null
                        ? new String[0] : e.getSupportedMethods()), request, null, null);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Problem> unsupportedMediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type",
                (e.getContentType() == null ? "Content-Type is missing"
                        : "Content-Type " + e.getContentType() + " is not supported") + "; send application/json", request, null,
                null);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Problem> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        return problem(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable",
                "This endpoint produces application/json", request, null, null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Problem> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "The server failed to handle the request; see the server log", request, null, null);
    }

    private static ResponseEntity<Problem> invalid(List<FieldError> errors, HttpServletRequest request) {
        String detail = errors.stream().map(error -> error.field() + " " + error.message())
                .collect(Collectors.joining("; "));
        return problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", detail, request, null, errors);
    }

    private static ResponseEntity<Problem> problem(HttpStatus status, String slug, String title, String detail,
                                                   HttpServletRequest request, String state,
                                                   List<FieldError> errors) {
        Problem body = new Problem(Problem.TYPE_BASE + slug, title, status.value(), detail,
                request.getRequestURI(), state, errors);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
