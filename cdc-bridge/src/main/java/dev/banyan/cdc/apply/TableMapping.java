package dev.banyan.cdc.apply;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.banyan.cdc.apply.DatabaseCatalog.ColumnInfo;
import dev.banyan.cdc.apply.DatabaseCatalog.TableInfo;
import dev.banyan.cdc.config.ConfigException;
import dev.banyan.cdc.config.TableConfig;
import dev.banyan.cdc.config.TableConfig.QualifiedName;

/**
 * One source table mapped onto one target table, resolved against both databases at start-up.
 *
 * <p>Column rules: a column listed under {@code columns} goes to the named target column; any other source column goes
 * to the target column of the same name if there is one; source columns without a target counterpart, and columns
 * under {@code exclude}, are not carried. The resolved set is fixed for the pipeline's lifetime, so a column added to the
 * source later is ignored until a restart picks it up.
 */
public final class TableMapping {

    /** A carried column: its source name, its target name and the target type the text value is cast to. */
    public record Column(String source, String target, String targetType) {}

    private final TableConfig config;
    private final int index;
    private final List<Column> columns;
    private final List<Column> keyColumns;
    private final Column versionColumn;
    private final Set<String> requiredSourceColumns;
    private final Set<String> keySourceColumns;
    private final List<String> unmappedSourceColumns;

    TableMapping(
            TableConfig config,
            int index,
            List<Column> columns,
            List<Column> keyColumns,
            Column versionColumn,
            List<String> unmappedSourceColumns) {
        this.config = config;
        this.index = index;
        this.columns = List.copyOf(columns);
        this.keyColumns = List.copyOf(keyColumns);
        this.versionColumn = versionColumn;
        this.requiredSourceColumns = columns.stream().map(Column::source).collect(Collectors.toUnmodifiableSet());
        this.keySourceColumns = keyColumns.stream().map(Column::source).collect(Collectors.toUnmodifiableSet());
        this.unmappedSourceColumns = List.copyOf(unmappedSourceColumns);
    }

    /**
     * Resolves {@code config} against the two catalogs, or explains (pipeline, field, reason) what does not fit.
     */
    public static TableMapping resolve(
            String file, String pipeline, int index, TableConfig config, TableInfo source, TableInfo target) {
        String field = "tables[" + index + "]";
        String where = file + ": pipeline '" + pipeline + "': ";
        Map<String, Column> bySource = new LinkedHashMap<>();
        List<String> unmapped = new ArrayList<>();
        for (Map.Entry<String, String> rename : config.columns().entrySet()) {
            if (!source.columns().containsKey(rename.getKey())) {
                throw new ConfigException(where + field + ".columns." + rename.getKey() + ": source table "
                        + config.from() + " has no column '" + rename.getKey() + "'");
            }
            if (!target.columns().containsKey(rename.getValue())) {
                throw new ConfigException(where + field + ".columns." + rename.getKey() + ": target table "
                        + config.to() + " has no column '" + rename.getValue() + "'");
            }
        }
        for (String excluded : config.exclude()) {
            if (!source.columns().containsKey(excluded)) {
                throw new ConfigException(where + field + ".exclude: source table " + config.from() + " has no column '"
                        + excluded + "'");
            }
        }
        for (ColumnInfo sourceColumn : source.columns().values()) {
            String name = sourceColumn.name();
            if (config.exclude().contains(name)) {
                continue;
            }
            String targetName = config.columns().getOrDefault(name, name);
            ColumnInfo targetColumn = target.columns().get(targetName);
            if (targetColumn == null || targetColumn.generated()) {
                unmapped.add(name);
                continue;
            }
            String uncarried = UncarriedTypes.reason(sourceColumn.type()).orElse(null);
            if (uncarried != null) {
                throw new ConfigException(where + field + ".columns." + name + ": " + config.from() + "." + name + " "
                        + sourceColumn.type() + " cannot be carried: " + uncarried);
            }
            String loss =
                    TypeNarrowing.loss(sourceColumn.type(), targetColumn.type()).orElse(null);
            if (loss != null) {
                throw new ConfigException(where + field + ".columns." + name + ": " + config.from() + "." + name + " "
                        + sourceColumn.type() + " -> " + config.to() + "." + targetName + " " + targetColumn.type()
                        + " narrows: " + loss
                        + " (casts do that silently); widen the target column or exclude the column");
            }
            bySource.put(name, new Column(name, targetName, targetColumn.type()));
        }
        List<Column> keyColumns = new ArrayList<>();
        for (String key : config.key()) {
            if (!source.columns().containsKey(key)) {
                throw new ConfigException(
                        where + field + ".key: source table " + config.from() + " has no column '" + key + "'");
            }
            Column column = bySource.get(key);
            if (column == null) {
                throw new ConfigException(where + field + ".key: key column '" + key
                        + "' has no counterpart in target table " + config.to() + "; map it under columns");
            }
            keyColumns.add(column);
        }
        Set<String> sourceKey = new LinkedHashSet<>(config.key());
        boolean identityCoversKey = source.replicaIdentity() == 'f'
                || (source.replicaIdentity() == 'd' && source.primaryKey().equals(sourceKey));
        if (!identityCoversKey) {
            throw new ConfigException(where + field + ".key: " + config.key()
                    + " is not the primary key of source table "
                    + config.from() + " (primary key " + source.primaryKey() + "), so deletes would not carry it; "
                    + "use the primary key or set REPLICA IDENTITY FULL on the source table");
        }
        Set<String> targetKey =
                keyColumns.stream().map(Column::target).collect(Collectors.toCollection(LinkedHashSet::new));
        if (!target.hasUniqueKeyOn(targetKey)) {
            throw new ConfigException(where + field + ".key: target table " + config.to()
                    + " has no primary key or unique index on " + targetKey + ", which upserts need");
        }
        Column version = null;
        if (config.versionColumn() != null) {
            version = bySource.get(config.versionColumn());
            if (version == null) {
                throw new ConfigException(where + field + ".version-column: '" + config.versionColumn()
                        + "' is not a carried column of " + config.from());
            }
        }
        Set<String> targetsFed = bySource.values().stream().map(Column::target).collect(Collectors.toSet());
        for (ColumnInfo targetColumn : target.columns().values()) {
            if (targetColumn.notNull()
                    && !targetColumn.hasDefault()
                    && !targetColumn.generated()
                    && !targetsFed.contains(targetColumn.name())) {
                throw new ConfigException(where + field + ".columns: target column " + config.to() + "."
                        + targetColumn.name() + " is NOT NULL without a default, and no source column maps onto it");
            }
        }
        return new TableMapping(config, index, new ArrayList<>(bySource.values()), keyColumns, version, unmapped);
    }

    public QualifiedName from() {
        return config.from();
    }

    public QualifiedName to() {
        return config.to();
    }

    public int index() {
        return index;
    }

    public List<Column> columns() {
        return columns;
    }

    public List<Column> keyColumns() {
        return keyColumns;
    }

    public List<Column> nonKeyColumns() {
        return columns.stream()
                .filter(c -> !keySourceColumns.contains(c.source()))
                .toList();
    }

    public Column versionColumn() {
        return versionColumn;
    }

    public List<String> unmappedSourceColumns() {
        return unmappedSourceColumns;
    }

    /** The source columns a change must carry for this mapping to apply it. */
    public Set<String> requiredSourceColumns(Op op) {
        return op == Op.DELETE ? keySourceColumns : requiredSourceColumns;
    }

    /** The mapped columns absent from {@code present}, in mapping order. */
    public List<String> missingColumns(Op op, Set<String> present) {
        if (present.containsAll(requiredSourceColumns(op))) {
            return Collections.emptyList();
        }
        List<String> missing = new ArrayList<>();
        for (Column c : op == Op.DELETE ? keyColumns : columns) {
            if (!present.contains(c.source())) {
                missing.add(c.source());
            }
        }
        return missing;
    }

    public List<String> keyOf(Map<String, String> sourceValues) {
        List<String> key = new ArrayList<>(keyColumns.size());
        for (Column c : keyColumns) {
            key.add(sourceValues.get(c.source()));
        }
        return key;
    }

    public String describeKey(List<String> key) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < keyColumns.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(keyColumns.get(i).source()).append('=').append(key.get(i));
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return config.from() + " -> " + config.to();
    }
}
