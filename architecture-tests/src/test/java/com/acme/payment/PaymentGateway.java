package com.acme.payment;

import com.acme.ordering.Order;
import com.acme.shared.Money;

public class PaymentGateway {

    public void charge(Order.OrderId order, Money amount) { // violation: forbidden-dependency (cycle back to ordering)
        if (amount.amount() <= 0) {
            throw new IllegalArgumentException("amount must be positive for order " + order);
        }
    }
}
