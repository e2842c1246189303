package dev.banyan.monolith.ordering.persistence;

import java.time.Instant;
import java.util.UUID;

import dev.banyan.monolith.ordering.domain.Inbox;
import dev.banyan.monolith.shared.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcInbox implements Inbox {

    private final JdbcClient jdbc;

    JdbcInbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean record(UUID messageId, String type, Instant receivedAt) {
        return jdbc.sql("insert into ordering.inbox (message_id, type, received_at) values (:id, :type, :at) "
                                + "on conflict (message_id) do nothing")
                        .param("id", messageId)
                        .param("type", type)
                        .param("at", Timestamps.of(receivedAt))
                        .update()
                == 1;
    }
}
