package dev.banyan.catalog.application;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One thing wrong with the input: the field (a JSON path such as {@code openingHours[0].day}) and why. */
@JsonPropertyOrder({"field", "message"})
public record FieldProblem(String field, String message) {
}
