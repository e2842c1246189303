package dev.banyan.monolith.ordering.persistence;

import java.time.Instant;
import java.util.Optional;

import dev.banyan.monolith.ordering.domain.EventRoute;
import dev.banyan.monolith.ordering.domain.EventRouteStage;
import dev.banyan.monolith.ordering.domain.EventRoutes;
import dev.banyan.monolith.shared.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcEventRoutes implements EventRoutes {

    private final JdbcClient jdbc;

    JdbcEventRoutes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<EventRoute> find(String name) {
        return jdbc.sql("select name, stage, changed_at from ordering.event_route where name = :name")
                .param("name", name)
                .query((rows, n) -> new EventRoute(
                        rows.getString("name"),
                        EventRouteStage.valueOf(rows.getString("stage")),
                        Timestamps.read(rows, "changed_at")))
                .optional();
    }

    @Override
    public EventRouteStage lockStage(String name) {
        // "for share" conflicts with the switch's update, not with other acceptances.
        return jdbc.sql("select stage from ordering.event_route where name = :name for share")
                .param("name", name)
                .query((rows, n) -> EventRouteStage.valueOf(rows.getString("stage")))
                .optional()
                .orElseThrow(() -> new IllegalStateException("Event route " + name + " is missing"));
    }

    @Override
    public EventRoute switchTo(String name, EventRouteStage stage, Instant now) {
        int changed = jdbc.sql("update ordering.event_route set stage = :stage, changed_at = :now where name = :name")
                .param("stage", stage.name())
                .param("now", Timestamps.of(now))
                .param("name", name)
                .update();
        if (changed == 0) {
            throw new IllegalStateException("Event route " + name + " is missing");
        }
        return new EventRoute(name, stage, now);
    }
}
