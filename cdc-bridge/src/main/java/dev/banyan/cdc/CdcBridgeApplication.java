package dev.banyan.cdc;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Spring Boot application behind {@code cdc-bridge run}: the pipelines as a bean, health and metrics on port 8090.
 * The command line itself ({@code run}, {@code verify}, their options and exit codes) is
 * {@link CdcBridgeCommand}; Spring only ever receives the properties that command builds for it.
 */
@SpringBootApplication
public class CdcBridgeApplication {

    public static final int IN_SYNC = 0;
    public static final int DRIFT = 1;
    public static final int CONFIG_ERROR = 2;

    public static void main(String[] args) {
        int code = CdcBridgeCommand.execute(System.out, System.err, args);
        if (code != CdcBridgeCommand.KEEP_RUNNING) {
            System.exit(code);
        }
    }
}
