package dev.banyan.proxy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.banyan.proxy.admin.AdminServer;
import dev.banyan.proxy.reload.RoutesManager;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.awaitility.Awaitility.await;

/** Starts the real proxy on random ports against WireMock backends, and talks to it over real HTTP. */
final class ProxyTestSupport implements AutoCloseable {

    final Path routesFile;

    final ConfigurableApplicationContext context;

    final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private ProxyTestSupport(Path routesFile, ConfigurableApplicationContext context) {
        this.routesFile = routesFile;
        this.context = context;
    }

    static ProxyTestSupport start(Path dir, String routesYaml, String... extraArgs) {
        try {
            Path file = dir.resolve("routes.yml");
            Files.writeString(file, routesYaml, StandardCharsets.UTF_8);
            List<String> args = new ArrayList<>(List.of(
                    "--server.port=0",
                    "--banyan.routes=" + file,
                    "--banyan.reload-interval=100ms",
                    "--banyan.admin.port=0",
                    "--logging.level.root=WARN",
                    "--logging.level.dev.banyan=INFO"));
            args.addAll(List.of(extraArgs));
            ConfigurableApplicationContext context =
                    new SpringApplicationBuilder(StranglerProxyApplication.class).run(args.toArray(String[]::new));
            return new ProxyTestSupport(file, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    RoutesManager routes() {
        return context.getBean(RoutesManager.class);
    }

    HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return send(builder.GET().build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Rewrites the routes file and waits until the proxy runs the new version. */
    void rewriteRoutes(String yaml) {
        long before = routes().current().version();
        write(yaml);
        await().atMost(Duration.ofSeconds(2)).until(() -> routes().current().version() > before);
    }

    void write(String yaml) {
        try {
            Files.writeString(routesFile, yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends bytes exactly as given (no client-side normalisation) and returns the whole raw response. */
    static String raw(int port, String request) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            try {
                while ((n = in.read(buffer)) >= 0) {
                    response.write(buffer, 0, n);
                }
            } catch (java.net.SocketException e) {
                // A server that refuses a request may close while unread request bytes remain, which resets the
                // connection; what it answered before that is still the answer.
                if (response.size() == 0) {
                    throw e;
                }
            }
            return response.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Calls the admin API, on a connection of its own for every call: no test meets a pooled connection in whatever
     * state an earlier one left it (in one full run an admin GET on a reused connection went unanswered until its
     * timeout).
     */
    HttpResponse<String> admin(String method, String path, String token, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + context.getBean(AdminServer.class).port() + path))
                .timeout(Duration.ofSeconds(10));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        builder.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        try {
            return client.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A port nothing listens on. */
    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
