package org.habarshy.relay.proxy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.habarshy.relay.proxy.InvalidDocumentException.Reason;

/**
 * The body of a proxy-list document (type 0x01), docs/PROTOCOL.md section 8.2:
 * <pre>
 * count n      uint8, 1..64
 * n entries:   kind uint8 (1 = SOCKS5, 2 = HTTP CONNECT) || host length h uint8 (1..253) || host (ASCII) || port uint16
 * </pre>
 * Nothing may follow the last entry. Entries with an unknown kind are refused (not skipped): a signer who lists a
 * proxy expects every relay to use it the same way.
 */
public final class ProxyListCodec {
    /** Most proxies one list may hold. */
    public static final int MAX_ENTRIES = 64;

    private ProxyListCodec() {
    }

    /** Encodes {@code proxies} (1..64). */
    public static byte[] encode(List<ProxyEndpoint> proxies) {
        if (proxies.isEmpty() || proxies.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException("a proxy list holds 1..64 proxies");
        }
        ByteBuffer b = ByteBuffer.allocate(1 + proxies.size() * (4 + ProxyEndpoint.MAX_HOST_BYTES));
        b.put((byte) proxies.size());
        for (ProxyEndpoint p : proxies) {
            byte[] host = p.host().getBytes(StandardCharsets.US_ASCII);
            b.put((byte) p.kind().code()).put((byte) host.length).put(host).putShort((short) p.port());
        }
        byte[] out = new byte[b.position()];
        b.flip().get(out);
        return out;
    }

    /** Decodes a list body, checking every bound before reading. */
    public static List<ProxyEndpoint> decode(byte[] body) throws InvalidDocumentException {
        ByteBuffer b = ByteBuffer.wrap(body);
        if (!b.hasRemaining()) {
            throw malformed("empty proxy list");
        }
        int count = b.get() & 0xFF;
        if (count < 1 || count > MAX_ENTRIES) {
            throw malformed("proxy count must be 1..64");
        }
        List<ProxyEndpoint> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (b.remaining() < 2) {
                throw malformed("proxy entry truncated");
            }
            ProxyKind kind = ProxyKind.ofCode(b.get() & 0xFF);
            if (kind == null) {
                throw malformed("unknown proxy kind");
            }
            int hostLength = b.get() & 0xFF;
            if (hostLength < 1 || b.remaining() < hostLength + 2) {
                throw malformed("proxy host length out of range");
            }
            byte[] host = new byte[hostLength];
            b.get(host);
            int port = b.getShort() & 0xFFFF;
            try {
                out.add(new ProxyEndpoint(kind, new String(host, StandardCharsets.US_ASCII), port));
            } catch (IllegalArgumentException e) {
                throw malformed("bad proxy entry: " + e.getMessage());
            }
        }
        if (b.hasRemaining()) {
            throw malformed("bytes after the last proxy entry");
        }
        return List.copyOf(out);
    }

    private static InvalidDocumentException malformed(String message) {
        return new InvalidDocumentException(Reason.MALFORMED, message);
    }
}
