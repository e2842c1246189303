package dev.banyan.proxy.shadow;

import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;

/**
 * One side's answer as kept for a comparison.
 *
 * @param truncated the body was longer than the capture limit and only its beginning is kept
 */
public record CapturedResponse(int status, HttpHeaders headers, byte[] body, boolean truncated) {

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8) + (truncated ? "…(truncated)" : "");
    }
}
