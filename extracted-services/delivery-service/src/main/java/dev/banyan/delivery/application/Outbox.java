package dev.banyan.delivery.application;

/** Where delivery events wait for the cdc-bridge; appended to in the transaction that changed the delivery. */
public interface Outbox {

    void append(DeliveryEvent event);
}
