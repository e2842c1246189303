package dev.banyan.proxy.reload;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Polls the routes file. Polling (rather than a file-system watch service) also sees edits made by replacing the
 * file, on every file system. A change is taken when two polls in a row read the same text, so a half-second
 * interval keeps reloads within about a second, still well within two.
 */
public class RoutesFileWatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RoutesFileWatcher.class);

    private final RoutesManager routes;

    private final Duration interval;

    private @Nullable ScheduledExecutorService executor;

    public RoutesFileWatcher(RoutesManager routes, Duration interval) {
        this.routes = routes;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "banyan-routes-watcher");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::check, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void check() {
        try {
            routes.reloadIfChanged();
        } catch (RuntimeException e) {
            log.error("Checking the routes file {} failed", routes.file(), e);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
