package org.habarshy.core.rtt;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.habarshy.core.api.identity.ContactCard;
import org.habarshy.core.api.identity.IdentityKey;
import org.habarshy.core.crypto.AgreementKeyPair;
import org.habarshy.core.crypto.ContactLinkTags;
import org.habarshy.core.sync.RttLimits;

/**
 * Real-time text of one node: the contacts this user turned it on for, the links on which such a contact was
 * recognised, and the contacts' current drafts. A draft goes out only on a direct link where the peer proved to be
 * that contact with a tag that also shows it turned real-time text on for us (both must opt in); otherwise
 * {@link #type} does nothing and the message goes as a normal message when sent. Drafts live in memory only and
 * vanish {@link #DRAFT_LIFETIME} after the last update, when the link closes, or when the contact clears them.
 * Thread-safe: state shared with the links is in concurrent maps; each link's own state stays on its event loop.
 */
public final class RealTimeText {
    /** Shortest time between two updates sent on one link (at most 10 per second). */
    public static final Duration MIN_UPDATE_INTERVAL = Duration.ofMillis(100);
    /** Updates accepted from one link per second, sustained (twice what a sender may send, for jitter). */
    public static final int RECEIVED_UPDATES_PER_SECOND = 20;
    /** Updates accepted from one link in a burst. */
    public static final int RECEIVED_UPDATES_BURST = 20;
    /** Announces accepted from one link per second, sustained, and in a burst. */
    public static final int RECEIVED_ANNOUNCES_PER_SECOND = 1;
    /** Announces accepted from one link in a burst. */
    public static final int RECEIVED_ANNOUNCES_BURST = 5;
    /** A draft not updated for this long is no longer shown (its writer walked away mid-sentence). */
    public static final Duration DRAFT_LIFETIME = Duration.ofSeconds(30);

    private static final System.Logger LOG = System.getLogger(RealTimeText.class.getName());

    private final AgreementKeyPair ownKey;
    private final LongSupplier nanoTime;
    private final Map<IdentityKey, byte[]> pairSecrets = new ConcurrentHashMap<>();
    private final Set<RttLinkHandler> links = ConcurrentHashMap.newKeySet();
    private final Map<IdentityKey, Draft> drafts = new ConcurrentHashMap<>();
    private final List<RttListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong dropped = new AtomicLong();

    private record Draft(String text, long atNanos) {
    }

    /** Real-time text for the user whose identity agreement key pair is {@code ownKey}; time from {@code nanoTime}. */
    public RealTimeText(AgreementKeyPair ownKey, LongSupplier nanoTime) {
        this.ownKey = ownKey;
        this.nanoTime = nanoTime;
    }

    /** Makes the handler for one new link (placed before the sync handler). */
    public RttLinkHandler newLinkHandler() {
        return new RttLinkHandler(this);
    }

    /** Adds a listener. */
    public void addListener(RttListener listener) {
        listeners.add(listener);
    }

    /**
     * Turns real-time text on for the contact with {@code card}: announces a tag for it on every link, and shows
     * its drafts once it turned real-time text on for us too. One X25519 on the caller's thread.
     */
    public void enable(ContactCard card) throws GeneralSecurityException {
        if (pairSecrets.containsKey(card.identityKey())) {
            return;
        }
        if (pairSecrets.size() >= RttLimits.MAX_TAGS) {
            throw new IllegalStateException("real-time text is on for " + RttLimits.MAX_TAGS
                    + " conversations already");
        }
        pairSecrets.put(card.identityKey(), ContactLinkTags.pairSecret(ownKey, card.agreementKey()));
        links.forEach(RttLinkHandler::contactsChanged);
    }

    /** Turns real-time text off for {@code contact}: withdraws its tag and forgets its draft. */
    public void disable(IdentityKey contact) {
        byte[] secret = pairSecrets.remove(contact);
        if (secret != null) {
            Arrays.fill(secret, (byte) 0);
            links.forEach(RttLinkHandler::contactsChanged);
        }
    }

    /** Returns whether real-time text is on for {@code contact}. */
    public boolean isEnabled(IdentityKey contact) {
        return pairSecrets.containsKey(contact);
    }

    /** Returns whether a direct link to {@code contact} with real-time text on at both ends is up. */
    public boolean isLinked(IdentityKey contact) {
        return link(contact).isPresent();
    }

    /**
     * Streams {@code draft} (this user's unsent text for {@code contact}; the tail of at most
     * {@link RttLimits#MAX_TEXT_BYTES} bytes) to the contact, at most every {@link #MIN_UPDATE_INTERVAL}, latest
     * draft first. Returns false, sending nothing, when real-time text is off or the contact is not directly linked.
     */
    public boolean type(IdentityKey contact, String draft) {
        if (!isEnabled(contact)) {
            return false;
        }
        Optional<RttLinkHandler> link = link(contact);
        link.ifPresent(l -> l.send(tail(draft)));
        return link.isPresent();
    }

    /** Returns {@code contact}'s draft as last received, if one is shown (non-empty and recent). */
    public Optional<String> peerDraft(IdentityKey contact) {
        Draft draft = drafts.get(contact);
        if (draft == null || draft.text().isEmpty()
                || nanoTime.getAsLong() - draft.atNanos() > DRAFT_LIFETIME.toNanos()) {
            return Optional.empty();
        }
        return Optional.of(draft.text());
    }

    /** Returns how many frames from peers were dropped by the rate limits or for an unrecognised link. */
    public long droppedCount() {
        return dropped.get();
    }

    /** Returns the longest end of {@code text} of at most {@link RttLimits#MAX_TEXT_BYTES} UTF-8 bytes. */
    static String tail(String text) {
        if (text.length() * 3 <= RttLimits.MAX_TEXT_BYTES
                || text.getBytes(StandardCharsets.UTF_8).length <= RttLimits.MAX_TEXT_BYTES) {
            return text;
        }
        int bytes = 0;
        int start = text.length();
        while (start > 0) {
            int cp = text.codePointBefore(start);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > RttLimits.MAX_TEXT_BYTES) {
                break;
            }
            bytes += size;
            start -= Character.charCount(cp);
        }
        return text.substring(start);
    }

    private Optional<RttLinkHandler> link(IdentityKey contact) {
        RttLinkHandler newest = null;
        for (RttLinkHandler l : links) {
            if (contact.equals(l.recognised()) && (newest == null || l.since() > newest.since())) {
                newest = l;
            }
        }
        return Optional.ofNullable(newest);
    }

    // Called by the link handlers.

    long nanoTime() {
        return nanoTime.getAsLong();
    }

    Map<IdentityKey, byte[]> pairSecrets() {
        return pairSecrets;
    }

    void added(RttLinkHandler link) {
        links.add(link);
    }

    void removed(RttLinkHandler link) {
        links.remove(link);
    }

    void dropped() {
        dropped.incrementAndGet();
    }

    /** A link was recognised as {@code contact} (true) or no longer is (false). */
    void recognitionChanged(IdentityKey contact, boolean linked) {
        boolean stillLinked = isLinked(contact);
        if (!linked && !stillLinked) {
            received(contact, "");
        }
        if (linked || !stillLinked) {
            LOG.log(System.Logger.Level.DEBUG, "real-time text link {0}", linked ? "up" : "down");
            for (RttListener l : listeners) {
                l.linkChanged(contact, linked);
            }
        }
    }

    /** {@code contact}'s draft arrived. */
    void received(IdentityKey contact, String text) {
        Draft previous = drafts.put(contact, new Draft(text, nanoTime.getAsLong()));
        if (previous == null && text.isEmpty()) {
            drafts.remove(contact);
            return;
        }
        if (previous == null || !previous.text().equals(text)) {
            for (RttListener l : listeners) {
                l.draftChanged(contact, text);
            }
        }
    }
}
