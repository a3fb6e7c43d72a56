package org.habarshy.relay.sms.gateway.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.habarshy.relay.sms.codec.MalformedSmsException;
import org.habarshy.relay.sms.gateway.PhoneNumber;
import org.habarshy.relay.sms.gateway.SmsGateway;
import org.habarshy.relay.sms.gateway.SmsListener;
import org.habarshy.relay.sms.gateway.SmsSendException;
import org.habarshy.relay.sms.gateway.SmsSendException.Kind;
import org.habarshy.relay.sms.segment.SmsSegment;

/**
 * An SMS gateway reached over HTTP (see {@link HttpGatewayConfig}). Responses: 2xx sent; 429 or 503 throttled
 * (honouring a Retry-After in seconds); 408, other 5xx and I/O errors transient; other statuses permanent. Received
 * SMS arrive on a small loopback HTTP endpoint; malformed ones get 400 and are reported.
 */
public final class HttpGateway implements SmsGateway {
    private static final System.Logger LOG = System.getLogger(HttpGateway.class.getName());
    private static final int MAX_FORM_BYTES = 4096;

    private final HttpGatewayConfig config;
    private final HttpClient client;
    private HttpServer server;
    private ExecutorService serverThreads;

    /** Creates the gateway; nothing listens before {@link #start(SmsListener)}. */
    public HttpGateway(HttpGatewayConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.client = HttpClient.newBuilder().connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public void start(SmsListener listener) throws IOException {
        Objects.requireNonNull(listener, "listener");
        if (config.receiveAddress() == null) {
            return;
        }
        server = HttpServer.create(config.receiveAddress(), 16);
        serverThreads = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "habarshy-sms-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(serverThreads);
        server.createContext(config.receivePath(), exchange -> receive(exchange, listener));
        server.start();
    }

    /** Returns the port the receive endpoint listens on (useful with port 0), or -1 if not receiving. */
    public int receivePort() {
        return server == null ? -1 : server.getAddress().getPort();
    }

    private void receive(HttpExchange exchange, SmsListener listener) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            String token = exchange.getRequestHeaders().getFirst("X-Habarshy-Token");
            if (config.receiveToken() != null && !tokenMatches(token)) {
                exchange.sendResponseHeaders(403, -1);
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_FORM_BYTES + 1);
            }
            if (body.length > MAX_FORM_BYTES) {
                exchange.sendResponseHeaders(413, -1);
                return;
            }
            try {
                Map<String, String> form = parseForm(new String(body, StandardCharsets.UTF_8));
                PhoneNumber from = PhoneNumber.parse(require(form, "from"));
                byte[] data = HexFormat.of().parseHex(require(form, "hex"));
                SmsSegment segment = new SmsSegment(data, "1".equals(form.get("udh")));
                segment.part();
                exchange.sendResponseHeaders(listener.binaryReceived(from, segment) ? 204 : 503, -1);
            } catch (IllegalArgumentException | MalformedSmsException e) {
                String reason = "malformed incoming HTTP SMS refused: " + e.getMessage();
                LOG.log(Level.WARNING, reason);
                listener.malformedReceived(reason);
                exchange.sendResponseHeaders(400, -1);
            }
        }
    }

    private boolean tokenMatches(String presented) {
        return presented != null && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                config.receiveToken().getBytes(StandardCharsets.UTF_8));
    }

    private static String require(Map<String, String> form, String key) {
        String value = form.get(key);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("missing field " + key);
        }
        return value;
    }

    private static Map<String, String> parseForm(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    @Override
    public void sendBinary(PhoneNumber to, SmsSegment segment) throws SmsSendException {
        byte[] data = segment.userData();
        Map<String, String> values = new HashMap<>();
        values.put("to", to.e164());
        values.put("to_digits", to.digitsOnly());
        values.put("udh", segment.hasHeader() ? "1" : "0");
        values.put("hex", HexFormat.of().formatHex(data));
        values.put("base64", Base64.getUrlEncoder().withoutPadding().encodeToString(data));
        values.put("coding", "binary");
        values.put("text", "");
        send(values);
    }

    @Override
    public void sendPlainText(PhoneNumber to, String text) throws SmsSendException {
        Map<String, String> values = new HashMap<>();
        values.put("to", to.e164());
        values.put("to_digits", to.digitsOnly());
        values.put("udh", "0");
        values.put("hex", "");
        values.put("base64", "");
        values.put("coding", "text");
        values.put("text", text);
        send(values);
    }

    private void send(Map<String, String> values) throws SmsSendException {
        String url = config.sendTemplate();
        for (Map.Entry<String, String> e : values.entrySet()) {
            url = url.replace("{" + e.getKey() + "}", URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        HttpRequest.Builder request;
        if (config.post()) {
            int q = url.indexOf('?');
            String form = q < 0 ? "" : url.substring(q + 1);
            request = HttpRequest.newBuilder(URI.create(q < 0 ? url : url.substring(0, q)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form));
        } else {
            request = HttpRequest.newBuilder(URI.create(url)).GET();
        }
        request.timeout(config.timeout());
        if (config.authorization() != null) {
            request.header("Authorization", config.authorization());
        }
        HttpResponse<Void> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new SmsSendException(Kind.TRANSIENT, "HTTP gateway unreachable: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsSendException(Kind.TRANSIENT, "interrupted", e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        if (status == 429 || status == 503) {
            throw new SmsSendException(Kind.THROTTLED, "HTTP gateway throttled (" + status + ")",
                    retryAfter(response));
        }
        if (status == 408 || status >= 500) {
            throw new SmsSendException(Kind.TRANSIENT, "HTTP gateway error (" + status + ")", Duration.ZERO);
        }
        throw new SmsSendException(Kind.PERMANENT, "HTTP gateway refused the SMS (" + status + ")", Duration.ZERO);
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        try {
            long seconds = Long.parseLong(response.headers().firstValue("Retry-After").orElse("0").trim());
            return Duration.ofSeconds(Math.max(0, Math.min(seconds, 3600)));
        } catch (NumberFormatException e) {
            return Duration.ZERO;
        }
    }

    @Override
    public String name() {
        return "http";
    }

    @Override
    public boolean isUp() {
        return true;
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
            serverThreads.shutdownNow();
        }
    }
}
