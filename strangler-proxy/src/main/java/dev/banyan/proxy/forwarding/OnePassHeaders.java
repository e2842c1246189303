package dev.banyan.proxy.forwarding;

import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;

import org.springframework.http.HttpHeaders;
import org.springframework.util.CollectionUtils;
import org.springframework.util.LinkedCaseInsensitiveMap;
import org.springframework.util.MultiValueMap;

/**
 * The headers {@link BackendHeaders} builds. They live in Spring's case-insensitive map, so every name is already
 * unique ignoring case, and iterating them can skip the case-insensitive name set that {@link HttpHeaders#forEach}
 * builds on each call. The gateway iterates them once per request (into Netty's headers) and once per answer (into
 * the client's response), which made that set one of the proxy's larger costs.
 */
final class OnePassHeaders extends HttpHeaders {

    private final transient MultiValueMap<String, String> names;

    OnePassHeaders() {
        this(CollectionUtils.toMultiValueMap(new LinkedCaseInsensitiveMap<>(16, Locale.ROOT)));
    }

    private OnePassHeaders(MultiValueMap<String, String> names) {
        super(names);
        this.names = names;
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super List<String>> action) {
        names.forEach(action);
    }
}
