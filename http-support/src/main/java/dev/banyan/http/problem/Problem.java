package dev.banyan.http.problem;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.springframework.http.ProblemDetail;

/**
 * A {@link ProblemDetail} whose members are written in RFC 9457's order ({@code type, title, status, detail,
 * instance}, then the extension members), as the HTTP contract shows them; Jackson 3 would sort them by name.
 * Spring's Jackson mix-in for {@code ProblemDetail} still applies (extensions at the top level, empty members left out).
 */
@JsonPropertyOrder({"type", "title", "status", "detail", "instance"})
public final class Problem extends ProblemDetail {

    Problem(ProblemDetail other) {
        super(other);
    }
}
