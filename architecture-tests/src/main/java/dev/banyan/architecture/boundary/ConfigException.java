package dev.banyan.architecture.boundary;

import java.nio.file.Path;

/**
 * A configuration that cannot be used. The message names the file, the field and the reason.
 */
public class ConfigException extends RuntimeException {

    private final transient Path file;
    private final String field;
    private final String reason;

    public ConfigException(Path file, String field, String reason) {
        super(file + ": " + (field == null || field.isEmpty() ? "" : field + ": ") + reason);
        this.file = file;
        this.field = field;
        this.reason = reason;
    }

    public Path file() {
        return file;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
