package dev.banyan.proxy.config;

import java.util.List;

/**
 * How a SHADOW route copies requests to the service and compares the answers.
 *
 * @param ignore         JSON paths left out of the body comparison ({@code $.updatedAt}, {@code $..etag},
 *                       {@code $.items[*].id})
 * @param samplePercent  share of eligible requests that are copied, 0 to 100
 * @param allowUnsafe    copy POST, PUT, PATCH and DELETE too (only when the service call has no side effect that
 *                       matters)
 * @param compareHeaders response headers whose values must be equal
 */
public record ShadowSpec(
        List<JsonPathPattern> ignore, int samplePercent, boolean allowUnsafe, List<String> compareHeaders) {

    public static final ShadowSpec DEFAULT = new ShadowSpec(List.of(), 100, false, List.of());

    public ShadowSpec {
        ignore = List.copyOf(ignore);
        compareHeaders = List.copyOf(compareHeaders);
    }
}
