package dev.banyan.catalog.application;

/** {@code {"day":"MONDAY","opens":"10:00","closes":"22:00"}} */
public record OpeningHoursView(String day, String opens, String closes) {
}
