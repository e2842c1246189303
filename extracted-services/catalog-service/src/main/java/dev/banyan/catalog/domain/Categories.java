package dev.banyan.catalog.domain;

import java.util.List;

/** The categories restaurants are filed under. */
public interface Categories {

    /** Ordered by sort order. */
    List<Category> all();

    boolean exists(CategoryCode code);
}
