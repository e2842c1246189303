package dev.banyan.proxy.config;

/**
 * One reason a routes file was rejected.
 *
 * @param line   1-based line, or 0 when unknown
 * @param field  the field at fault, such as {@code routes[1].percent}
 * @param reason what is wrong with it
 */
public record ConfigProblem(int line, String field, String reason) {

    @Override
    public String toString() {
        return (line > 0 ? "line " + line + ", " : "") + field + ": " + reason;
    }
}
