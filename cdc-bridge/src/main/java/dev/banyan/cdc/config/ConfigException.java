package dev.banyan.cdc.config;

/**
 * A configuration problem. The message always names the file, the pipeline (when there is one), the field and
 * the reason, so an operator can fix it without reading code.
 */
public class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
