package dev.banyan.catalog.application;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One page of a list: {@code {"content":[...],"page":0,"size":20,"totalElements":N,"totalPages":M}}. */
@JsonPropertyOrder({"content", "page", "size", "totalElements", "totalPages"})
public record PageView<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

    public static <T> PageView<T> of(List<T> content, int page, int size, long totalElements) {
        int totalPages = (int) ((totalElements + size - 1) / size);
        return new PageView<>(List.copyOf(content), page, size, totalElements, totalPages);
    }
}
