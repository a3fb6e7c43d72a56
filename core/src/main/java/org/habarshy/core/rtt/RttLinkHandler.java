package org.habarshy.core.rtt;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.habarshy.core.api.identity.IdentityKey;
import org.habarshy.core.crypto.ContactLinkTags;
import org.habarshy.core.link.LinkEstablishedEvent;
import org.habarshy.core.routing.TokenBucket;
import org.habarshy.core.sync.RttAnnounceRecord;
import org.habarshy.core.sync.RttUpdateRecord;

/**
 * Real-time text on one link: announces this user's contact tags when the link is established and whenever the
 * contacts with real-time text change, recognises the peer from its tags, sends this user's drafts (at most one
 * update per {@link RealTimeText#MIN_UPDATE_INTERVAL}, latest first) and hands the peer's drafts to
 * {@link RealTimeText}. Real-time-text records stop here and never reach the sync session. Frames beyond the rate
 * limits, and drafts on a link not recognised as a contact with real-time text on, are dropped (and counted), not
 * fatal: the next update carries the whole draft again. State is confined to the channel's event loop, except the
 * recognised contact and the link's age, which {@link RealTimeText} reads.
 */
public final class RttLinkHandler extends ChannelDuplexHandler {
    private final RealTimeText rtt;
    private ChannelHandlerContext ctx;
    private byte[] handshakeHash;
    private boolean initiator;
    private volatile IdentityKey recognised;
    private volatile long since;
    private List<byte[]> peerTags = List.of();
    private boolean announcedAny;
    private TokenBucket updates;
    private TokenBucket announces;
    private String pending;
    private boolean flushScheduled;
    private long lastSentNanos;

    RttLinkHandler(RealTimeText rtt) {
        this.rtt = rtt;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object evt) throws Exception {
        if (evt instanceof LinkEstablishedEvent established && handshakeHash == null) {
            ctx = context;
            handshakeHash = established.handshakeHash();
            initiator = established.initiator();
            long now = context.executor().ticker().nanoTime();
            since = rtt.nanoTime();
            lastSentNanos = now - RealTimeText.MIN_UPDATE_INTERVAL.toNanos();
            updates = new TokenBucket(RealTimeText.RECEIVED_UPDATES_PER_SECOND, RealTimeText.RECEIVED_UPDATES_BURST,
                    now);
            announces = new TokenBucket(RealTimeText.RECEIVED_ANNOUNCES_PER_SECOND,
                    RealTimeText.RECEIVED_ANNOUNCES_BURST, now);
            rtt.added(this);
            announce();
        }
        super.userEventTriggered(context, evt);
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) throws Exception {
        if (msg instanceof RttAnnounceRecord announce) {
            onAnnounce(announce);
        } else if (msg instanceof RttUpdateRecord update) {
            onUpdate(update);
        } else {
            super.channelRead(context, msg);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) throws Exception {
        rtt.removed(this);
        IdentityKey was = recognised;
        recognised = null;
        if (was != null) {
            rtt.recognitionChanged(was, false);
        }
        super.channelInactive(context);
    }

    private void onAnnounce(RttAnnounceRecord announce) {
        if (handshakeHash == null || !take(announces)) {
            rtt.dropped();
            return;
        }
        peerTags = announce.tags();
        recognise();
    }

    private void onUpdate(RttUpdateRecord update) {
        IdentityKey contact = recognised;
        if (contact == null || !rtt.isEnabled(contact) || !take(updates)) {
            rtt.dropped();
            return;
        }
        rtt.received(contact, update.text());
    }

    private boolean take(TokenBucket bucket) {
        long now = ctx.executor().ticker().nanoTime();
        if (bucket.available(now) < 1) {
            return false;
        }
        bucket.take(1, now);
        return true;
    }

    /** Sends our tags: one per contact with real-time text on, bound to this link and to our Noise role. */
    private void announce() {
        List<byte[]> tags = new ArrayList<>();
        for (byte[] secret : rtt.pairSecrets().values()) {
            tags.add(ContactLinkTags.tag(secret, handshakeHash, initiator));
        }
        if (tags.isEmpty() && !announcedAny) {
            return;
        }
        announcedAny = !tags.isEmpty();
        ctx.writeAndFlush(new RttAnnounceRecord(tags), ctx.voidPromise());
    }

    /**
     * Finds which of our contacts with real-time text on sent one of the peer's tags; every contact's tag is
     * computed and compared in constant time.
     */
    private void recognise() {
        IdentityKey match = null;
        for (Map.Entry<IdentityKey, byte[]> entry : rtt.pairSecrets().entrySet()) {
            byte[] expected = ContactLinkTags.tag(entry.getValue(), handshakeHash, !initiator);
            if (ContactLinkTags.contains(peerTags, expected)) {
                match = entry.getKey();
            }
        }
        IdentityKey was = recognised;
        if (match == null ? was == null : match.equals(was)) {
            return;
        }
        recognised = match;
        if (was != null) {
            rtt.recognitionChanged(was, false);
        }
        if (match != null) {
            rtt.recognitionChanged(match, true);
        }
    }

    /** The contacts with real-time text on changed: announce again and check the peer's tags again. */
    void contactsChanged() {
        ChannelHandlerContext context = ctx;
        if (context != null) {
            context.executor().execute(() -> {
                if (context.channel().isActive()) {
                    announce();
                    recognise();
                }
            });
        }
    }

    /** Sends {@code text} as the draft, now or when the update interval has passed (a later draft replaces it). */
    void send(String text) {
        ChannelHandlerContext context = ctx;
        context.executor().execute(() -> {
            pending = text;
            flush();
        });
    }

    private void flush() {
        if (pending == null || !ctx.channel().isActive()) {
            return;
        }
        long wait = lastSentNanos + RealTimeText.MIN_UPDATE_INTERVAL.toNanos() - ctx.executor().ticker().nanoTime();
        if (wait > 0) {
            if (!flushScheduled) {
                flushScheduled = true;
                ctx.executor().schedule(() -> {
                    flushScheduled = false;
                    flush();
                }, wait, TimeUnit.NANOSECONDS);
            }
            return;
        }
        String text = pending;
        pending = null;
        if (recognised != null) {
            lastSentNanos = ctx.executor().ticker().nanoTime();
            ctx.writeAndFlush(new RttUpdateRecord(text), ctx.voidPromise());
        }
    }

    IdentityKey recognised() {
        return recognised;
    }

    long since() {
        return since;
    }
}
