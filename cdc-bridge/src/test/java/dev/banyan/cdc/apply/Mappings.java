package dev.banyan.cdc.apply;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.banyan.cdc.config.TableConfig;
import dev.banyan.cdc.config.TableConfig.QualifiedName;

/** Table mappings built by hand, for tests that need no database catalog. */
final class Mappings {

    private Mappings() {}

    /** {@code catalog.menu_item -> public.menu_item}: id (uuid, key), name (text), price -> price_krw (bigint), options (json), version (bigint). */
    static TableMapping menuItem(int index, boolean versioned) {
        TableMapping.Column id = new TableMapping.Column("id", "id", "uuid");
        TableMapping.Column name = new TableMapping.Column("name", "name", "text");
        TableMapping.Column price = new TableMapping.Column("price", "price_krw", "bigint");
        TableMapping.Column options = new TableMapping.Column("options", "options", "json");
        TableMapping.Column version = new TableMapping.Column("version", "version", "bigint");
        TableConfig config = new TableConfig(
                QualifiedName.parse("catalog.menu_item"),
                QualifiedName.parse("public.menu_item"),
                List.of("id"),
                Map.of("price", "price_krw"),
                Set.of(),
                versioned ? "version" : null);
        return new TableMapping(
                config,
                index,
                List.of(id, name, price, options, version),
                List.of(id),
                versioned ? version : null,
                List.of());
    }

    /** {@code catalog.tag -> public.tag}: a two-column key and nothing else. */
    static TableMapping tag(int index) {
        TableMapping.Column item = new TableMapping.Column("item_id", "item_id", "uuid");
        TableMapping.Column label = new TableMapping.Column("label", "label", "text");
        TableConfig config = new TableConfig(
                QualifiedName.parse("catalog.tag"),
                QualifiedName.parse("public.tag"),
                List.of("item_id", "label"),
                Map.of(),
                Set.of(),
                null);
        return new TableMapping(config, index, List.of(item, label), List.of(item, label), null, List.of());
    }
}
