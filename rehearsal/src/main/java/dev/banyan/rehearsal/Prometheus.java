package dev.banyan.rehearsal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalDouble;

/** Reads one gauge from a component's {@code /actuator/prometheus} text exposition. */
final class Prometheus {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Prometheus() {}

    /** The largest value of the series named {@code metric} (any labels), if the component exposes it. */
    static OptionalDouble max(URI component, String metric) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(component.resolve("/actuator/prometheus"))
                            .timeout(Duration.ofSeconds(3))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return OptionalDouble.empty();
            }
            return parseMax(response.body(), metric);
        } catch (IOException e) {
            return OptionalDouble.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalDouble.empty();
        }
    }

    static OptionalDouble parseMax(String exposition, String metric) {
        return exposition
                .lines()
                .filter(line -> !line.startsWith("#"))
                .filter(line -> line.startsWith(metric + "{") || line.startsWith(metric + " "))
                .map(line -> line.substring(line.lastIndexOf(' ') + 1))
                .filter(value -> !value.equals("NaN"))
                .mapToDouble(Double::parseDouble)
                .max();
    }
}
