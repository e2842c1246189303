package com.acme.ordering;

import org.jmolecules.ddd.annotation.Entity;

@Entity
public class Invoice { // violation: ddd-missing-identity

    private long total;

    public long total() {
        return total;
    }
}
