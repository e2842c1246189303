package dev.banyan.rehearsal;

import java.net.URI;

/** The proxy's routes file as the rehearsal first writes it: both catalog routes on LEGACY. */
final class RoutesFile {

    static final String READS = "catalog-reads";
    static final String WRITES = "catalog-writes";

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
}
