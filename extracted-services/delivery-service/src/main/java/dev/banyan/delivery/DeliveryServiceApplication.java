package dev.banyan.delivery;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The delivery context extracted from the monolith. It owns riders and deliveries in its own database, serves the
 * monolith's {@code /api/deliveries/**} contract unchanged, assigns riders from the order events it consumes and
 * reports pickups, completions and cancellation answers through its outbox.
 */
@SpringBootApplication
public class DeliveryServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(DeliveryServiceApplication.class, args);
    }
}
