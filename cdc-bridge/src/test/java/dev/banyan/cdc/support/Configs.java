package dev.banyan.cdc.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.banyan.cdc.config.BridgeConfig;
import dev.banyan.cdc.config.ConfigLoader;

/** Builds pipeline YAML for tests and loads it the way the command line does. */
public final class Configs {

    private Configs() {}

    public static String pipeline(String name, String sourceUrl, String targetUrl, String options, String tables) {
        return "  - name: " + name + "\n"
                + "    source: { url: \"" + sourceUrl + "\", user: postgres, password: \"${TEST_DB_PASSWORD:-}\" }\n"
                + "    target: { url: \"" + targetUrl + "\", user: postgres }\n"
                + "    heartbeat-interval: 500ms\n"
                + "    retry: { attempts: 2, backoff: 20ms, max-backoff: 100ms }\n"
                + (options == null || options.isBlank()
                        ? ""
                        : options.stripTrailing().indent(4))
                + tables;
    }

    public static Path write(Path dir, String... pipelines) {
        StringBuilder yaml = new StringBuilder("pipelines:\n");
        for (String p : pipelines) {
            yaml.append(p);
        }
        try {
            Files.createDirectories(dir);
            Path file = Files.createTempFile(dir, "cdc-", ".yml");
            Files.writeString(file, yaml.toString());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BridgeConfig load(Path file) {
        return new ConfigLoader().load(file);
    }
}
