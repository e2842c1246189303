package dev.banyan.catalog.domain;

/** The categories restaurants are filed under (치킨, 피자, ...), known by their code; listed by the read model. */
public interface Categories {

    boolean exists(CategoryCode code);
}
