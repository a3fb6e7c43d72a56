package org.habarshy.core.discovery;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Chooses the local addresses to run mDNS on when the caller names none. */
final class BindAddresses {
    private BindAddresses() {
    }

    /**
     * Returns, for every interface that is up, multicast-capable and not loopback or point-to-point, its first
     * IPv4 address and its first IPv6 link-local address. Falls back to the loopback interface's IPv4 address
     * when there is no such interface, so discovery still works between nodes on this machine.
     *
     * @throws SocketException if the interfaces cannot be listed
     */
    static List<InetAddress> discover() throws SocketException {
        List<InetAddress> usable = new ArrayList<>();
        List<InetAddress> loopback = new ArrayList<>();
        for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nif.isUp()) {
                continue;
            }
            if (nif.isLoopback()) {
                loopback.addAll(pick(nif));
            } else if (nif.supportsMulticast() && !nif.isPointToPoint()) {
                usable.addAll(pick(nif));
            }
        }
        return usable.isEmpty() ? loopback : usable;
    }

    /** Returns the first IPv4 and the first IPv6 link-local address of {@code nif}. */
    private static List<InetAddress> pick(NetworkInterface nif) {
        InetAddress v4 = null;
        InetAddress v6 = null;
        for (InetAddress address : Collections.list(nif.getInetAddresses())) {
            if (v4 == null && address instanceof Inet4Address) {
                v4 = address;
            } else if (v6 == null && address instanceof Inet6Address && address.isLinkLocalAddress()) {
                v6 = address;
            }
        }
        List<InetAddress> picked = new ArrayList<>(2);
        if (v4 != null) {
            picked.add(v4);
        }
        if (v6 != null) {
            picked.add(v6);
        }
        return picked;
    }
}
