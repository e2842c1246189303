package dev.banyan.delivery.contract;

import java.util.Objects;

/**
 * One HTTP exchange of the delivery contract. {@code path} may contain {@code {order-a}}-style placeholders for the
 * orders the side's {@link DeliveryFixture} created before the run.
 *
 * @param expectedStatus what the contract says; checked on the monolith, so two equal but wrong answers still fail
 */
record Scenario(String name, String method, String path, int expectedStatus) {

    Scenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
    }

    static Scenario get(String name, String path, int expectedStatus) {
        return new Scenario(name, "GET", path, expectedStatus);
    }

    static Scenario post(String name, String path, int expectedStatus) {
        return new Scenario(name, "POST", path, expectedStatus);
    }

    @Override
    public String toString() {
        return name + " (" + method + " " + path + ")";
    }
}
