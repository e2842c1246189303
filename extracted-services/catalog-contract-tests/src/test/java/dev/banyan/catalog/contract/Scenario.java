package dev.banyan.catalog.contract;

import java.util.Objects;

/**
 * One HTTP exchange of the contract suite. {@code path} and {@code body} may contain {@code {alias}} placeholders
 * for ids created earlier in the same run; {@code captureAs} names the id a 201 response creates.
 *
 * @param expectedStatus what the contract says the answer is; checked on both applications, so two equal but
 *                       wrong answers still fail
 */
record Scenario(
        String name,
        String method,
        String path,
        String contentType,
        String body,
        int expectedStatus,
        String captureAs) {

    Scenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
    }

    static Scenario get(String name, String path, int expectedStatus) {
        return new Scenario(name, "GET", path, null, null, expectedStatus, null);
    }

    static Scenario post(String name, String path, String json, int expectedStatus) {
        return new Scenario(name, "POST", path, "application/json", json, expectedStatus, null);
    }

    static Scenario put(String name, String path, String json, int expectedStatus) {
        return new Scenario(name, "PUT", path, "application/json", json, expectedStatus, null);
    }

    static Scenario send(String name, String method, String path, String contentType, String body, int expectedStatus) {
        return new Scenario(name, method, path, contentType, body, expectedStatus, null);
    }

    Scenario capturingIdAs(String alias) {
        return new Scenario(name, method, path, contentType, body, expectedStatus, alias);
    }

    boolean writes() {
        return !method.equals("GET");
    }

    @Override
    public String toString() {
        return name + " (" + method + " " + path + ")";
    }
}
