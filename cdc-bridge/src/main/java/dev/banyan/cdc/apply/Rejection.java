package dev.banyan.cdc.apply;

/** A row the target refused or that found no target row, with the reason (and SQLSTATE when the target gave one). */
record Rejection(PendingRow row, String reason, String sqlState) {}
