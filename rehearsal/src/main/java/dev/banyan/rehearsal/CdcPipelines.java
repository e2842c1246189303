package dev.banyan.rehearsal;

/**
 * The cdc-bridge pipelines of the rehearsal. The catalog's, in the shape of {@code cdc-bridge/cdc.example.yml}: forward
 * (monolith to service) backfills and streams; reverse (service to monolith) only streams and carries the writes the service takes
 * after the cutover. Only renamed columns are listed; the others keep their names.
 */
final class CdcPipelines {

    static final String DELIVERY_BACKFILL = "delivery-backfill";

    private static final String[][] TABLES = {
        // monolith table, service table, key, renames (monolith column:service column), version column
        {"catalog.category", "public.category", "[code]", "", ""},
        {"catalog.restaurant", "public.restaurant", "[id]", "phone:phone_number", "updated_at"},
        {"catalog.opening_hours", "public.opening_hours", "[restaurant_id, day_of_week]", "", ""},
        {"catalog.menu_item", "public.menu_item", "[id]", "price:price_krw", "updated_at"},
    };

    private CdcPipelines() {}

    static String forward(String monolithUrl, String catalogUrl) {
        return "pipelines:\n" + pipeline("catalog-forward", monolithUrl, catalogUrl, true);
    }

    static String bothDirections(String monolithUrl, String catalogUrl) {
        return forward(monolithUrl, catalogUrl) + pipeline("catalog-reverse", catalogUrl, monolithUrl, false);
    }

    /**
     * The delivery extraction's pipelines, in the shape of {@code cdc-bridge/outbox.example.yml}: a table pipeline
     * that backfills and streams the monolith's riders and deliveries into the service (its history; nothing flows
     * back, as the service's own deliveries are told to the monolith by events), and the two outbox pipelines that
     * publish each side's events.
     */
    static String delivery(String monolithUrl, String deliveryUrl, String kafka) {
        return """
                pipelines:
                  - name: %s
                    source: { url: "%s", user: postgres, password: "" }
                    target: { url: "%s", user: postgres, password: "" }
                    snapshot: initial
                    tables:
                      - { from: delivery.rider, to: public.rider, key: [id] }
                      - { from: delivery.delivery, to: public.delivery, key: [id] }
                %s%s""".formatted(
                        DELIVERY_BACKFILL,
                        monolithUrl,
                        deliveryUrl,
                        outbox("order-events", monolithUrl, "ordering.outbox", kafka),
                        outbox("delivery-events", deliveryUrl, "public.outbox", kafka));
    }

    /**
     * The delivery pipelines added to pipelines that keep running (the catalog's, after its extraction): one bridge
     * runs them all, and a slot left without its pipeline would retain WAL and turn the bridge's health off UP.
     */
    static String alongside(String running, String delivery) {
        return running + delivery.substring("pipelines:\n".length());
    }

    private static String outbox(String name, String source, String table, String kafka) {
        return """
                  - name: %s
                    kind: outbox
                    source: { url: "%s", user: postgres, password: "" }
                    outbox: %s
                    kafka: { bootstrap-servers: "%s" }
                    topic: banyan.${routedByValue}.events
                    snapshot: initial
                """.formatted(name, source, table, kafka);
    }

    private static String pipeline(String name, String source, String target, boolean forward) {
        StringBuilder yaml = new StringBuilder()
                .append("  - name: ")
                .append(name)
                .append('\n')
                .append("    source: { url: \"")
                .append(source)
                .append("\", user: postgres, password: \"\" }\n")
                .append("    target: { url: \"")
                .append(target)
                .append("\", user: postgres, password: \"\" }\n")
                .append("    snapshot: ")
                .append(forward ? "initial" : "never")
                .append('\n')
                .append("    conflicts: { policy: last-writer-wins, wins-ties: ")
                .append(forward)
                .append(" }\n")
                .append("    tables:\n");
        for (String[] table : TABLES) {
            yaml.append("      - from: ")
                    .append(forward ? table[0] : table[1])
                    .append('\n')
                    .append("        to: ")
                    .append(forward ? table[1] : table[0])
                    .append('\n')
                    .append("        key: ")
                    .append(table[2])
                    .append('\n');
            if (!table[3].isEmpty()) {
                String[] rename = table[3].split(":");
                yaml.append("        columns: { ")
                        .append(forward ? rename[0] : rename[1])
                        .append(": ")
                        .append(forward ? rename[1] : rename[0])
                        .append(" }\n");
            }
            if (!table[4].isEmpty()) {
                yaml.append("        version-column: ").append(table[4]).append('\n');
            }
        }
        return yaml.toString();
    }
}
