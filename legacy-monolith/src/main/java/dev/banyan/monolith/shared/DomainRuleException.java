package dev.banyan.monolith.shared;

/**
 * A well-formed request that breaks a business rule (closed restaurant, unavailable item, declined payment):
 * HTTP 422, problem type {@code domain-rule}.
 */
public class DomainRuleException extends RuntimeException {

    public DomainRuleException(String message) {
        super(message);
    }
}
