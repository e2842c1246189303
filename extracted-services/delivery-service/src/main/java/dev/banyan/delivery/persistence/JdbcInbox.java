package dev.banyan.delivery.persistence;

import java.time.Clock;
import java.util.UUID;

import dev.banyan.delivery.application.Inbox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Repository
class JdbcInbox implements Inbox {

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcInbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Must run in the handler's transaction: the row and the handler's changes commit together. */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean firstReceipt(UUID messageId, String type) {
        return jdbc.sql("insert into inbox (message_id, type, received_at) values (:id, :type, :at) "
                                + "on conflict (message_id) do nothing")
                        .param("id", messageId)
                        .param("type", type)
                        .param("at", Timestamps.of(clock.instant()))
                        .update()
                == 1;
    }
}
