package dev.banyan.catalog.application;

/** {@code {"code":"chicken","name":"치킨"}} */
public record CategoryView(String code, String name) {
}
