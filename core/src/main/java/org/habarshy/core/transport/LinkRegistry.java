package org.habarshy.core.transport;

import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.habarshy.core.api.message.EnvelopeId;
import org.habarshy.core.sync.SyncSession;

/**
 * The node's established links and their sync sessions. When two nodes connect to each other twice
 * (both found the other by mDNS), both sides keep the same connection: the one opened by the node
 * with the lower transport key. Confined to the store executor.
 */
public final class LinkRegistry {
    private static final System.Logger LOG = System.getLogger(LinkRegistry.class.getName());

    private final byte[] ownTransportKey;
    private final Map<Channel, Link> byChannel = new HashMap<>();

    /** Creates a registry for a node whose current transport public key is {@code ownTransportKey}. */
    public LinkRegistry(byte[] ownTransportKey) {
        this.ownTransportKey = ownTransportKey.clone();
    }

    /** One established link. */
    record Link(Channel channel, byte[] remoteKey, boolean initiator, SyncSession session, String label,
                long since) {
        byte[] initiatorKey(byte[] own) {
            return initiator ? own : remoteKey;
        }
    }

    /**
     * Adds a link whose handshake completed. Returns false (and the caller closes the channel) if
     * it connects the node to itself or duplicates a preferred link; a displaced link is closed here.
     */
    public boolean register(Channel channel, byte[] remoteKey, boolean initiator, SyncSession session, String label,
                            long since) {
        if (Arrays.equals(remoteKey, ownTransportKey)) {
            LOG.log(System.Logger.Level.DEBUG, "connected to self; closing");
            return false;
        }
        Link fresh = new Link(channel, remoteKey.clone(), initiator, session, label, since);
        for (Link existing : new ArrayList<>(byChannel.values())) {
            if (!Arrays.equals(existing.remoteKey(), remoteKey)) {
                continue;
            }
            if (preferred(fresh) && !preferred(existing)) {
                byChannel.remove(existing.channel());
                existing.channel().close();
            } else {
                return false;
            }
        }
        byChannel.put(channel, fresh);
        return true;
    }

    private boolean preferred(Link link) {
        byte[] lower = Arrays.compareUnsigned(ownTransportKey, link.remoteKey()) < 0 ? ownTransportKey
                : link.remoteKey();
        return Arrays.equals(link.initiatorKey(ownTransportKey), lower);
    }

    /** Forgets a closed channel. */
    public void unregister(Channel channel) {
        byChannel.remove(channel);
    }

    /** Offers newly stored envelopes on every link. */
    public void offerToAll(List<EnvelopeId> ids) {
        if (ids.isEmpty()) {
            return;
        }
        for (Link link : byChannel.values()) {
            link.session().offerNew(ids);
        }
    }

    /** Returns the sessions of all established links. */
    public Collection<SyncSession> sessions() {
        List<SyncSession> sessions = new ArrayList<>();
        for (Link link : byChannel.values()) {
            sessions.add(link.session());
        }
        return sessions;
    }

    /** Returns a snapshot of every established link, oldest first. */
    public List<LinkStatus> status() {
        List<LinkStatus> out = new ArrayList<>();
        for (Link link : byChannel.values()) {
            SyncSession session = link.session();
            out.add(new LinkStatus(link.label(), link.initiator(), link.since(), session.peerOfferDone(),
                    session.outstandingRequests(), session.receivedCount(), session.sentCount()));
        }
        out.sort(java.util.Comparator.comparingLong(LinkStatus::since));
        return out;
    }

    /** Returns how many links are established. */
    public int size() {
        return byChannel.size();
    }
}
