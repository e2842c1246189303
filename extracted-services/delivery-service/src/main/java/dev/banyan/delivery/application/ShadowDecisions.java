package dev.banyan.delivery.application;

/** The sandbox of stage SHADOW: decisions are recorded here and nowhere else. */
public interface ShadowDecisions {

    void record(ShadowDecision decision);
}
