package dev.banyan.catalog.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.banyan.catalog.application.FieldProblem;

import java.util.List;

/**
 * An RFC 9457 problem document. {@code state} appears only on 409 (the current state), {@code errors} only on 400
 * (one entry per field at fault).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "state", "errors"})
record Problem(String type, String title, int status, String detail, String instance, String state,
               List<FieldProblem> errors) {

    static final String TYPE_BASE = "https://banyan.dev/problems/";
}
