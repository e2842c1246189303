package dev.banyan.catalog.application;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** {@code {"code":"chicken","name":"치킨"}} */
@JsonPropertyOrder({"code", "name"})
public record CategoryView(String code, String name) {}
