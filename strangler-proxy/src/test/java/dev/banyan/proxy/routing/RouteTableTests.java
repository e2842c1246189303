package dev.banyan.proxy.routing;

import java.nio.file.Path;

import dev.banyan.proxy.config.InvalidRoutesFileException;
import dev.banyan.proxy.config.RouteSpec;
import dev.banyan.proxy.config.RoutesConfig;
import dev.banyan.proxy.config.RoutesFileParser;

import org.junit.jupiter.api.Test;
import org.springframework.http.server.PathContainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RouteTableTests {

    private static final String HEAD = """
            legacy: {uri: http://localhost:8081}
            services:
              catalog: {uri: http://localhost:8082}
              menus: {uri: http://localhost:8083}
            routes:
            """;

    private static RouteTable table(String routes) {
        RoutesConfig config = RoutesFileParser.parse(Path.of("routes.yml"), HEAD + routes);
        return RouteTable.of(config.routes());
    }

    private static String match(RouteTable table, String method, String path) {
        RouteSpec route = table.match(method, PathContainer.parsePath(path));
        return route == null ? null : route.id();
    }

    @Test
    void mostSpecificPatternWinsWhateverTheFileOrder() {
        RouteTable table = table("""
                  - {id: all-restaurants, service: catalog, paths: [/api/restaurants/**], stage: MIGRATED}
                  - {id: menus, service: menus, paths: ["/api/restaurants/*/menu"], stage: MIGRATED}
                  - {id: one-exact, service: catalog, paths: [/api/restaurants/special], stage: LEGACY}
                """);
        assertThat(match(table, "GET", "/api/restaurants/7/menu")).isEqualTo("menus");
        assertThat(match(table, "GET", "/api/restaurants/7")).isEqualTo("all-restaurants");
        assertThat(match(table, "GET", "/api/restaurants")).isEqualTo("all-restaurants");
        assertThat(match(table, "GET", "/api/restaurants/special")).isEqualTo("one-exact");
    }

    @Test
    void headFollowsAGetOnlyRoute() {
        RouteTable table = table("""
                  - {id: reads, service: catalog, paths: [/api/restaurants/**], methods: [GET], stage: MIGRATED}
                  - {id: writes, service: menus, paths: [/api/menus/**], methods: [POST], stage: MIGRATED}
                """);
        assertThat(match(table, "HEAD", "/api/restaurants/7")).isEqualTo("reads");
        assertThat(match(table, "GET", "/api/restaurants/7")).isEqualTo("reads");
        assertThat(match(table, "HEAD", "/api/menus/7")).isNull();
        assertThat(match(table, "POST", "/api/restaurants/7")).isNull();
    }

    @Test
    void aGetRouteAndAHeadRouteOnTheSamePathsOverlap() {
        assertThatThrownBy(() -> table("""
                  - {id: reads, service: catalog, paths: [/api/restaurants/**], methods: [GET], stage: MIGRATED}
                  - {id: heads, service: menus, paths: [/api/restaurants/**], methods: [HEAD], stage: MIGRATED}
                """))
                .isInstanceOf(InvalidRoutesFileException.class)
                .hasMessageContaining("ambiguous overlap");
    }

    @Test
    void explicitOrderDecidesOverSpecificity() {
        RouteTable table = table("""
                  - {id: everything, service: catalog, paths: [/api/**], stage: MIGRATED, order: -1}
                  - {id: menus, service: menus, paths: ["/api/restaurants/*/menu"], stage: MIGRATED}
                """);
        assertThat(match(table, "GET", "/api/restaurants/7/menu")).isEqualTo("everything");
    }

    @Test
    void unmatchedRequestsAndOtherMethodsHaveNoRoute() {
        RouteTable table = table("""
                  - {id: reads, service: catalog, paths: [/api/restaurants/**], methods: [GET, HEAD], stage: MIGRATED}
                """);
        assertThat(match(table, "GET", "/api/orders/1")).isNull();
        assertThat(match(table, "POST", "/api/restaurants/1")).isNull();
        assertThat(match(table, "HEAD", "/api/restaurants/1")).isEqualTo("reads");
    }

    @Test
    void differentMethodsOnTheSamePathAreNotAnOverlap() {
        RouteTable table = table("""
                  - {id: reads, service: catalog, paths: [/api/restaurants/**], methods: [GET], stage: MIGRATED}
                  - {id: writes, service: catalog, paths: [/api/restaurants/**], methods: [POST], stage: LEGACY}
                """);
        assertThat(match(table, "POST", "/api/restaurants/1")).isEqualTo("writes");
    }

    @Test
    void rejectsEquallySpecificOverlapsThatNeitherSpecificityNorOrderCanDecide() {
        assertThatThrownBy(() -> table("""
                  - {id: by-id, service: catalog, paths: ["/api/restaurants/{id}"], stage: MIGRATED}
                  - {id: by-key, service: menus, paths: ["/api/restaurants/{key}"], stage: MIGRATED}
                """))
                .isInstanceOf(InvalidRoutesFileException.class)
                .hasMessageContaining("routes[1].paths")
                .hasMessageContaining("ambiguous overlap")
                .hasMessageContaining("by-id");
    }

    @Test
    void anExplicitOrderResolvesAnOverlap() {
        RouteTable table = table("""
                  - {id: by-id, service: catalog, paths: ["/api/restaurants/{id}"], stage: MIGRATED, order: 1}
                  - {id: by-key, service: menus, paths: ["/api/restaurants/{key}"], stage: MIGRATED, order: 2}
                """);
        assertThat(match(table, "GET", "/api/restaurants/3")).isEqualTo("by-id");
    }
}
