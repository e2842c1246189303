package dev.banyan.monolith.ordering.domain;

import java.util.List;

import dev.banyan.monolith.shared.DomainRuleException;
import dev.banyan.monolith.shared.Krw;

/**
 * Checked order arithmetic on {@link Krw}: an order whose amounts do not fit is refused as a domain rule naming the
 * line at fault, never wrapped around.
 */
final class OrderAmounts {

    private OrderAmounts() {}

    /**
     * Menu prices are any amount up to {@link Long#MAX_VALUE} won, so a line total, the subtotal or the total can
     * exceed the largest amount; such an order is refused naming the line instead of wrapping around.
     */
    static void requireRepresentable(List<OrderLine> lines, Krw deliveryFee) {
        Krw subtotal = Krw.ZERO;
        for (int i = 0; i < lines.size(); i++) {
            OrderLine line = lines.get(i);
            String named = "items[" + i + "] (" + line.name() + ")";
            Krw lineTotal;
            try {
                lineTotal = line.lineTotal();
            } catch (ArithmeticException overflow) {
                throw new DomainRuleException("Line " + named + ": " + line.unitPrice() + " x " + line.quantity()
                        + " exceeds the largest amount an order can carry (" + Long.MAX_VALUE + " KRW)");
            }
            try {
                subtotal = subtotal.plus(lineTotal);
            } catch (ArithmeticException overflow) {
                throw new DomainRuleException("Line " + named + ": its " + lineTotal + " take the order's "
                        + "subtotal past the largest amount an order can carry (" + Long.MAX_VALUE + " KRW)");
            }
        }
        try {
            subtotal.plus(deliveryFee);
        } catch (ArithmeticException overflow) {
            throw new DomainRuleException("The delivery fee of " + deliveryFee + " takes the order's total past "
                    + "the largest amount an order can carry (" + Long.MAX_VALUE + " KRW)");
        }
    }
}
