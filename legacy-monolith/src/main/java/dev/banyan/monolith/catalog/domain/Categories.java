package dev.banyan.monolith.catalog.domain;

import java.util.List;

/** The category reference data. */
public interface Categories {

    /** Ordered by sort order. */
    List<Category> all();

    boolean exists(String code);
}
