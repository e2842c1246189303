package dev.banyan.http.request;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One thing wrong with a request: the field (a JSON path such as {@code openingHours[0].day}) and why. */
@JsonPropertyOrder({"field", "message"})
public record FieldError(String field, String message) {}
