package dev.banyan.cdc.apply;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.banyan.cdc.apply.DatabaseCatalog.TableInfo;
import dev.banyan.cdc.config.ConfigException;
import dev.banyan.cdc.config.PipelineConfig;
import dev.banyan.cdc.config.TableConfig;

/**
 * Checks a pipeline against its two databases before anything runs: both reachable, every mapped table and column
 * present, keys usable. Problems are {@link ConfigException}s (pipeline, field, reason) or
 * {@link ConnectionFailedException}s.
 */
public final class PipelineSetup {

    private PipelineSetup() {}

    public static List<TableMapping> resolve(String file, PipelineConfig pipeline) {
        try (Connection source = Databases.connect(pipeline.name(), "source", pipeline.source());
                Connection target = Databases.connect(pipeline.name(), "target", pipeline.target())) {
            return resolve(file, pipeline, source, target);
        } catch (SQLException e) {
            throw new ConnectionFailedException(
                    "pipeline '" + pipeline.name() + "': reading table definitions failed: " + e.getMessage(), e);
        }
    }

    public static List<TableMapping> resolve(String file, PipelineConfig pipeline, Connection source, Connection target)
            throws SQLException {
        List<TableMapping> mappings = new ArrayList<>();
        for (int i = 0; i < pipeline.tables().size(); i++) {
            TableConfig table = pipeline.tables().get(i);
            String where = file + ": pipeline '" + pipeline.name() + "': tables[" + i + "]";
            TableInfo sourceInfo = DatabaseCatalog.describe(source, table.from())
                    .orElseThrow(() -> new ConfigException(
                            where + ".from: table " + table.from() + " does not exist in the source database "
                                    + pipeline.source().url()));
            TableInfo targetInfo = DatabaseCatalog.describe(target, table.to())
                    .orElseThrow(() -> new ConfigException(
                            where + ".to: table " + table.to() + " does not exist in the target database "
                                    + pipeline.target().url()));
            mappings.add(TableMapping.resolve(file, pipeline.name(), i, table, sourceInfo, targetInfo));
        }
        return mappings;
    }
}
