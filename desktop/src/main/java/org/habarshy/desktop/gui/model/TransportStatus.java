package org.habarshy.desktop.gui.model;

import java.util.List;

/**
 * Whether one way of reaching other nodes is up, for the network screen. Computed from what the core reports: the
 * desktop node listens on TCP, finds peers on the local network by mDNS and dials manual peers; relays and SMS
 * gateways are reached only through a relay ({@code habarshy-relay}), which this app does not run.
 *
 * @param transport which way
 * @param state up, down, off, or not available here
 */
public record TransportStatus(Transport transport, State state) {
    /** A way of reaching others. */
    public enum Transport {
        /** Listening for links on the local network (TCP). */
        LAN,
        /** Finding peers nearby (mDNS). */
        MDNS,
        /** Peers entered by hand (HOST:PORT). */
        MANUAL_PEERS,
        /** A relay that links islands of the mesh. */
        RELAY,
        /** SMS, through a relay with an SMS gateway. */
        SMS
    }

    /** The state of a transport. */
    public enum State {
        /** Working. */
        UP,
        /** Turned on, not working now (the node is not running, or no configured peer answers). */
        DOWN,
        /** Turned off in the settings, or nothing configured. */
        OFF,
        /** Not something this app does (a relay does). */
        UNAVAILABLE
    }

    /** Returns the resource key of this row's name ({@code network.transport.LAN}...). */
    public String nameKey() {
        return "network.transport." + transport.name();
    }

    /** Returns the resource key of this row's state ({@code network.state.UP}...). */
    public String stateKey() {
        return "network.state." + state.name();
    }

    /**
     * The transports of a node summarised by {@code n}. Manual peers count as up while the node has an outgoing
     * link: links carry no addresses to the UI, so a link to a remembered or discovered peer counts too.
     */
    static List<TransportStatus> of(NetworkSummary n) {
        State lan = n.running() ? State.UP : State.DOWN;
        State mdns = !n.mdns() ? State.OFF : n.running() ? State.UP : State.DOWN;
        State manual = n.manualPeers() == 0 ? State.OFF : n.running() && n.outgoingLinks() > 0 ? State.UP
                : State.DOWN;
        return List.of(new TransportStatus(Transport.LAN, lan), new TransportStatus(Transport.MDNS, mdns),
                new TransportStatus(Transport.MANUAL_PEERS, manual),
                new TransportStatus(Transport.RELAY, State.UNAVAILABLE),
                new TransportStatus(Transport.SMS, State.UNAVAILABLE));
    }
}
