package org.habarshy.relay.sms.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.habarshy.relay.sms.gateway.PhoneNumber;
import org.habarshy.relay.sms.gateway.SmsListener;
import org.habarshy.relay.sms.gateway.SmsSendException;
import org.habarshy.relay.sms.segment.SmsSegment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HttpGateway against a real JDK HTTP server on loopback playing the SMS provider, and its own receive endpoint. */
class HttpGatewayTest {
    private static final PhoneNumber TO = PhoneNumber.parse("+77010000002");

    private HttpServer provider;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private volatile String retryAfter;
    private HttpGateway gateway;
    private final BlockingQueue<SmsSegment> received = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> malformed = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws Exception {
        provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        provider.createContext("/send", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawQuery() + " " + body
                    + " auth=" + exchange.getRequestHeaders().getFirst("Authorization"));
            if (retryAfter != null) {
                exchange.getResponseHeaders().add("Retry-After", retryAfter);
            }
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        provider.start();
        gateway = gateway(false);
    }

    private HttpGateway gateway(boolean post) throws Exception {
        HttpGateway g = new HttpGateway(new HttpGatewayConfig("http://127.0.0.1:" + provider.getAddress().getPort()
                + "/send?to={to}&udh={udh}&data={hex}&text={text}", post, "Bearer k3y", Duration.ofSeconds(5),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "/sms/incoming", "t0ken"));
        g.start(new SmsListener() {
            @Override
            public boolean binaryReceived(PhoneNumber from, SmsSegment segment) {
                received.add(segment);
                return true;
            }

            @Override
            public void malformedReceived(String reason) {
                malformed.add(reason);
            }
        });
        return g;
    }

    @AfterEach
    void stop() {
        gateway.close();
        provider.stop(0);
    }

    @Test
    void sendsBinarySmsThroughTheUrlTemplate() throws Exception {
        gateway.sendBinary(TO, new SmsSegment(new byte[] {5, 0, 3, 7, 2, 1, (byte) 0xC1}, true));
        assertThat(requests).hasSize(1);
        String request = URLDecoder.decode(requests.get(0), StandardCharsets.UTF_8);
        assertThat(request).startsWith("GET to=+77010000002&udh=1&data=050003070201c1&text=").endsWith("Bearer k3y");
    }

    @Test
    void postsPlainTextAsAForm() throws Exception {
        gateway.close();
        gateway = gateway(true);
        gateway.sendPlainText(TO, "Сәлем, бұл шифрланбаған.");
        String request = URLDecoder.decode(requests.get(0), StandardCharsets.UTF_8);
        assertThat(request).startsWith("POST null to=+77010000002&udh=0&data=&text=Сәлем, бұл шифрланбаған.");
    }

    @Test
    void mapsProviderStatusesToRetryDecisions() {
        SmsSegment one = new SmsSegment(new byte[] {1}, false);
        status.set(429);
        retryAfter = "7";
        assertThatThrownBy(() -> gateway.sendBinary(TO, one)).isInstanceOfSatisfying(SmsSendException.class, e -> {
            assertThat(e.kind()).isEqualTo(SmsSendException.Kind.THROTTLED);
            assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        });
        retryAfter = null;
        status.set(502);
        assertThatThrownBy(() -> gateway.sendBinary(TO, one)).isInstanceOfSatisfying(SmsSendException.class,
                e -> assertThat(e.kind()).isEqualTo(SmsSendException.Kind.TRANSIENT));
        status.set(400);
        assertThatThrownBy(() -> gateway.sendBinary(TO, one)).isInstanceOfSatisfying(SmsSendException.class,
                e -> assertThat(e.kind()).isEqualTo(SmsSendException.Kind.PERMANENT));
        provider.stop(0);
        assertThatThrownBy(() -> gateway.sendBinary(TO, one)).isInstanceOfSatisfying(SmsSendException.class,
                e -> assertThat(e.kind()).isEqualTo(SmsSendException.Kind.TRANSIENT));
    }

    private int post(String token, String form) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.receivePort()
                + "/sms/incoming")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (token != null) {
            r.header("X-Habarshy-Token", token);
        }
        return HttpClient.newHttpClient().send(r.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void receivesSmsPostedByThePhoneApp() throws Exception {
        byte[] data = {5, 0, 3, 9, 2, 2, 42};
        assertThat(post("t0ken", "from=%2B77010000001&udh=1&hex=" + HexFormat.of().formatHex(data))).isEqualTo(204);
        SmsSegment s = received.poll();
        assertThat(s).isNotNull();
        assertThat(s.part().reference()).isEqualTo(9);
        assertThat(s.part().payload()).containsExactly(42);
    }

    @Test
    void refusesBadTokenAndMalformedSms() throws Exception {
        assertThat(post(null, "from=%2B77010000001&udh=0&hex=01")).isEqualTo(403);
        assertThat(post("wrong", "from=%2B77010000001&udh=0&hex=01")).isEqualTo(403);
        assertThat(post("t0ken", "from=nobody&udh=0&hex=01")).isEqualTo(400);
        assertThat(post("t0ken", "from=%2B77010000001&udh=0&hex=zz")).isEqualTo(400);
        assertThat(post("t0ken", "from=%2B77010000001&udh=1&hex=0900")).isEqualTo(400);
        assertThat(post("t0ken", "from=%2B77010000001&udh=0&hex=" + "00".repeat(141))).isEqualTo(400);
        assertThat(post("t0ken", "x=" + "a".repeat(5000))).isEqualTo(413);
        assertThat(received).isEmpty();
        assertThat(malformed).hasSize(4);
    }
}
