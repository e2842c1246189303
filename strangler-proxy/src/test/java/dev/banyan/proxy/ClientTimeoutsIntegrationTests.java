package dev.banyan.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Slow clients: one that trickles its headers and one that trickles its body to a streamed (LEGACY) route are cut
 * within the configured limits, and the backend connection the body was streaming to is closed too.
 */
class ClientTimeoutsIntegrationTests {

    /** A legacy backend that reads what it gets and notes when the proxy closes the connection. */
    static ServerSocket legacy;

    static final AtomicLong legacyConnections = new AtomicLong();

    static final AtomicLong legacyBytes = new AtomicLong();

    static final AtomicLong legacyClosedConnections = new AtomicLong();

    /** A service that answers at once. */
    static final WireMockServer service = new WireMockServer(options().dynamicPort());

    @TempDir
    static Path dir;

    static ProxyTestSupport proxy;

    @BeforeAll
    static void start() throws IOException {
        legacy = new ServerSocket(0);
        daemon(() -> {
            while (!legacy.isClosed()) {
                try {
                    Socket connection = legacy.accept();
                    legacyConnections.incrementAndGet();
                    daemon(() -> drain(connection));
                } catch (IOException e) {
                    return;
                }
            }
        });
        service.start();
        service.stubFor(any(anyUrl())
                .willReturn(aResponse().withHeader("Content-Length", "7").withBody("service")));
        service.stubFor(any(urlEqualTo("/api/answered/slowly"))
                .willReturn(aResponse().withFixedDelay(2_000).withBody("slow")));
        proxy = ProxyTestSupport.start(
                dir,
                """
                legacy: {uri: "http://127.0.0.1:%d"}
                services:
                  answering: {uri: "http://127.0.0.1:%d", timeout: 10s}
                routes:
                  - {id: uploads, paths: [/api/uploads], stage: LEGACY}
                  - {id: answered, service: answering, paths: [/api/answered/**], stage: MIGRATED}
                """.formatted(legacy.getLocalPort(), service.port()),
                "--banyan.request-header-timeout=1s",
                "--banyan.request-body-timeout=1s",
                "--server.netty.idle-timeout=30s");
    }

    private static void daemon(Runnable task) {
        Thread thread = new Thread(task, "legacy-stub");
        thread.setDaemon(true);
        thread.start();
    }

    private static void drain(Socket connection) {
        try (connection;
                InputStream in = connection.getInputStream()) {
            byte[] buffer = new byte[1024];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                legacyBytes.addAndGet(n);
            }
        } catch (IOException e) {
            // a reset is a close too
        }
        legacyClosedConnections.incrementAndGet();
    }

    @AfterAll
    static void stop() throws IOException {
        proxy.close();
        legacy.close();
        service.stop();
    }

    @Test
    void aClientTricklingItsHeadersIsCutAfterTheHeaderTimeout() throws IOException {
        try (Socket client = new Socket("127.0.0.1", proxy.port())) {
            client.setSoTimeout(50);
            long start = System.nanoTime();
            send(client, "GET /api/elsewhere HTTP/1.1\r\nHost: x\r\n");
            // one more header line every 200 ms: never silent long enough for an idle timeout
            await().atMost(Duration.ofSeconds(5))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> !send(client, "X-Slow: 1\r\n") || closedByPeer(client));
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isBetween(Duration.ofMillis(900), Duration.ofSeconds(4));
        }
    }

    @Test
    void aKeepAliveConnectionMayWaitLongerThanTheHeaderTimeoutBetweenRequests() throws IOException {
        try (Socket client = new Socket("127.0.0.1", proxy.port())) {
            client.setSoTimeout(5_000);
            String request = "GET /api/answered HTTP/1.1\r\nHost: x\r\n\r\n";
            send(client, request);
            assertThat(readAnswer(client)).startsWith("HTTP/1.1 200").endsWith("service");
            client.setSoTimeout(50);
            await().during(Duration.ofMillis(1_500))
                    .atMost(Duration.ofSeconds(3))
                    .until(() -> !closedByPeer(client));
            client.setSoTimeout(5_000);
            send(client, request);
            assertThat(readAnswer(client)).startsWith("HTTP/1.1 200").endsWith("service");
        }
    }

    @Test
    void aBackendSlowerThanBothTimeoutsIsStillWaitedFor() {
        HttpResponse<String> get = proxy.get("/api/answered/slowly");
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).isEqualTo("slow");
        HttpResponse<String> post = proxy.send(HttpRequest.newBuilder(URI.create(proxy.url("/api/answered/slowly")))
                .POST(HttpRequest.BodyPublishers.ofString("{\"quick\":\"body\"}"))
                .build());
        assertThat(post.statusCode()).isEqualTo(200);
        assertThat(post.body()).isEqualTo("slow");
    }

    @Test
    void aClientTricklingItsBodyIsCutAndTheBackendConnectionClosed() throws IOException {
        long connectionsBefore = legacyConnections.get();
        long closedBefore = legacyClosedConnections.get();
        try (Socket client = new Socket("127.0.0.1", proxy.port())) {
            client.setSoTimeout(50);
            long start = System.nanoTime();
            send(client, "POST /api/uploads HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n");
            await().atMost(Duration.ofSeconds(5))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> !send(client, "a") || closedByPeer(client));
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isBetween(Duration.ofMillis(900), Duration.ofSeconds(4));
        }
        assertThat(legacyConnections.get()).isGreaterThan(connectionsBefore);
        await().atMost(Duration.ofSeconds(3)).until(() -> legacyClosedConnections.get() > closedBefore);
    }

    /** @return false when the proxy has closed the connection */
    private static boolean send(Socket client, String text) {
        try {
            OutputStream out = client.getOutputStream();
            out.write(text.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean closedByPeer(Socket client) {
        try {
            return client.getInputStream().read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** Reads one answer with a body of "service" (seven bytes). */
    private static String readAnswer(Socket client) throws IOException {
        StringBuilder answer = new StringBuilder();
        InputStream in = client.getInputStream();
        while (!answer.toString().endsWith("\r\n\r\nservice")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            answer.append((char) b);
        }
        return answer.toString();
    }
}
