package dev.banyan.catalog.application;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/** One page of a list: {@code {"content":[...],"page":0,"size":20,"totalElements":N,"totalPages":M}}. */
@JsonPropertyOrder({"content", "page", "size", "totalElements", "totalPages"})
public record PageView<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

    public static <T> PageView<T> of(List<T> content, int page, int size, long totalElements) {
        int totalPages = (int) ((totalElements + size - 1) / size);
        return new PageView<>(List.copyOf(content), page, size, totalElements, totalPages);
    }
}
