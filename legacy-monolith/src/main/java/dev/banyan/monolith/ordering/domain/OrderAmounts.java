package dev.banyan.monolith.ordering.domain;

import dev.banyan.monolith.shared.DomainRuleException;

import java.util.List;

/** Checked order arithmetic: amounts that do not fit a {@code long} are refused, never wrapped around. */
final class OrderAmounts {

    private OrderAmounts() {
    }

    /**
     * Menu prices are any non-negative {@code long}, so a line total, the subtotal or the total can exceed what a
     * {@code long} holds; such an order is refused naming the line instead of wrapping around to a wrong amount.
     */
    static void requireRepresentable(List<OrderLine> lines, long deliveryFee) {
        long subtotal = 0;
        for (int i = 0; i < lines.size(); i++) {
            OrderLine line = lines.get(i);
            String named = "items[" + i + "] (" + line.name() + ")";
            long lineTotal;
            try {
                lineTotal = Math.multiplyExact(line.unitPrice(), line.quantity());
            } catch (ArithmeticException overflow) {
                throw new DomainRuleException("Line " + named + ": " + line.unitPrice() + " KRW x " + line.quantity()
                        + " exceeds the largest amount an order can carry (" + Long.MAX_VALUE + " KRW)");
            }
            try {
                subtotal = Math.addExact(subtotal, lineTotal);
            } catch (ArithmeticException overflow) {
                throw new DomainRuleException("Line " + named + ": its " + lineTotal + " KRW take the order's "
                        + "subtotal past the largest amount an order can carry (" + Long.MAX_VALUE + " KRW)");
            }
        }
        try {
            Math.addExact(subtotal, deliveryFee);
        } catch (ArithmeticException overflow) {
            throw new DomainRuleException("The delivery fee of " + deliveryFee + " KRW takes the order's total past "
                    + "the largest amount an order can carry (" + Long.MAX_VALUE + " KRW)");
        }
    }
}
