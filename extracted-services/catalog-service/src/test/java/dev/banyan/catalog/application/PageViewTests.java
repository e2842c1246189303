package dev.banyan.catalog.application;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PageViewTests {

    @Test
    void countsPagesRoundingUp() {
        assertThat(PageView.of(List.of(), 0, 20, 0).totalPages()).isZero();
        assertThat(PageView.of(List.of(), 0, 20, 20).totalPages()).isEqualTo(1);
        assertThat(PageView.of(List.of(), 0, 20, 21).totalPages()).isEqualTo(2);
        assertThat(PageView.of(List.of(), 9, 1, 5).totalPages()).isEqualTo(5);
    }
}
