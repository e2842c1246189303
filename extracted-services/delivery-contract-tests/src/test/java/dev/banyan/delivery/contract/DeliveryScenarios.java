package dev.banyan.delivery.contract;

import java.util.List;

import static dev.banyan.delivery.contract.Scenario.get;
import static dev.banyan.delivery.contract.Scenario.post;

/**
 * The ONE list of scenarios of the delivery contract, played in this order against both sides. Each side first
 * creates the accepted orders named in {@link #ORDERS} through its own {@link DeliveryFixture}.
 */
final class DeliveryScenarios {

    /** The accepted orders the scenarios use, created in this order (so both sides assign the same riders). */
    static final List<String> ORDERS = List.of("order-a", "order-b", "order-c");

    static final String UNKNOWN_ORDER = "5b0f1a8e-0000-4000-8000-00000000dead";

    private DeliveryScenarios() {}

    static List<Scenario> all() {
        return List.of(
                get("the delivery of an accepted order, with its rider", "/api/deliveries/{order-a}", 200),
                get("another order gets the next least busy rider", "/api/deliveries/{order-b}", 200),
                post("pickup", "/api/deliveries/{order-a}/pickup", 200),
                get("the picked-up delivery", "/api/deliveries/{order-a}", 200),
                post("pickup twice", "/api/deliveries/{order-a}/pickup", 409),
                post("complete", "/api/deliveries/{order-a}/complete", 200),
                post("complete twice", "/api/deliveries/{order-a}/complete", 409),
                post("pickup after delivery", "/api/deliveries/{order-a}/pickup", 409),
                get("the delivered delivery", "/api/deliveries/{order-a}", 200),
                post("complete before pickup", "/api/deliveries/{order-b}/complete", 409),
                get("a delivery is unchanged by a refused completion", "/api/deliveries/{order-b}", 200),
                get("a rider with an active delivery is busier", "/api/deliveries/{order-c}", 200),
                get("unknown order", "/api/deliveries/" + UNKNOWN_ORDER, 404),
                post("pickup of an unknown order", "/api/deliveries/" + UNKNOWN_ORDER + "/pickup", 404),
                post("complete of an unknown order", "/api/deliveries/" + UNKNOWN_ORDER + "/complete", 404),
                get("malformed order id", "/api/deliveries/not-a-uuid", 400),
                post("pickup with a malformed order id", "/api/deliveries/12345/pickup", 400),
                get("upper-case order id", "/api/deliveries/{ORDER-B}", 200),
                new Scenario("DELETE a delivery", "DELETE", "/api/deliveries/{order-a}", 405),
                new Scenario("POST on a delivery", "POST", "/api/deliveries/{order-a}", 405),
                get("GET on pickup", "/api/deliveries/{order-b}/pickup", 405),
                new Scenario("PUT on complete", "PUT", "/api/deliveries/{order-b}/complete", 405),
                post("an action that does not exist", "/api/deliveries/{order-b}/cancel", 404));
    }
}
