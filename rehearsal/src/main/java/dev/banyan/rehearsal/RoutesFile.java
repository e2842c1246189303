package dev.banyan.rehearsal;

import java.net.URI;

/**
 * The proxy's routes file as the rehearsal first writes it: every route and the event route on LEGACY. The admin API
 * changes the stages in place afterwards.
 */
final class RoutesFile {

    static final String READS = "catalog-reads";
    static final String WRITES = "catalog-writes";
    static final String DELIVERIES = "deliveries";
    static final String DELIVERY_EVENTS = "delivery-events";

    private RoutesFile() {}

    static String initial(URI legacy, URI catalogService) {
        return """
                # Written by the rehearsal; the proxy's admin API updates the stages in place.
                legacy:
                  uri: %s
                services:
                  catalog:
                    uri: %s
                    timeout: 2s
                routes:
                  - id: %s
                    service: catalog
                    paths: [/api/categories, /api/restaurants, /api/restaurants/**]
                    methods: [GET]
                    stage: LEGACY
                    percent: 0
                    sticky-by: header:X-Customer-Id
                    fallback-to-legacy: true
                    shadow:
                      ignore: [$.createdAt, $.updatedAt]
                      sample-percent: 100
                  - id: %s
                    service: catalog
                    paths: [/api/restaurants, /api/restaurants/**]
                    methods: [POST, PUT]
                    stage: LEGACY
                    fallback-to-legacy: true
                """.formatted(legacy, catalogService, READS, WRITES);
    }

    /**
     * The catalog's routes plus delivery's: the HTTP route of {@code /api/deliveries/**} (with fallback, so the
     * service's 421 for a delivery it does not own is replayed to legacy) and the event route whose stage the proxy
     * pushes to the monolith's switch.
     */
    static String withDelivery(URI legacy, URI catalogService, URI deliveryService) {
        String catalog = initial(legacy, catalogService);
        String services = "services:\n";
        return catalog.replace(services, services + "  delivery:\n    uri: " + deliveryService + "\n    timeout: 5s\n")
                + """
                  - id: %s
                    service: delivery
                    paths: [/api/deliveries/**]
                    methods: [GET, POST]
                    stage: LEGACY
                    fallback-to-legacy: true
                event-routes:
                  - id: %s
                    switch: %s/internal/event-routes/delivery
                    stage: LEGACY
                """.formatted(DELIVERIES, DELIVERY_EVENTS, legacy);
    }
}
