package dev.banyan.delivery.messaging;

import java.util.UUID;

import dev.banyan.delivery.application.Handler;
import dev.banyan.delivery.application.OrderEvent;

/** A record of {@code banyan.order.events} that passed every check: its headers and its mapped payload. */
record ReceivedOrderEvent(UUID id, String type, int version, Handler handler, OrderEvent event) {}
