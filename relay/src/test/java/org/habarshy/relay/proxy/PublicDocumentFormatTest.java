package org.habarshy.relay.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.habarshy.core.crypto.EnvelopeFormat;
import org.habarshy.core.crypto.SigningKeyPair;
import org.habarshy.relay.proxy.InvalidDocumentException.Reason;
import org.junit.jupiter.api.Test;

class PublicDocumentFormatTest {
    private final SigningKeyPair signer = ProxyListFixtures.newKey();

    @Test
    void roundTripsAndPadsToTheSmallestCarriedEnvelope() throws Exception {
        byte[] body = "hi".getBytes(StandardCharsets.US_ASCII);
        byte[] envelope = PublicDocumentFormat.seal(signer, 7, body, 1_000, 2_000);
        assertThat(envelope).hasSize(PublicDocumentFormat.MIN_BYTES);
        PublicDocument doc = PublicDocumentFormat.open(envelope);
        assertThat(doc.signer()).isEqualTo(signer.publicKey());
        assertThat(doc.type()).isEqualTo(7);
        assertThat(doc.body()).isEqualTo(body);
        assertThat(doc.createdAt()).isEqualTo(1_000);
        assertThat(doc.expiresAt()).isEqualTo(2_000);
    }

    @Test
    void isAnEnvelopeThatCoreCarriesButDoesNotOpen() throws Exception {
        byte[] envelope = PublicDocumentFormat.seal(signer, 1, new byte[300], 1_000, 2_000);
        assertThat(envelope).hasSize(53 + 300 + 64);
        var header = EnvelopeFormat.parseHeader(envelope);
        assertThat(header.kind()).isEqualTo(PublicDocumentFormat.KIND);
        assertThat(header.supported()).isFalse();
        assertThat(header.createdAt()).isEqualTo(1_000);
        assertThat(header.expiresAt()).isEqualTo(2_000);
    }

    @Test
    void everyFlippedBitIsRefused() {
        byte[] envelope = PublicDocumentFormat.seal(signer, 1, new byte[] {1, 2, 3}, 1_000, 2_000);
        for (int i = 0; i < envelope.length * 8; i++) {
            byte[] copy = envelope.clone();
            copy[i / 8] ^= (byte) (1 << (i % 8));
            assertThatThrownBy(() -> PublicDocumentFormat.open(copy)).as("bit %d", i)
                    .isInstanceOf(InvalidDocumentException.class);
        }
    }

    @Test
    void everyTruncationAndExtensionIsRefusedAsMalformed() {
        byte[] envelope = PublicDocumentFormat.seal(signer, 1, new byte[250], 1_000, 2_000);
        for (int n = 0; n < envelope.length; n++) {
            byte[] cut = Arrays.copyOf(envelope, n);
            assertThatThrownBy(() -> PublicDocumentFormat.open(cut))
                    .isInstanceOf(InvalidDocumentException.class);
        }
        byte[] longer = Arrays.copyOf(envelope, envelope.length + 1);
        assertThatThrownBy(() -> PublicDocumentFormat.open(longer)).isInstanceOf(InvalidDocumentException.class)
                .extracting(e -> ((InvalidDocumentException) e).reason()).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void aSignatureByAnotherKeyIsRefused() {
        byte[] envelope = PublicDocumentFormat.seal(signer, 1, new byte[] {1}, 1_000, 2_000);
        byte[] forged = PublicDocumentFormat.seal(ProxyListFixtures.newKey(), 1, new byte[] {1}, 1_000, 2_000);
        // Keep the claimed signer, use another key's signature.
        System.arraycopy(forged, forged.length - 64, envelope, envelope.length - 64, 64);
        assertThatThrownBy(() -> PublicDocumentFormat.open(envelope)).isInstanceOf(InvalidDocumentException.class)
                .extracting(e -> ((InvalidDocumentException) e).reason()).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void aSealedMessageEnvelopeIsNotAPublicDocument() {
        byte[] sealedKind = new byte[200];
        sealedKind[0] = 1;
        sealedKind[1] = 1;
        assertThat(PublicDocumentFormat.isPublicDocument(sealedKind)).isFalse();
        assertThatThrownBy(() -> PublicDocumentFormat.open(sealedKind)).isInstanceOf(InvalidDocumentException.class);
    }
}
