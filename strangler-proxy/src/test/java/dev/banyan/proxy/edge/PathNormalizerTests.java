package dev.banyan.proxy.edge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PathNormalizerTests {

    @ParameterizedTest
    @CsvSource({
        "/api/restaurants/../orders, /api/orders",
        "/api/restaurants/%2e%2e/orders, /api/orders",
        "/api/restaurants/%2E%2E/orders, /api/orders",
        "/api/restaurants/..;x=1/orders, /api/orders",
        "/api/restaurants/./1, /api/restaurants/1",
        "//api///restaurants, /api/restaurants",
        "/api/restaurants/1/, /api/restaurants/1/",
        "/api/restaurants/1/.., /api/restaurants/",
        "/, /",
        "/api/%ED%95%9C%EC%8B%9D, /api/%ED%95%9C%EC%8B%9D",
        "/api/restaurants;jsessionid=1, /api/restaurants;jsessionid=1",
    })
    void removesDotSegmentsAndTheirDisguises(String raw, String expected) {
        assertThat(PathNormalizer.normalize(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/restaurants%2F..%2Forders",
                "/api/a%5c..",
                "/api\\..\\orders",
                "/../etc/passwd",
                "/api/../../etc",
                "/api/%00",
                "*"
            })
    void rejectsPathsThatBackendsCouldReadDifferently(String raw) {
        assertThatThrownBy(() -> PathNormalizer.normalize(raw))
                .isInstanceOf(PathNormalizer.RejectedPathException.class);
    }

    @Test
    void leavesCleanPathsAlone() {
        String path = "/api/restaurants/42/menu";
        assertThat(PathNormalizer.normalize(path)).isSameAs(path);
    }
}
