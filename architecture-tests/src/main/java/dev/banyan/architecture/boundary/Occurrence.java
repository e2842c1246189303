package dev.banyan.architecture.boundary;

/**
 * Where in the code a finding occurs.
 *
 * @param sourceFile the source file name, e.g. {@code OrderService.java}
 * @param line       the line, or 0 when the byte code records none (field and signature dependencies)
 * @param detail     what is used there, e.g. {@code PaymentGateway.charge(long)}
 * @param className  the class compiled from the source file, for its package (and so the file's path); empty if unknown
 */
public record Occurrence(String sourceFile, int line, String detail, String className) {

    public Occurrence(String sourceFile, int line, String detail) {
        this(sourceFile, line, detail, "");
    }

    public String location() {
        return line > 0 ? sourceFile + ":" + line : sourceFile;
    }
}
