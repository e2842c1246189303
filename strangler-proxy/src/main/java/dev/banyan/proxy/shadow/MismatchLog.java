package dev.banyan.proxy.shadow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The last N mismatches per route, newest first. Bounded, so it cannot grow with traffic. */
public class MismatchLog {

    private final int keep;

    private final Map<String, Deque<Mismatch>> byRoute = new ConcurrentHashMap<>();

    public MismatchLog(int keep) {
        this.keep = keep;
    }

    public void add(Mismatch mismatch) {
        Deque<Mismatch> deque = byRoute.computeIfAbsent(mismatch.route(), r -> new ArrayDeque<>());
        synchronized (deque) {
            deque.addFirst(mismatch);
            while (deque.size() > keep) {
                deque.removeLast();
            }
        }
    }

    public List<Mismatch> recent(String route) {
        Deque<Mismatch> deque = byRoute.get(route);
        if (deque == null) {
            return List.of();
        }
        synchronized (deque) {
            return new ArrayList<>(deque);
        }
    }
}
