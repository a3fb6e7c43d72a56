package org.habarshy.relay.mailbox;

import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.habarshy.core.api.identity.AgreementKey;
import org.habarshy.core.api.identity.IdentityKey;
import org.habarshy.core.crypto.AgreementKeyPair;
import org.habarshy.core.crypto.EnvelopeFormat;
import org.habarshy.core.crypto.EnvelopeHeader;
import org.habarshy.core.crypto.EnvelopeOpener;
import org.habarshy.core.crypto.MalformedEnvelopeException;
import org.habarshy.core.crypto.OpenedEnvelope;
import org.habarshy.core.mailbox.MailboxFormat;
import org.habarshy.core.mailbox.MailboxId;
import org.habarshy.core.store.StoreException;
import org.habarshy.relay.status.Counter;
import org.habarshy.relay.status.RelayCounters;

/**
 * A post box for registered users who are offline: the relay trial-opens every envelope it carries with its mailbox
 * key; registrations (signed by the user's mailbox key) open a mailbox with a quota, deposits addressed to a
 * registered mailbox are held within that quota, and a pickup from the mailbox's owner hands every held envelope to
 * the relay's node, which offers it on every link — including the owner's, from which the pickup just came.
 * Nothing is held for an unregistered mailbox. State is rebuilt at start by scanning the carried envelopes again
 * (deposits are themselves carried envelopes); handing an envelope over twice is harmless (it is stored once by id).
 * Called on the relay's scheduler; synchronized so that status can read it from elsewhere.
 */
public final class Mailbox {
    private static final System.Logger LOG = System.getLogger(Mailbox.class.getName());

    private final AgreementKeyPair key;
    private final EnvelopeOpener opener;
    private final MailboxPolicy policy;
    private final Clock clock;
    private final EnvelopeCarrier carrier;
    private final RelayCounters counters;
    private final Map<MailboxId, Registration> mailboxes = new HashMap<>();

    private static final class Registration {
        long createdAt;
        long expiresAt;
        long quota;
        long used;
        final List<byte[]> held = new ArrayList<>();
    }

    /** Creates an empty mailbox service for the relay's mailbox {@code key}. */
    public Mailbox(AgreementKeyPair key, MailboxPolicy policy, Clock clock, EnvelopeCarrier carrier,
                   RelayCounters counters) {
        this.key = key;
        this.opener = new EnvelopeOpener(key);
        this.policy = policy;
        this.clock = clock;
        this.carrier = carrier;
        this.counters = counters;
    }

    /** Returns the public key that users and senders seal mailbox requests to. */
    public AgreementKey publicKey() {
        return key.publicKey();
    }

    /** Returns how many mailboxes are registered and current. */
    public synchronized int users() {
        long now = clock.millis();
        return (int) mailboxes.values().stream().filter(r -> r.expiresAt > now).count();
    }

    /** Returns how many bytes are held for the mailbox of {@code mailboxKey}. */
    public synchronized long heldBytes(IdentityKey mailboxKey) {
        Registration r = mailboxes.get(MailboxFormat.idOf(mailboxKey));
        return r == null ? 0 : r.used;
    }

    /** Looks at one carried envelope; does nothing unless it is a mailbox request sealed to this relay. */
    public synchronized void offer(byte[] envelope) {
        Optional<OpenedEnvelope> opened;
        try {
            opened = opener.open(envelope);
        } catch (MalformedEnvelopeException e) {
            return;
        } catch (GeneralSecurityException e) {
            refuse("a mailbox request whose signature does not verify");
            return;
        }
        if (opened.isEmpty()) {
            return;
        }
        OpenedEnvelope request = opened.get();
        if (request.expiresAt() <= clock.millis()) {
            return;
        }
        byte[] content = request.content();
        switch (MailboxFormat.typeOf(content)) {
            case MailboxFormat.REGISTER -> register(request, MailboxFormat.quotaOf(content));
            case MailboxFormat.DEPOSIT -> deposit(content);
            case MailboxFormat.PICKUP -> pickup(request, MailboxFormat.isPickup(content));
            default -> refuse("an envelope for the mailbox key that is not a mailbox request");
        }
    }

    private void register(OpenedEnvelope request, long quota) {
        if (quota < 1) {
            refuse("a malformed mailbox registration");
            return;
        }
        MailboxId id = MailboxFormat.idOf(request.sender());
        Registration r = mailboxes.get(id);
        if (r != null && r.createdAt >= request.createdAt()) {
            return;
        }
        if (r == null) {
            dropExpired();
            if (mailboxes.size() >= policy.maxUsers()) {
                refuse("a mailbox registration: the relay holds its maximum of mailboxes");
                return;
            }
            r = new Registration();
            mailboxes.put(id, r);
        }
        r.createdAt = request.createdAt();
        r.expiresAt = request.expiresAt();
        r.quota = Math.min(quota, policy.quotaBytes());
        counters.increment(Counter.MAILBOX_REGISTERED);
        LOG.log(System.Logger.Level.INFO, "mailbox registered or renewed ({0} mailboxes)", mailboxes.size());
    }

    private void deposit(byte[] content) {
        MailboxId id = MailboxFormat.depositId(content);
        if (id == null) {
            refuse("a malformed mailbox deposit");
            return;
        }
        Registration r = mailboxes.get(id);
        long now = clock.millis();
        if (r == null || r.expiresAt <= now) {
            counters.increment(Counter.MAILBOX_UNREGISTERED);
            LOG.log(System.Logger.Level.INFO, "a deposit for a mailbox not registered here; not held");
            return;
        }
        byte[] inner = MailboxFormat.depositInner(content);
        EnvelopeHeader header;
        try {
            header = EnvelopeFormat.parseHeader(inner);
        } catch (MalformedEnvelopeException e) {
            refuse("a mailbox deposit holding a malformed envelope");
            return;
        }
        if (header.expiresAt() <= now) {
            return;
        }
        if (r.used + inner.length > r.quota) {
            counters.increment(Counter.MAILBOX_OVER_QUOTA);
            LOG.log(System.Logger.Level.WARNING, "a mailbox deposit refused: the mailbox is over its quota");
            return;
        }
        r.used += inner.length;
        r.held.add(inner);
        counters.increment(Counter.MAILBOX_HELD);
    }

    private void pickup(OpenedEnvelope request, boolean wellFormed) {
        if (!wellFormed) {
            refuse("a malformed mailbox pickup");
            return;
        }
        long now = clock.millis();
        if (Math.abs(request.createdAt() - now) > policy.pickupWindow().toMillis()) {
            refuse("a stale mailbox pickup");
            return;
        }
        Registration r = mailboxes.get(MailboxFormat.idOf(request.sender()));
        if (r == null || r.expiresAt <= now) {
            refuse("a pickup for a mailbox not registered here");
            return;
        }
        int handed = 0;
        for (byte[] inner : r.held) {
            try {
                carrier.carry(inner);
                handed++;
                counters.increment(Counter.MAILBOX_DELIVERED);
            } catch (MalformedEnvelopeException e) {
                LOG.log(System.Logger.Level.DEBUG, "a held envelope expired before pickup");
            } catch (StoreException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot hand over a held envelope: " + e.getMessage());
                return; // keep everything held; the next pickup tries again
            }
        }
        r.held.clear();
        r.used = 0;
        LOG.log(System.Logger.Level.INFO, "mailbox pickup: handed over {0} envelope(s)", handed);
    }

    private void dropExpired() {
        long now = clock.millis();
        mailboxes.values().removeIf(r -> r.expiresAt <= now);
    }

    private void refuse(String what) {
        counters.increment(Counter.MAILBOX_REFUSED);
        LOG.log(System.Logger.Level.WARNING, "refused " + what);
    }
}
