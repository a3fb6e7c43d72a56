package org.habarshy.relay.sms.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.habarshy.core.testing.SmsCorpus;
import org.habarshy.relay.testing.Relays;
import org.habarshy.relay.testing.SmsIslands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP gateway through the daemon: each relay's configuration names a send URL on a local HTTP server that plays
 * the SMS provider (an SMS-gateway phone app) and a receive endpoint; the provider hands each SMS a relay sends to
 * the other relay's receive endpoint, as the phone app would post an SMS it received. A compact message crosses from
 * Alice's node to Bob's with its receipt back.
 */
class HttpRelayDaemonTest {
    private static final String NUMBER_1 = "+77010000041";
    private static final String NUMBER_2 = "+77010000042";
    private static final String TOKEN = "t0ken-for-tests";

    @TempDir
    Path dir;

    private final Map<String, Integer> receivePortByNumber = new HashMap<>();
    private final List<String> sends = new CopyOnWriteArrayList<>();
    private final HttpClient client = HttpClient.newHttpClient();
    private final ExecutorService providerThreads = Executors.newFixedThreadPool(4);
    private HttpServer provider;
    private SmsIslands islands;

    @AfterEach
    void stop() throws Exception {
        if (islands != null) {
            islands.close();
        }
        if (provider != null) {
            provider.stop(0);
        }
        providerThreads.shutdownNow();
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            out.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    /** GET /send/{fromNumber}?to=&udh=&hex= : accepted (200), then posted to the recipient relay's endpoint. */
    private void send(HttpExchange exchange) throws java.io.IOException {
        try (exchange) {
            String from = exchange.getRequestURI().getPath().substring("/send/".length());
            Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
            sends.add(from + " " + q.get("udh"));
            Integer port = receivePortByNumber.get(q.get("to"));
            if (port == null) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            exchange.sendResponseHeaders(200, -1);
            String form = "from=" + URLEncoder.encode(from, StandardCharsets.UTF_8) + "&udh=" + q.get("udh")
                    + "&hex=" + q.get("hex");
            providerThreads.execute(() -> deliver(port, form));
        }
    }

    private void deliver(int port, String form) {
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                + "/sms/incoming")).header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-Habarshy-Token", TOKEN).POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 204) {
                    return;
                }
                Thread.sleep(100); // 503: the relay could not store it yet; a phone app retries too
            } catch (java.io.IOException e) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException stop) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private Properties relay(String name, String ownNumber, String peerNumber, int receivePort) throws Exception {
        Properties p = Relays.loopback(dir.resolve(name));
        p.setProperty("sms.gateway", "http");
        p.setProperty("sms.http.send-url", "http://127.0.0.1:" + provider.getAddress().getPort() + "/send/"
                + URLEncoder.encode(ownNumber, StandardCharsets.UTF_8) + "?to={to}&udh={udh}&hex={hex}");
        p.setProperty("sms.http.receive-address", "127.0.0.1:" + receivePort);
        p.setProperty("sms.http.receive-token", TOKEN);
        p.setProperty("sms.tick", "50ms");
        p.setProperty("sms.forward.interval", "100ms");
        p.setProperty("sms.peer.other", peerNumber);
        return p;
    }

    @Test
    void aCompactMessageCrossesTwoHttpGatewayRelaysStartedFromTheirConfiguration() throws Exception {
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        provider.setExecutor(providerThreads);
        provider.createContext("/send/", this::send);
        provider.start();
        int port1 = freePort();
        int port2 = freePort();
        receivePortByNumber.put(NUMBER_1, port1);
        receivePortByNumber.put(NUMBER_2, port2);
        islands = SmsIslands.start(dir, relay("relay-1", NUMBER_1, NUMBER_2, port1),
                relay("relay-2", NUMBER_2, NUMBER_1, port2));

        String text = SmsCorpus.messages("ru").get(5);
        islands.compactMessageAndReceiptCross(text);
        assertThat(sends).anyMatch(s -> s.startsWith(NUMBER_1 + " ")).anyMatch(s -> s.startsWith(NUMBER_2 + " "));
        assertThat(sends.stream().filter(s -> s.startsWith(NUMBER_2 + " "))).as("the receipt is one SMS")
                .containsExactly(NUMBER_2 + " 0");
        assertThat(islands.relay2Counter("sms.mesh.compact-carried")).isEqualTo(1);
        assertThat(islands.relay1Counter("sms.mesh.compact-carried")).isEqualTo(1);
    }
}
