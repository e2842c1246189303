package dev.banyan.rehearsal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The strangler-proxy's admin API: moves a route between stages and reads its live counters. */
final class ProxyAdmin {

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI admin;
    private final String token;

    ProxyAdmin(URI admin, String token) {
        this.admin = admin;
        this.token = token;
    }

    void stage(String routeId, String stage, int percent) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(admin.resolve("/admin/routes/" + routeId))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(
                                "{\"stage\":\"" + stage + "\",\"percent\":" + percent + "}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("The proxy refused to move " + routeId + " to " + stage + " " + percent
                    + "%: HTTP " + response.statusCode() + " " + response.body());
        }
    }

    /**
     * Moves an event route; only a 200 counts, as it means the monolith's switch confirmed the stage (a 202 would
     * leave the rehearsal unsure which side handles the next accepted order).
     */
    void eventStage(String eventRouteId, String stage) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(admin.resolve("/admin/event-routes/" + eventRouteId))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"stage\":\"" + stage + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("The monolith's switch did not confirm event route " + eventRouteId + " at "
                    + stage + ": HTTP " + response.statusCode() + " " + response.body());
        }
    }

    /** Shadow comparisons of one route so far. */
    ShadowCounts shadow(String routeId) throws IOException, InterruptedException {
        JsonNode route = route(routeId);
        JsonNode counters = route.path("counters").path("shadow");
        return new ShadowCounts(
                counters.path("match").asLong(), counters.path("mismatch").asLong());
    }

    private JsonNode route(String routeId) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(admin.resolve("/admin/routes"))
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /admin/routes answered HTTP " + response.statusCode());
        }
        for (JsonNode route :
                JsonMapper.builder().build().readTree(response.body()).path("routes")) {
            if (routeId.equals(route.path("id").asString())) {
                return route;
            }
        }
        throw new IllegalStateException("The proxy does not know route " + routeId);
    }

    record ShadowCounts(long matches, long mismatches) {
        ShadowCounts since(ShadowCounts before) {
            return new ShadowCounts(matches - before.matches, mismatches - before.mismatches);
        }
    }
}
