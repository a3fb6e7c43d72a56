package org.habarshy.core.compact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.habarshy.core.api.message.EnvelopeId;
import org.habarshy.core.api.message.ReceiptContent;
import org.habarshy.core.crypto.AgreementKeyPair;
import org.habarshy.core.crypto.CompactSealer;
import org.habarshy.core.crypto.EnvelopeFormat;
import org.habarshy.core.crypto.EnvelopeHeader;
import org.habarshy.core.crypto.MalformedEnvelopeException;
import org.junit.jupiter.api.Test;

/** The compact carrier envelope (kind 0x05) and the compact receipt plaintext, docs/PROTOCOL.md §15. */
class CompactCarrierTest {
    private static final long CREATED = 1_767_225_600_000L; // 2026-01-01T00:00Z
    private final SecureRandom random = new SecureRandom();
    private final AgreementKeyPair alice = AgreementKeyPair.generate(random);
    private final AgreementKeyPair bob = AgreementKeyPair.generate(random);

    private byte[] compact(int plaintextBytes) {
        return new CompactSealer(alice, random).seal(bob.publicKey(), new byte[plaintextBytes], CREATED, 168);
    }

    @Test
    void aSmallCompactMessageIsPaddedToTheSmallestEnvelopeAndComesBackUnchanged() throws Exception {
        byte[] compact = compact(40);
        byte[] carrier = CompactCarrier.wrap(compact);
        assertThat(carrier).hasSize(EnvelopeFormat.MIN_BYTES);
        assertThat(HexFormat.of().formatHex(carrier, 0, 2)).isEqualTo("0105");
        EnvelopeHeader header = EnvelopeFormat.parseHeader(carrier);
        assertThat(header.kind()).isEqualTo(CompactCarrier.KIND);
        assertThat(header.supported()).as("nodes that do not know kind 5 carry it unopened").isFalse();
        assertThat(header.createdAt()).isEqualTo(CREATED);
        assertThat(header.expiresAt()).isEqualTo(CREATED + 168 * 3_600_000L);
        assertThat(CompactCarrier.unwrap(carrier)).isEqualTo(compact);
        assertThat(CompactCarrier.wrap(compact)).as("the wrapper is a function of the compact bytes")
                .isEqualTo(carrier);
    }

    @Test
    void aLargeCompactMessageIsNotPadded() throws Exception {
        byte[] compact = compact(300);
        byte[] carrier = CompactCarrier.wrap(compact);
        assertThat(carrier).hasSize(CompactCarrier.HEADER_BYTES + compact.length);
        assertThat(CompactCarrier.unwrap(carrier)).isEqualTo(compact);
    }

    @Test
    void badCarriersAreRefusedWithAReason() throws Exception {
        byte[] carrier = CompactCarrier.wrap(compact(40));
        byte[] otherKind = carrier.clone();
        otherKind[1] = 1;
        assertThatThrownBy(() -> CompactCarrier.unwrap(otherKind)).hasMessageContaining("not a compact carrier");
        byte[] shortOne = Arrays.copyOf(carrier, 193);
        assertThatThrownBy(() -> CompactCarrier.unwrap(shortOne)).hasMessageContaining("length out of range");
        byte[] longer = CompactCarrier.wrap(compact(300)); // unpadded: the length must account for every byte
        longer[19]++;
        assertThatThrownBy(() -> CompactCarrier.unwrap(longer)).hasMessageContaining("does not match");
        byte[] trailing = Arrays.copyOf(carrier, carrier.length + 1);
        assertThatThrownBy(() -> CompactCarrier.unwrap(trailing)).hasMessageContaining("does not match");
        byte[] dirtyPadding = carrier.clone();
        dirtyPadding[carrier.length - 1] = 7;
        assertThatThrownBy(() -> CompactCarrier.unwrap(dirtyPadding)).hasMessageContaining("padding");
        byte[] otherTime = carrier.clone();
        otherTime[9]++;
        assertThatThrownBy(() -> CompactCarrier.unwrap(otherTime)).hasMessageContaining("times differ");
        byte[] badCompact = carrier.clone();
        badCompact[CompactCarrier.HEADER_BYTES] = 0x01;
        assertThatThrownBy(() -> CompactCarrier.unwrap(badCompact)).isInstanceOf(MalformedEnvelopeException.class);
        assertThatThrownBy(() -> CompactCarrier.wrap(new byte[10])).isInstanceOf(MalformedEnvelopeException.class);
    }

    @Test
    void aCompactReceiptForThreeMessagesFitsOneSms() throws Exception {
        CompactReceiptCodec codec = new CompactReceiptCodec();
        List<EnvelopeId> ids = List.of(id(1), id(2), id(3));
        byte[] plaintext = codec.encode(new ReceiptContent(ReceiptContent.Kind.READ, ids));
        assertThat(HexFormat.of().formatHex(plaintext, 0, 3)).isEqualTo("100203");
        assertThat(codec.decode(plaintext)).isEqualTo(new ReceiptContent(ReceiptContent.Kind.READ, ids));
        byte[] sealed = new CompactSealer(alice, random).seal(bob.publicKey(), plaintext, CREATED, 168);
        assertThat(sealed.length).isLessThanOrEqualTo(140);
        assertThatThrownBy(() -> codec.encode(new ReceiptContent(List.of(id(1), id(2), id(3), id(4)))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void badCompactReceiptsAreRefused() {
        CompactReceiptCodec codec = new CompactReceiptCodec();
        byte[] good = codec.encode(new ReceiptContent(List.of(id(9))));
        byte[] kind = good.clone();
        kind[1] = 3;
        assertThatThrownBy(() -> codec.decode(kind)).hasMessageContaining("kind");
        byte[] count = good.clone();
        count[2] = 2;
        assertThatThrownBy(() -> codec.decode(count)).hasMessageContaining("length");
        byte[] zero = good.clone();
        zero[2] = 0;
        assertThatThrownBy(() -> codec.decode(zero)).hasMessageContaining("length");
        assertThatThrownBy(() -> codec.decode(Arrays.copyOf(good, good.length + 1))).hasMessageContaining("length");
        assertThatThrownBy(() -> codec.decode(new byte[] {0x10, 1})).hasMessageContaining("not a compact receipt");
        assertThatThrownBy(() -> codec.decode(new byte[] {0x11, 1, 1})).hasMessageContaining("not a compact receipt");
    }

    private static EnvelopeId id(int fill) {
        byte[] b = new byte[32];
        Arrays.fill(b, (byte) fill);
        return new EnvelopeId(b);
    }
}
