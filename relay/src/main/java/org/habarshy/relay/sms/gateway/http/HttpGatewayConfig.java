package org.habarshy.relay.sms.gateway.http;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of an HTTP SMS gateway (an SMS-gateway app on a phone, or a provider's HTTP API).
 *
 * <p>{@code sendTemplate} is the URL of one send, with placeholders replaced (URL-encoded): {@code {to}} the number
 * with +, {@code {to_digits}} without, {@code {udh}} 1 if the user data starts with a header else 0, {@code {hex}}
 * the user data in hex, {@code {base64}} in URL-safe base64, {@code {coding}} {@code binary} or {@code text}, and
 * {@code {text}} the text of a plain (unencrypted) SMS. With {@code post} the query part is sent as a form body.
 * {@code authorization}, if set, is sent as the Authorization header and never printed.
 *
 * <p>Received SMS come in as {@code POST receivePath} on {@code receiveAddress}, form fields {@code from},
 * {@code udh} (0/1) and {@code hex}; if {@code receiveToken} is set, the header {@code X-Habarshy-Token} must equal
 * it. {@code receiveAddress} null disables receiving.
 */
public record HttpGatewayConfig(String sendTemplate, boolean post, String authorization, Duration timeout,
        InetSocketAddress receiveAddress, String receivePath, String receiveToken) {
    /** Validates the settings. */
    public HttpGatewayConfig {
        Objects.requireNonNull(sendTemplate, "sendTemplate");
        URI.create(sendTemplate.replaceAll("\\{[a-z_0-9]+}", "x"));
        Objects.requireNonNull(timeout, "timeout");
        receivePath = receivePath == null ? "/sms/incoming" : receivePath;
        if (!receivePath.startsWith("/")) {
            throw new IllegalArgumentException("receivePath must start with /");
        }
    }

    /** Prints no URL (it may hold an API key) and no secret. */
    @Override
    public String toString() {
        return "HttpGatewayConfig[" + (post ? "POST" : "GET") + (receiveAddress == null ? "" : ", receiving") + "]";
    }
}
