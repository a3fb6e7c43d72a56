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
        byte[] out = new byte[label.length + 1 + header.length + recipientPublic.length
                + senderAgreementPublic.length + content.length];
        int offset = 0;
        System.arraycopy(label, 0, out, offset, label.length);
        offset += label.length + 1;
        System.arraycopy(header, 0, out, offset, header.length);
        offset += header.length;
        System.arraycopy(recipientPublic, 0, out, offset, recipientPublic.length);
        offset += recipientPublic.length;
        System.arraycopy(senderAgreementPublic, 0, out, offset, senderAgreementPublic.length);
        offset += senderAgreementPublic.length;
        System.arraycopy(content, 0, out, offset, content.length);
        return out;
    }
}
