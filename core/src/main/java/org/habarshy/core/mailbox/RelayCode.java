package org.habarshy.core.mailbox;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.habarshy.core.api.identity.AgreementKey;

/**
 * What a relay publishes about itself (docs/PROTOCOL.md 8.5): its link key (the Noise static key of its links, which
 * other relays pin) and, if it keeps mailboxes, its mailbox key.
 * <pre>
 * code  = "HBR1" || BASE32(body || H("habarshy/v1/relay-code", body)[0..4))
 * body  = flags (1: bit 0 = has a mailbox key; others 0) || link key (32) || [mailbox key (32)]
 * </pre>
 *
 * @param linkKey the X25519 static key of the relay's links
 * @param mailboxKey the X25519 key mailbox requests are sealed to, if the relay keeps mailboxes
 */
public record RelayCode(AgreementKey linkKey, Optional<AgreementKey> mailboxKey) {
    /** Text every relay code starts with. */
    public static final String PREFIX = "HBR1";
    static final String LABEL = "habarshy/v1/relay-code";
    private static final int HAS_MAILBOX = 0x01;

    /** Checks for nulls. */
    public RelayCode {
        Objects.requireNonNull(linkKey, "linkKey");
        Objects.requireNonNull(mailboxKey, "mailboxKey");
    }

    /** Returns the one-line code. */
    public String encode() {
        byte[] body = new byte[1 + AgreementKey.LENGTH + (mailboxKey.isPresent() ? AgreementKey.LENGTH : 0)];
        body[0] = (byte) (mailboxKey.isPresent() ? HAS_MAILBOX : 0);
        System.arraycopy(linkKey.bytes(), 0, body, 1, AgreementKey.LENGTH);
        mailboxKey.ifPresent(k -> System.arraycopy(k.bytes(), 0, body, 1 + AgreementKey.LENGTH, AgreementKey.LENGTH));
        return CheckedCodes.encode(PREFIX, LABEL, body);
    }

    /** Parses a relay code; the exception says what is wrong. */
    public static RelayCode parse(String text) throws InvalidCodeException {
        byte[] body = CheckedCodes.decode(PREFIX, LABEL, "relay code", text);
        int flags = body[0] & 0xFF;
        if ((flags & ~HAS_MAILBOX) != 0) {
            throw new InvalidCodeException("the relay code uses flags this version does not know");
        }
        boolean mailbox = (flags & HAS_MAILBOX) != 0;
        if (body.length != 1 + AgreementKey.LENGTH * (mailbox ? 2 : 1)) {
            throw new InvalidCodeException("the relay code has a wrong length");
        }
        AgreementKey link = new AgreementKey(Arrays.copyOfRange(body, 1, 1 + AgreementKey.LENGTH));
        Optional<AgreementKey> box = mailbox
                ? Optional.of(new AgreementKey(Arrays.copyOfRange(body, 1 + AgreementKey.LENGTH, body.length)))
                : Optional.empty();
        return new RelayCode(link, box);
    }
}
