package dev.banyan.cdc.apply;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import dev.banyan.cdc.config.DatabaseEndpoint;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** Opens connections to a pipeline's databases, with errors that say which pipeline and which side. */
public final class Databases {

    private Databases() {}

    public static Connection connect(String pipeline, String side, DatabaseEndpoint endpoint) {
        Properties props = properties(endpoint, pipeline);
        try {
            return DriverManager.getConnection(endpoint.url(), props);
        } catch (SQLException e) {
            throw new ConnectionFailedException(
                    "pipeline '" + pipeline + "': " + side + ": cannot connect to " + endpoint.url() + " as "
                            + endpoint.user() + ": " + e.getMessage(),
                    e);
        }
    }

    public static HikariDataSource pool(String pipeline, String side, DatabaseEndpoint endpoint, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(endpoint.url());
        config.setUsername(endpoint.user());
        config.setPassword(endpoint.password());
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(0);
        config.setPoolName("cdc-" + pipeline + "-" + side);
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(-1);
        config.addDataSourceProperty("ApplicationName", "banyan-cdc " + pipeline);
        config.addDataSourceProperty("connectTimeout", "10");
        return new HikariDataSource(config);
    }

    private static Properties properties(DatabaseEndpoint endpoint, String pipeline) {
        Properties props = new Properties();
        props.setProperty("user", endpoint.user());
        props.setProperty("password", endpoint.password());
        props.setProperty("connectTimeout", "10");
        props.setProperty("ApplicationName", "banyan-cdc " + pipeline);
        return props;
    }
}
