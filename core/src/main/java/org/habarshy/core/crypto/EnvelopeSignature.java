package org.habarshy.core.crypto;

/**
 * The message a sender signs inside a version-1 envelope:
 * {@code UTF8("habarshy/v1/envelope-signature") || 0x00 || header[0..50) || recipientPublic(32)
 * || senderAgreementPublic(32) || content}. Binding the header and recipient stops a recipient from re-sealing
 * the signed content to someone else; binding the sender's agreement key means replies and receipts go to a key
 * the sender vouched for.
 */
final class EnvelopeSignature {
    private EnvelopeSignature() {
    }

    /** Returns the bytes to sign or verify. */
    static byte[] message(byte[] header, byte[] recipientPublic, byte[] senderAgreementPublic, byte[] content) {
        byte[] label = Hashing.encodeLabel(DomainLabels.ENVELOPE_SIGNATURE);
        return Concatenation.of(label, new byte[] {0x00}, header, recipientPublic, senderAgreementPublic, content);
    }
}
