package dev.banyan.http.problem;

import java.net.URI;
import java.util.List;

import dev.banyan.http.request.FieldError;
import dev.banyan.http.request.InvalidInputException;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

/**
 * The RFC 9457 answers of the Banyan HTTP contract, on Spring's {@link ProblemDetail}. Spring's own exceptions are
 * mapped by {@link ResponseEntityExceptionHandler} (so a 405 carries {@code Allow} and a 415 {@code Accept}); this
 * class only gives their bodies the contract's {@code type}, {@code title} and {@code detail}. Input problems are
 * 400 {@code invalid-input} with an {@code errors} member listing every field at fault; each application's
 * {@code @RestControllerAdvice} extends this class and adds its domain exceptions through {@link #problem}.
 */
public abstract class ProblemAdvice extends ResponseEntityExceptionHandler {

    /** Problem types are this prefix plus a {@link Kind#slug()}. */
    public static final String TYPE_BASE = "https://banyan.dev/problems/";

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    /** The problem types of the contract, one per status. */
    public enum Kind {
        INVALID_INPUT(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input"),
        NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "Not found"),
        METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed"),
        NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable"),
        ILLEGAL_STATE(HttpStatus.CONFLICT, "illegal-state", "Illegal state"),
        UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type"),
        DOMAIN_RULE(HttpStatus.UNPROCESSABLE_CONTENT, "domain-rule", "Domain rule violated"),
        INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error"),
        NOT_READY(HttpStatus.SERVICE_UNAVAILABLE, "not-ready", "Not ready");

        private final HttpStatus status;
        private final String slug;
        private final String title;

        Kind(HttpStatus status, String slug, String title) {
            this.status = status;
            this.slug = slug;
            this.title = title;
        }

        public HttpStatus status() {
            return status;
        }

        public String slug() {
            return slug;
        }

        /** A problem of this kind; {@code instance} is the request path. */
        public ProblemDetail problem(String detail, String instance) {
            ProblemDetail problem = new Problem(ProblemDetail.forStatusAndDetail(status, detail));
            problem.setType(URI.create(TYPE_BASE + slug));
            problem.setTitle(title);
            problem.setInstance(URI.create(instance));
            return problem;
        }

        static @Nullable Kind of(HttpStatusCode status) {
            for (Kind kind : values()) {
                if (kind.status.value() == status.value()) {
                    return kind;
                }
            }
            return null;
        }
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Object> invalidInput(InvalidInputException e, WebRequest request) {
        return invalid(e, e.errors(), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
        log.error("Unexpected failure on {} {}", method(request), path(request), e);
        return problem(e, Kind.INTERNAL_ERROR, "The server failed to handle the request; see the server log", request);
    }

    /** Answers {@code kind} with {@code detail}; a 409 names the aggregate's current {@code state}. */
    protected final ResponseEntity<Object> problem(Exception e, Kind kind, String detail, WebRequest request) {
        return handleExceptionInternal(
                e, kind.problem(detail, path(request)), new HttpHeaders(), kind.status(), request);
    }

    /** A 409 that names the current {@code state} of what the request tried to change. */
    protected final ResponseEntity<Object> illegalState(Exception e, String detail, String state, WebRequest request) {
        ProblemDetail body = Kind.ILLEGAL_STATE.problem(detail, path(request));
        body.setProperty("state", state);
        return handleExceptionInternal(e, body, new HttpHeaders(), Kind.ILLEGAL_STATE.status(), request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof JacksonException jackson) {
            TokenStreamLocation location = jackson.getLocation();
            String where = location == null
                    ? ""
                    : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
            return invalid(
                    e,
                    List.of(new FieldError("body", "is not valid JSON: " + jackson.getOriginalMessage() + where)),
                    request);
        }
        return invalid(e, List.of(new FieldError("body", "must not be empty")), request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name =
                e instanceof MethodArgumentTypeMismatchException argument ? argument.getName() : e.getPropertyName();
        return invalid(e, List.of(new FieldError(name, "has an invalid value")), request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid(e, List.of(new FieldError(e.getParameterName(), "must be present")), request);
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(
            ServletRequestBindingException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (e instanceof MissingRequestHeaderException header) {
            return invalid(e, List.of(new FieldError(header.getHeaderName(), "header must be present")), request);
        }
        return super.handleServletRequestBindingException(e, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        e.getBody().setDetail("No endpoint " + method(request) + " " + path(request));
        return super.handleNoResourceFoundException(e, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(
            HttpRequestMethodNotSupportedException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String[] supported = e.getSupportedMethods() == null ? new String[0] : e.getSupportedMethods();
        e.getBody()
                .setDetail("Method " + e.getMethod() + " is not supported on " + path(request) + "; supported: "
                        + String.join(", ", supported));
        return super.handleHttpRequestMethodNotSupported(e, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
            HttpMediaTypeNotSupportedException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        e.getBody()
                .setDetail((e.getContentType() == null
                                ? "Content-Type is missing"
                                : "Content-Type " + e.getContentType() + " is not supported")
                        + "; send application/json");
        return super.handleHttpMediaTypeNotSupported(e, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(
            HttpMediaTypeNotAcceptableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        e.getBody().setDetail("This endpoint produces application/json");
        return super.handleHttpMediaTypeNotAcceptable(e, headers, status, request);
    }

    /** Every answer goes through here: the contract's type and title for its status, the request path as instance. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Object resolved = body == null && e instanceof ErrorResponse error
                ? error.updateAndGetBody(getMessageSource(), LocaleContextHolder.getLocale())
                : body;
        if (resolved instanceof ProblemDetail detail) {
            ProblemDetail problem = detail instanceof Problem ordered ? ordered : new Problem(detail);
            resolved = problem;
            Kind kind = Kind.of(status);
            if (kind != null) {
                problem.setType(URI.create(TYPE_BASE + kind.slug));
                problem.setTitle(kind.title);
            }
            problem.setInstance(URI.create(path(request)));
        }
        return super.handleExceptionInternal(e, resolved, headers, status, request);
    }

    private ResponseEntity<Object> invalid(Exception e, List<FieldError> errors, WebRequest request) {
        InvalidInputException invalid =
                e instanceof InvalidInputException given ? given : new InvalidInputException(errors);
        ProblemDetail body = Kind.INVALID_INPUT.problem(invalid.getMessage(), path(request));
        body.setProperty("errors", errors);
        return handleExceptionInternal(e, body, new HttpHeaders(), Kind.INVALID_INPUT.status(), request);
    }

    private static String path(WebRequest request) {
        HttpServletRequest servlet = ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
        return servlet == null ? "" : servlet.getRequestURI();
    }

    private static String method(WebRequest request) {
        HttpServletRequest servlet = ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
        return servlet == null ? "" : servlet.getMethod();
    }
}
