package dev.banyan.proxy.shadow;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.banyan.proxy.config.JsonPathPattern;
import dev.banyan.proxy.config.ShadowSpec;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShadowComparatorTests {

    private final ShadowComparator comparator = new ShadowComparator();

    private static CapturedResponse json(int status, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.add("Content-Type", "application/json");
        return new CapturedResponse(status, headers, body.getBytes(StandardCharsets.UTF_8), false);
    }

    private static ShadowSpec ignoring(String... paths) {
        return new ShadowSpec(
                java.util.Arrays.stream(paths).map(JsonPathPattern::parse).toList(), 100, false, List.of());
    }

    @Test
    void keyOrderAndNumberFormattingAreNotDifferences() {
        Comparison result = comparator.compare(
                ShadowSpec.DEFAULT,
                json(200, "{\"id\":1,\"name\":\"김밥천국\",\"price\":8000,\"tags\":[\"분식\",\"저렴\"]}"),
                json(200, "{\"tags\":[\"분식\",\"저렴\"],\"price\":8000.0,\"name\":\"김밥천국\",\"id\":1}"));
        assertThat(result.matches()).isTrue();
    }

    @Test
    void ignoredPathsAreLeftOut() {
        Comparison result = comparator.compare(
                ignoring("$.updatedAt", "$.items[*].etag", "$..trace"),
                json(
                        200,
                        "{\"id\":1,\"updatedAt\":\"2024-01-01\",\"items\":[{\"n\":1,\"etag\":\"a\"}],\"meta\":{\"trace\":\"x\"}}"),
                json(
                        200,
                        "{\"id\":1,\"updatedAt\":\"2025-12-31\",\"items\":[{\"n\":1,\"etag\":\"b\"}],\"meta\":{\"trace\":\"y\"}}"));
        assertThat(result.differences()).isEmpty();
    }

    @Test
    void genuineDifferencesAreNamedByPath() {
        Comparison result = comparator.compare(
                ignoring("$.updatedAt"),
                json(200, "{\"id\":1,\"name\":\"김밥천국\",\"items\":[1,2,3],\"open\":true}"),
                json(200, "{\"id\":1,\"name\":\"김밥 천국\",\"items\":[1,2],\"extra\":null,\"open\":true}"));
        assertThat(result.matches()).isFalse();
        assertThat(result.differences())
                .containsExactly(
                        "$.name: legacy \"김밥천국\", service \"김밥 천국\"",
                        "$.items: array length legacy 3, service 2",
                        "$.extra: missing in legacy, service null");
    }

    @Test
    void statusAndChosenHeadersAreCompared() {
        ShadowSpec spec = new ShadowSpec(List.of(), 100, false, List.of("Content-Type", "Cache-Control"));
        CapturedResponse service = json(404, "{}");
        service.headers().set("Cache-Control", "no-store");
        Comparison result = comparator.compare(spec, json(200, "{}"), service);
        assertThat(result.differences())
                .containsExactly(
                        "status: legacy 200, service 404", "header Cache-Control: legacy (absent), service no-store");
    }

    @Test
    void nonJsonBodiesCompareByteForByte() {
        CapturedResponse a = new CapturedResponse(200, new HttpHeaders(), "hello".getBytes(), false);
        CapturedResponse b = new CapturedResponse(200, new HttpHeaders(), "hello!".getBytes(), false);
        assertThat(comparator.compare(ShadowSpec.DEFAULT, a, a).matches()).isTrue();
        assertThat(comparator.compare(ShadowSpec.DEFAULT, a, b).differences())
                .containsExactly("body: differs (not JSON; legacy 5 bytes, service 6 bytes)");
    }

    @Test
    void jsonPathPatternsMatchConcreteLocations() {
        assertThat(JsonPathPattern.parse("$.a.b").matches(List.of("a", "b"))).isTrue();
        assertThat(JsonPathPattern.parse("$.a.b").matches(List.of("a"))).isFalse();
        assertThat(JsonPathPattern.parse("$.items[*].id").matches(List.of("items", 3, "id")))
                .isTrue();
        assertThat(JsonPathPattern.parse("$.items[1]").matches(List.of("items", 2)))
                .isFalse();
        assertThat(JsonPathPattern.parse("$..id").matches(List.of("x", 0, "y", "id")))
                .isTrue();
        assertThat(JsonPathPattern.parse("$['odd key']").matches(List.of("odd key")))
                .isTrue();
        assertThatThrownBy(() -> JsonPathPattern.parse("updatedAt")).hasMessageContaining("must start with '$'");
        assertThatThrownBy(() -> JsonPathPattern.parse("$.items[x]")).hasMessageContaining("unsupported selector");
    }
}
