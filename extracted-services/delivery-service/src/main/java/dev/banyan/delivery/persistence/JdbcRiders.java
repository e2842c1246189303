package dev.banyan.delivery.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

import dev.banyan.delivery.domain.Rider;
import dev.banyan.delivery.domain.RiderId;
import dev.banyan.delivery.domain.Riders;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcRiders implements Riders {

    private final JdbcClient jdbc;

    JdbcRiders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Rider> findById(RiderId id) {
        return jdbc.sql("select id, name, phone, vehicle from rider where id = :id")
                .param("id", id.value())
                .query((rows, n) -> map(rows))
                .optional();
    }

    /** The monolith's query, so both sides pick the same rider from the same rows. */
    @Override
    public Optional<Rider> leastBusy() {
        return jdbc.sql("select r.id, r.name, r.phone, r.vehicle from rider r "
                        + "left join delivery d on d.rider_id = r.id and d.status in ('ASSIGNED', 'PICKED_UP') "
                        + "group by r.id, r.name, r.phone, r.vehicle "
                        + "order by count(d.id), r.name collate \"C\", r.id limit 1")
                .query((rows, n) -> map(rows))
                .optional();
    }

    private static Rider map(ResultSet rows) throws SQLException {
        return new Rider(
                new RiderId(rows.getObject("id", UUID.class)),
                rows.getString("name"),
                rows.getString("phone"),
                rows.getString("vehicle"));
    }
}
