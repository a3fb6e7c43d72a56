package org.habarshy.core.mailbox;

import java.util.Arrays;
import java.util.Objects;
import org.habarshy.core.api.identity.AgreementKey;

/**
 * Where to deposit envelopes for someone (docs/PROTOCOL.md 8.4): the relay's mailbox key and the mailbox id. Shared
 * by the mailbox's owner with their contacts as a mailbox code:
 * <pre>
 * code = "HBM1" || BASE32(relay mailbox key (32) || mailbox id (16) || H("habarshy/v1/mailbox-code", those 48)[0..4))
 * </pre>
 *
 * @param relay the relay's mailbox key
 * @param id the mailbox id
 */
public record MailboxAddress(AgreementKey relay, MailboxId id) {
    /** Text every mailbox code starts with. */
    public static final String PREFIX = "HBM1";
    static final String LABEL = "habarshy/v1/mailbox-code";
    private static final int BODY = AgreementKey.LENGTH + MailboxFormat.ID_BYTES;

    /** Checks for nulls. */
    public MailboxAddress {
        Objects.requireNonNull(relay, "relay");
        Objects.requireNonNull(id, "id");
    }

    /** Returns the one-line mailbox code. */
    public String encode() {
        byte[] body = Arrays.copyOf(relay.bytes(), BODY);
        System.arraycopy(id.bytes(), 0, body, AgreementKey.LENGTH, MailboxFormat.ID_BYTES);
        return CheckedCodes.encode(PREFIX, LABEL, body);
    }

    /** Parses a mailbox code; the exception says what is wrong. */
    public static MailboxAddress parse(String text) throws InvalidCodeException {
        byte[] body = CheckedCodes.decode(PREFIX, LABEL, "mailbox code", text);
        if (body.length != BODY) {
            throw new InvalidCodeException("the mailbox code has a wrong length");
        }
        return new MailboxAddress(new AgreementKey(Arrays.copyOf(body, AgreementKey.LENGTH)),
                new MailboxId(Arrays.copyOfRange(body, AgreementKey.LENGTH, BODY)));
    }
}
