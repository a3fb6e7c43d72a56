package org.habarshy.core.discovery;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Shortens addresses for logs above DEBUG: keeps the network-ish prefix that helps tell interfaces apart and
 * hides the part that points at a person's device, e.g. {@code 192.168.*.*} or {@code fe80:*}.
 */
final class AddressScrubber {
    private AddressScrubber() {
    }

    /** Returns the scrubbed form of {@code address}, or {@code "?"} for null. */
    static String scrub(InetAddress address) {
        if (address instanceof Inet4Address) {
            byte[] b = address.getAddress();
            return (b[0] & 0xff) + "." + (b[1] & 0xff) + ".*.*";
        }
        if (address instanceof Inet6Address) {
            byte[] b = address.getAddress();
            return Integer.toHexString(((b[0] & 0xff) << 8) | (b[1] & 0xff)) + ":*";
        }
        return "?";
    }
}
