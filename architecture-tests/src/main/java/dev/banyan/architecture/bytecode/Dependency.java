package dev.banyan.architecture.bytecode;

/**
 * One dependency of a class.
 *
 * @param member the member it sits in: {@code place(Order, ProductId)}, a field name, or {@code ""} for the class itself
 * @param kind   how the class depends
 * @param target the binary name of the class depended on, e.g. {@code com.acme.Order$OrderId}
 * @param detail what exactly is used, e.g. {@code PaymentGateway.charge(OrderId, Money)}
 * @param line   source line, or 0 where the byte code records none
 */
public record Dependency(String member, DependencyKind kind, String target, String detail, int line) {}
