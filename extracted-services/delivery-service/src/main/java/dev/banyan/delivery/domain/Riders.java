package dev.banyan.delivery.domain;

import java.util.Optional;

import org.jmolecules.ddd.types.Repository;

/** All riders. */
public interface Riders extends Repository<Rider, RiderId> {

    Optional<Rider> findById(RiderId id);

    /** The rider with the fewest active (ASSIGNED or PICKED_UP) deliveries; ties go by name, then id. */
    Optional<Rider> leastBusy();
}
