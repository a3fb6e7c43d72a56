package org.habarshy.relay.sms;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import org.habarshy.core.api.identity.AgreementKey;
import org.habarshy.core.crypto.CompactOpener;
import org.habarshy.core.crypto.CompactSealer;
import org.habarshy.core.crypto.MalformedEnvelopeException;
import org.habarshy.core.crypto.OpenedCompact;
import org.habarshy.core.compact.CompactTextCodec;
import org.habarshy.core.compact.MalformedCompactTextException;
import org.habarshy.relay.sms.codec.MalformedSmsException;

/**
 * Seals a short text as a compact message for the SMS path and opens one: {@link CompactTextCodec} (HBS1 and
 * Deflate with a preset dictionary) inside {@link CompactSealer} (static-static X25519). The sender and the
 * recipient must know each other's agreement keys (contacts). Thread-safe.
 */
public final class SmsTextMessages {
    /** Lifetime of compact text messages, as for envelopes: 7 days. */
    public static final int LIFETIME_HOURS = 168;

    private final CompactTextCodec codec;
    private final CompactSealer sealer;
    private final CompactOpener opener;

    /** Creates the helper for one user's agreement key pair (as sealer and as opener). */
    public SmsTextMessages(CompactTextCodec codec, CompactSealer sealer, CompactOpener opener) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.sealer = Objects.requireNonNull(sealer, "sealer");
        this.opener = Objects.requireNonNull(opener, "opener");
    }

    /** A text that authenticated under one of the candidate contacts' keys. */
    public record OpenedText(AgreementKey sender, String text, long createdAt, long expiresAt) {
    }

    /** Returns the compact message carrying {@code text} to {@code recipient}, created at {@code now}. */
    public byte[] seal(AgreementKey recipient, String text, long now) {
        return sealer.seal(recipient, codec.encode(text), now, LIFETIME_HOURS);
    }

    /**
     * Returns the text if one of {@code contacts} sealed {@code message} to us, or empty. Throws
     * MalformedSmsException if the message, or the text inside an authentic message, cannot be decoded.
     */
    public Optional<OpenedText> open(byte[] message, Collection<AgreementKey> contacts) throws MalformedSmsException {
        Optional<OpenedCompact> opened;
        try {
            opened = opener.open(message, contacts);
        } catch (MalformedEnvelopeException e) {
            throw new MalformedSmsException(e.getMessage());
        }
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        OpenedCompact o = opened.get();
        try {
            return Optional.of(new OpenedText(o.sender(), codec.decode(o.plaintext()), o.createdAt(), o.expiresAt()));
        } catch (MalformedCompactTextException e) {
            throw new MalformedSmsException(e.getMessage());
        }
    }
}
