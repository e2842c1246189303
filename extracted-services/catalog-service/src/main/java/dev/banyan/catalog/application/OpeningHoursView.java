package dev.banyan.catalog.application;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** {@code {"day":"MONDAY","opens":"10:00","closes":"22:00"}} */
@JsonPropertyOrder({"day", "opens", "closes"})
public record OpeningHoursView(String day, String opens, String closes) {}
