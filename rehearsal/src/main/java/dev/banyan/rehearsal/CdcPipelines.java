package dev.banyan.rehearsal;

/**
 * The cdc-bridge pipelines of the catalog: forward (monolith to service) for the backfill and the read migration,
 * and reverse (service to monolith) once catalog writes move to the service.
 */
final class CdcPipelines {

    private CdcPipelines() {
    }

    static String forward(String monolithUrl, String catalogUrl) {
        return "pipelines:\n" + pipeline("catalog-forward", monolithUrl, catalogUrl, true);
    }

    static String bothDirections(String monolithUrl, String catalogUrl) {
        return forward(monolithUrl, catalogUrl) + pipeline("catalog-reverse", catalogUrl, monolithUrl, false);
    }

    private static final String[][] TABLES = {
            // monolith table, service table, key, monolith column -> service column
            {"catalog.category", "public.category", "[code]", "code:code,name:name,sort_order:sort_order"},
            {"catalog.restaurant", "public.restaurant", "[id]", "id:id,name:name,category_code:category_code,"
                    + "phone:phone_number,address:address,minimum_order_amount:minimum_order_amount,"
                    + "delivery_fee:delivery_fee,status:status,created_at:created_at,updated_at:updated_at,version:version"},
            {"catalog.opening_hours", "public.opening_hours", "[restaurant_id, day_of_week]",
                    "restaurant_id:restaurant_id,day_of_week:day_of_week,opens_at:opens_at,closes_at:closes_at"},
            {"catalog.menu_item", "public.menu_item", "[id]", "id:id,restaurant_id:restaurant_id,name:name,"
                    + "description:description,price:price_krw,available:available,created_at:created_at,"
                    + "updated_at:updated_at,version:version"},
    };

    private static String pipeline(String name, String source, String target, boolean forward) {
        StringBuilder yaml = new StringBuilder()
                .append("  - name: ").append(name).append('\n')
                .append("    source: { url: \"").append(source).append("\", user: postgres, password: \"\" }\n")
                .append("    target: { url: \"").append(target).append("\", user: postgres, password: \"\" }\n")
                .append("    tables:\n");
        for (String[] table : TABLES) {
            yaml.append("      - from: ").append(forward ? table[0] : table[1]).append('\n')
                    .append("        to: ").append(forward ? table[1] : table[0]).append('\n')
                    .append("        key: ").append(table[2]).append('\n')
                    .append("        columns: { ");
            String[] pairs = table[3].split(",");
            for (int i = 0; i < pairs.length; i++) {
                String[] pair = pairs[i].split(":");
                yaml.append(i == 0 ? "" : ", ").append(forward ? pair[0] : pair[1]).append(": ")
                        .append(forward ? pair[1] : pair[0]);
            }
            yaml.append(" }\n");
        }
        return yaml.toString();
    }
}
