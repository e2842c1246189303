package dev.banyan.catalog;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded default keeps its data: a restaurant registered before a restart is served after it, and the
 * migrations do not run twice. A bad setting stops the start with a message naming it.
 */
class RestartIntegrationTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dataDirectory;

    @Test
    void servesWhatItStoredBeforeARestart() throws Exception {
        String location;
        try (ConfigurableApplicationContext first = start()) {
            JdbcClient.create(first.getBean(DataSource.class))
                    .sql("insert into category (code, name, sort_order) values ('korean', '한식', 3)")
                    .update();
            HttpResponse<String> created = HTTP.send(
                    HttpRequest.newBuilder(uri(first, "/api/restaurants"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"name\":\"재시작 식당\",\"category\":\"korean\","
                                            + "\"address\":\"서울\",\"minimumOrderAmount\":9000,\"deliveryFee\":0}",
                                    StandardCharsets.UTF_8))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            location = created.headers().firstValue("Location").orElseThrow();
        }
        try (ConfigurableApplicationContext second = start()) {
            HttpResponse<String> read = get(second, location);
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(read.body()).contains("\"name\":\"재시작 식당\"");
            assertThat(JdbcClient.create(second.getBean(DataSource.class))
                            .sql("select count(*) from flyway_schema_history where success")
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
        }
    }

    @Test
    void refusesToStartWithAnInvalidSettingAndNamesIt() {
        assertThatThrownBy(() -> new SpringApplication(CatalogServiceApplication.class)
                        .run(
                                "--server.port=0",
                                "--banyan.embedded-db.data-dir=" + dataDirectory,
                                "--banyan.embedded-db.port=70000")
                        .close())
                .hasStackTraceContaining("banyan.embedded-db.port");
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplication(CatalogServiceApplication.class)
                .run(
                        "--server.port=0",
                        "--banyan.embedded-db.data-dir=" + dataDirectory,
                        "--banyan.embedded-db.port=0");
    }

    private static HttpResponse<String> get(ConfigurableApplicationContext app, String path)
            throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(uri(app, path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static URI uri(ConfigurableApplicationContext app, String path) {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        return URI.create("http://localhost:" + port + path);
    }
}
