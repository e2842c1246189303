package dev.banyan.proxy.reload;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import dev.banyan.proxy.config.ConfigProblem;
import dev.banyan.proxy.config.InvalidRoutesFileException;
import dev.banyan.proxy.config.RoutesConfig;
import dev.banyan.proxy.config.RoutesFileParser;
import dev.banyan.proxy.metrics.ProxyMetrics;
import dev.banyan.proxy.routing.ActiveRoutes;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the configuration in force. Loads the routes file at start-up (an invalid file stops the proxy), applies
 * valid changes atomically and rejects invalid ones as a whole, keeping the last good configuration.
 */
public class RoutesManager {

    /** The last rejected change, shown by the admin API until the file is valid again (changed or restored). */
    public record ReloadError(Instant at, Path file, List<ConfigProblem> problems) {}

    private static final Logger log = LoggerFactory.getLogger(RoutesManager.class);

    private final Path file;

    private final ProxyMetrics metrics;

    private final AtomicReference<ActiveRoutes> active = new AtomicReference<>();

    private final AtomicReference<ReloadError> lastError = new AtomicReference<>();

    private final AtomicLong versions = new AtomicLong();

    private volatile String appliedText;

    private volatile @Nullable String rejectedText;

    /** A changed text read once and waiting to be read again unchanged before it is taken. */
    private volatile @Nullable String pendingText;

    public RoutesManager(Path file, ProxyMetrics metrics) {
        this.file = file.toAbsolutePath().normalize();
        this.metrics = metrics;
        String text = read();
        apply(RoutesFileParser.parse(this.file, text), text);
    }

    public ActiveRoutes current() {
        return active.get();
    }

    public Path file() {
        return file;
    }

    public ReloadError lastError() {
        return lastError.get();
    }

    /**
     * Re-reads the file. A change is taken when two calls in a row read the same text: applied when valid, rejected
     * otherwise. Called by the watcher.
     */
    public synchronized void reloadIfChanged() {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            // Editors replace files by rename; a missing file for a moment is not a change.
            return;
        }
        if (text.equals(appliedText)) {
            // Restored to the text in force (say, an operator reverted a bad edit): nothing to apply, but the
            // rejection no longer describes the file and must not keep blocking the admin API.
            pendingText = null;
            if (lastError.getAndSet(null) != null) {
                rejectedText = null;
                log.info(
                        "Routes file {} is back to the configuration in force (version {}); the rejected change is "
                                + "gone",
                        file,
                        current().version());
            }
            return;
        }
        if (text.equals(rejectedText)) {
            pendingText = null;
            return;
        }
        if (!text.equals(pendingText)) {
            // A file can be read while it is being written, and a valid prefix of it would be applied. A change
            // counts once two checks in a row read the same text.
            pendingText = text;
            return;
        }
        pendingText = null;
        try {
            RoutesConfig config = RoutesFileParser.parse(file, text);
            apply(config, text);
            log.info(
                    "Reloaded routes file {}: {} routes (version {})",
                    file,
                    config.routes().size(),
                    current().version());
            metrics.reload("applied");
        } catch (InvalidRoutesFileException e) {
            reject(e, text);
        }
    }

    /**
     * Applies a new file text (from the admin API) that the caller has validated and written. Keeps the watcher from
     * applying it a second time.
     */
    public synchronized void applyWritten(RoutesConfig config, String text) {
        apply(config, text);
        metrics.reload("applied");
        log.info(
                "Applied routes change from the admin API to {} (version {})",
                file,
                current().version());
    }

    /** Whether the file holds a change that has been read once but not yet taken (it may still be being written). */
    public synchronized boolean changePending() {
        return pendingText != null;
    }

    /** The text of the file last applied, which the admin API edits. */
    public synchronized String appliedText() {
        return appliedText;
    }

    private void apply(RoutesConfig config, String text) {
        active.set(ActiveRoutes.of(config, versions.incrementAndGet()));
        appliedText = text;
        lastError.set(null);
        rejectedText = null;
    }

    private void reject(InvalidRoutesFileException e, String text) {
        // The text is remembered so that the same invalid content is reported once, not every poll.
        lastError.set(new ReloadError(Instant.now(), file, e.problems()));
        rejectedText = text;
        metrics.reload("rejected");
        log.error(
                "Rejected change to routes file; the last good configuration (version {}) stays in force. {}",
                current().version(),
                e.getMessage());
    }

    private String read() {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidRoutesFileException(
                    file, List.of(new ConfigProblem(0, "(file)", "not found; name it with --banyan.routes=PATH")));
        } catch (IOException e) {
            throw new InvalidRoutesFileException(
                    file, List.of(new ConfigProblem(0, "(file)", "cannot be read: " + e.getMessage())));
        }
    }
}
