package dev.banyan.proxy.shadow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import dev.banyan.proxy.config.JsonPathPattern;
import dev.banyan.proxy.config.ShadowSpec;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compares legacy's and the service's answers: status, the chosen headers, and the body. JSON bodies are compared
 * structurally: key order does not matter, numbers compare by value ({@code 1.0} equals {@code 1}), array order
 * does matter, and the configured paths are left out. Other bodies compare byte for byte.
 */
public final class ShadowComparator {

    static final int MAX_DIFFERENCES = 50;

    private static final int MAX_VALUE_TEXT = 200;

    private final JsonMapper json = JsonMapper.builder().build();

    public Comparison compare(ShadowSpec spec, CapturedResponse legacy, CapturedResponse service) {
        List<String> diffs = new ArrayList<>();
        if (legacy.status() != service.status()) {
            diffs.add("status: legacy " + legacy.status() + ", service " + service.status());
        }
        for (String header : spec.compareHeaders()) {
            List<String> a = legacy.headers().getOrEmpty(header);
            List<String> b = service.headers().getOrEmpty(header);
            if (!a.equals(b)) {
                diffs.add("header " + header + ": legacy " + show(a) + ", service " + show(b));
            }
        }
        compareBodies(spec, legacy, service, diffs);
        return new Comparison(diffs.size() > MAX_DIFFERENCES ? diffs.subList(0, MAX_DIFFERENCES) : diffs);
    }

    private void compareBodies(ShadowSpec spec, CapturedResponse legacy, CapturedResponse service, List<String> diffs) {
        JsonNode a = parse(legacy);
        JsonNode b = parse(service);
        if (a != null && b != null) {
            walk(spec.ignore(), new ArrayList<>(), a, b, diffs);
            return;
        }
        if (!Arrays.equals(legacy.body(), service.body())) {
            String kind = a == null && b == null
                    ? "not JSON"
                    : a == null ? "legacy body is not JSON" : "service body is not JSON";
            diffs.add("body: differs (" + kind + "; legacy " + legacy.body().length + " bytes"
                    + (legacy.truncated() ? "+" : "") + ", service " + service.body().length + " bytes"
                    + (service.truncated() ? "+" : "") + ")");
        }
    }

    private @Nullable JsonNode parse(CapturedResponse response) {
        if (response.truncated() || response.body().length == 0) {
            return null;
        }
        byte first = 0;
        for (byte c : response.body()) {
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                first = c;
                break;
            }
        }
        if (first != '{' && first != '[') {
            return null;
        }
        try {
            return json.readTree(response.body());
        } catch (JacksonException e) {
            return null;
        }
    }

    private void walk(List<JsonPathPattern> ignore, List<Object> path, JsonNode a, JsonNode b, List<String> diffs) {
        if (diffs.size() > MAX_DIFFERENCES || ignored(ignore, path)) {
            return;
        }
        if (a.isObject() && b.isObject()) {
            Set<String> keys = new LinkedHashSet<>(a.propertyNames());
            keys.addAll(b.propertyNames());
            for (String key : keys) {
                path.add(key);
                JsonNode va = a.get(key);
                JsonNode vb = b.get(key);
                if (!ignored(ignore, path)) {
                    if (va == null) {
                        diffs.add(render(path) + ": missing in legacy, service " + text(vb));
                    } else if (vb == null) {
                        diffs.add(render(path) + ": missing in service, legacy " + text(va));
                    } else {
                        walk(ignore, path, va, vb, diffs);
                    }
                }
                path.remove(path.size() - 1);
            }
            return;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                diffs.add(render(path) + ": array length legacy " + a.size() + ", service " + b.size());
            }
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                path.add(i);
                walk(ignore, path, a.get(i), b.get(i), diffs);
                path.remove(path.size() - 1);
            }
            return;
        }
        if (a.isNumber() && b.isNumber()) {
            if (a.decimalValue().compareTo(b.decimalValue()) != 0) {
                diffs.add(render(path) + ": legacy " + text(a) + ", service " + text(b));
            }
            return;
        }
        if (!Objects.equals(a, b)) {
            diffs.add(render(path) + ": legacy " + text(a) + ", service " + text(b));
        }
    }

    private static boolean ignored(List<JsonPathPattern> ignore, List<Object> path) {
        for (JsonPathPattern pattern : ignore) {
            if (pattern.matches(path)) {
                return true;
            }
        }
        return false;
    }

    static String render(List<Object> path) {
        StringBuilder out = new StringBuilder("$");
        for (Object segment : path) {
            if (segment instanceof Integer i) {
                out.append('[').append(i).append(']');
            } else {
                String key = (String) segment;
                if (key.matches("[A-Za-z_$][A-Za-z0-9_$-]*")) {
                    out.append('.').append(key);
                } else {
                    out.append("['").append(key.replace("'", "\\'")).append("']");
                }
            }
        }
        return out.toString();
    }

    private static String text(JsonNode node) {
        String text = node.toString();
        return text.length() > MAX_VALUE_TEXT ? text.substring(0, MAX_VALUE_TEXT) + "…" : text;
    }

    private static String show(List<String> values) {
        return values.isEmpty() ? "(absent)" : String.join(", ", values);
    }
}
