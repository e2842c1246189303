package dev.banyan.monolith.shared.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.banyan.monolith.shared.FieldError;

import java.util.List;

/**
 * An RFC 9457 problem document. {@code state} appears only on 409 (the current state of the aggregate),
 * {@code errors} only on 400 (one entry per field at fault).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "state", "errors"})
public record Problem(String type, String title, int status, String detail, String instance, String state,
                      List<FieldError> errors) {

    static final String TYPE_BASE = "https://banyan.dev/problems/";
}
