package dev.banyan.delivery.application;

import java.time.Instant;
import java.util.UUID;

import dev.banyan.delivery.domain.OrderId;
import dev.banyan.delivery.domain.RiderId;

import org.jspecify.annotations.Nullable;

/**
 * What the service would have done with an order event of an order the monolith handles (stage SHADOW), to be
 * compared with what the monolith did.
 *
 * @param riderId the rider it would assign ({@code ASSIGN} only)
 * @param reason why it would refuse a cancellation ({@code REFUSE} only: {@code PICKED_UP} or {@code DELIVERED})
 */
public record ShadowDecision(
        UUID messageId,
        OrderId orderId,
        Decision decision,
        @Nullable RiderId riderId,
        @Nullable String reason,
        Instant decidedAt) {

    public enum Decision {
        ASSIGN,
        CANCEL,
        REFUSE
    }
}
