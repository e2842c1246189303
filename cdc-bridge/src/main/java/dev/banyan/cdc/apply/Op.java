package dev.banyan.cdc.apply;

/** What happened to a source row. */
public enum Op {
    /** read by the initial snapshot */
    SNAPSHOT,
    INSERT,
    UPDATE,
    DELETE,
    /** the whole source table was truncated */
    TRUNCATE
}
