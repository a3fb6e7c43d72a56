package org.habarshy.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.habarshy.core.api.identity.AgreementKey;
import org.habarshy.core.api.message.EnvelopeId;
import org.junit.jupiter.api.Test;

/** Sealing and opening envelopes: round trips, addressing, sizes and forged signatures. */
class EnvelopeTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long CREATED = 1_767_225_600_000L;
    private static final long EXPIRES = CREATED + 86_400_000L;
    private static final byte[] CONTENT = "meet at the well".getBytes(StandardCharsets.UTF_8);

    private final SigningKeyPair alice = SigningKeyPair.generate(RANDOM);
    private final AgreementKeyPair aliceAgreement = AgreementKeyPair.generate(RANDOM);
    private final AgreementKeyPair bob = AgreementKeyPair.generate(RANDOM);
    private final AgreementKeyPair carol = AgreementKeyPair.generate(RANDOM);
    private final EnvelopeSealer sealer = new EnvelopeSealer(alice, aliceAgreement, RANDOM);

    @Test
    void roundTrip() throws Exception {
        byte[] envelope = sealer.seal(bob.publicKey(), CONTENT, CREATED, EXPIRES);
        assertThat(envelope).hasSize(EnvelopeFormat.MIN_BYTES + CONTENT.length);
        OpenedEnvelope opened = new EnvelopeOpener(bob).open(envelope).orElseThrow();
        assertThat(opened.content()).isEqualTo(CONTENT);
        assertThat(opened.sender()).isEqualTo(alice.publicKey());
        assertThat(opened.senderAgreementKey()).isEqualTo(aliceAgreement.publicKey());
        assertThat(opened.createdAt()).isEqualTo(CREATED);
        assertThat(opened.expiresAt()).isEqualTo(EXPIRES);
        assertThat(opened.id()).isEqualTo(EnvelopeFormat.idOf(envelope));
        assertThat(opened.id()).isEqualTo(new EnvelopeId(Hashing.sha256(DomainLabels.ENVELOPE_ID, envelope)));
        assertThat(opened.toString()).doesNotContain("meet");
    }

    @Test
    void headerIsParsedWithoutKeys() throws Exception {
        byte[] envelope = sealer.seal(bob.publicKey(), CONTENT, CREATED, EXPIRES);
        assertThat(EnvelopeFormat.parseHeader(envelope)).isEqualTo(new EnvelopeHeader(1, 1, CREATED, EXPIRES));
        assertThat(EnvelopeFormat.parseHeader(envelope).supported()).isTrue();
    }

    @Test
    void emptyAndMaximalContent() throws Exception {
        byte[] empty = sealer.seal(bob.publicKey(), new byte[0], CREATED, EXPIRES);
        assertThat(empty).hasSize(EnvelopeFormat.MIN_BYTES);
        assertThat(new EnvelopeOpener(bob).open(empty).orElseThrow().content()).isEmpty();
        byte[] content = new byte[EnvelopeFormat.MAX_CONTENT_BYTES];
        RANDOM.nextBytes(content);
        byte[] largest = sealer.seal(bob.publicKey(), content, CREATED, EXPIRES);
        assertThat(largest).hasSize(EnvelopeFormat.MAX_BYTES);
        assertThat(new EnvelopeOpener(bob).open(largest).orElseThrow().content()).isEqualTo(content);
        assertThatThrownBy(() -> sealer.seal(bob.publicKey(), new byte[EnvelopeFormat.MAX_CONTENT_BYTES + 1],
                CREATED, EXPIRES)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void invalidLifetimesAreRefused() {
        assertThatThrownBy(() -> sealer.seal(bob.publicKey(), CONTENT, CREATED, CREATED))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sealer.seal(bob.publicKey(), CONTENT, CREATED, CREATED - 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sealer.seal(bob.publicKey(), CONTENT, -1, EXPIRES))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lowOrderRecipientKeyIsRefused() {
        assertThatThrownBy(() -> sealer.seal(new AgreementKey(new byte[32]), CONTENT, CREATED, EXPIRES))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void envelopesForSomeoneElseOpenToEmpty() throws Exception {
        byte[] envelope = sealer.seal(bob.publicKey(), CONTENT, CREATED, EXPIRES);
        assertThat(new EnvelopeOpener(carol).open(envelope)).isEmpty();
        assertThat(new EnvelopeOpener(aliceAgreement).open(envelope)).isEmpty();
    }

    @Test
    void lowOrderEphemeralKeyOpensToEmpty() throws Exception {
        byte[] envelope = sealer.seal(bob.publicKey(), CONTENT, CREATED, EXPIRES);
        Arrays.fill(envelope, EnvelopeFormat.OFFSET_EPHEMERAL_KEY, EnvelopeFormat.HEADER_BYTES, (byte) 0);
        assertThat(new EnvelopeOpener(bob).open(envelope)).isEmpty();
    }

    @Test
    void signatureByAnotherKeyIsRejected() {
        SigningKeyPair mallory = SigningKeyPair.generate(RANDOM);
        AgreementKeyPair ephemeral = AgreementKeyPair.generate(RANDOM);
        byte[] header = header(ephemeral);
        byte[] recipient = bob.publicKey().bytes();
        byte[] forged = mallory.sign(EnvelopeSignature.message(header, recipient, aliceAgreement.publicKey().bytes(), CONTENT));
        byte[] envelope = EnvelopeSealer.encrypt(header, ephemeral, recipient,
                plaintext(alice.publicKey().bytes(), forged, CONTENT));
        assertThatThrownBy(() -> new EnvelopeOpener(bob).open(envelope))
                .isInstanceOf(GeneralSecurityException.class).hasMessageContaining("envelope rejected");
    }

    @Test
    void everyFlippedSignatureBitIsRejected() {
        AgreementKeyPair ephemeral = AgreementKeyPair.generate(RANDOM);
        byte[] header = header(ephemeral);
        byte[] recipient = bob.publicKey().bytes();
        byte[] signature = alice.sign(EnvelopeSignature.message(header, recipient, aliceAgreement.publicKey().bytes(), CONTENT));
        for (int bit = 0; bit < signature.length * 8; bit++) {
            byte[] bad = signature.clone();
            bad[bit / 8] ^= (byte) (1 << (bit % 8));
            byte[] envelope = EnvelopeSealer.encrypt(header, ephemeral, recipient,
                    plaintext(alice.publicKey().bytes(), bad, CONTENT));
            assertThatThrownBy(() -> new EnvelopeOpener(bob).open(envelope))
                    .isInstanceOf(GeneralSecurityException.class);
        }
    }

    @Test
    void contentChangedUnderAValidAeadIsRejected() {
        AgreementKeyPair ephemeral = AgreementKeyPair.generate(RANDOM);
        byte[] header = header(ephemeral);
        byte[] recipient = bob.publicKey().bytes();
        byte[] signature = alice.sign(EnvelopeSignature.message(header, recipient, aliceAgreement.publicKey().bytes(), CONTENT));
        byte[] envelope = EnvelopeSealer.encrypt(header, ephemeral, recipient,
                plaintext(alice.publicKey().bytes(), signature, "meet at the mill".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> new EnvelopeOpener(bob).open(envelope))
                .isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void recipientCannotRewrapToSomeoneElse() throws Exception {
        byte[] toBob = sealer.seal(bob.publicKey(), CONTENT, CREATED, EXPIRES);
        OpenedEnvelope opened = new EnvelopeOpener(bob).open(toBob).orElseThrow();
        byte[] ciphertextForBob = Arrays.copyOfRange(toBob, EnvelopeFormat.HEADER_BYTES, toBob.length);
        byte[] shared = bob.agree(Arrays.copyOfRange(toBob, EnvelopeFormat.OFFSET_EPHEMERAL_KEY,
                EnvelopeFormat.HEADER_BYTES));
        byte[] originalPlaintext = EnvelopeCipher.decrypt(shared,
                Arrays.copyOf(toBob, EnvelopeFormat.HEADER_BYTES), bob.publicKey().bytes(), ciphertextForBob);
        assertThat(Arrays.copyOfRange(originalPlaintext, EnvelopeFormat.PLAINTEXT_PREFIX_BYTES,
                originalPlaintext.length)).isEqualTo(opened.content());

        AgreementKeyPair ephemeral = AgreementKeyPair.generate(RANDOM);
        byte[] rewrapped = EnvelopeSealer.encrypt(header(ephemeral), ephemeral, carol.publicKey().bytes(),
                originalPlaintext);
        assertThatThrownBy(() -> new EnvelopeOpener(carol).open(rewrapped))
                .isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void unknownVersionOrKindIsCarriedButNotOpened() throws Exception {
        byte[] envelope = sealer.seal(bob.publicKey(), CONTENT, CREATED, EXPIRES);
        for (int version : new int[] {0, 2, 0x7f, 0xff}) {
            byte[] other = envelope.clone();
            other[0] = (byte) version;
            EnvelopeHeader header = EnvelopeFormat.parseHeader(other);
            assertThat(header.version()).isEqualTo(version);
            assertThat(header.supported()).isFalse();
            assertThat(header.expiresAt()).isEqualTo(EXPIRES);
            assertThat(new EnvelopeOpener(bob).open(other)).isEmpty();
        }
        byte[] otherKind = envelope.clone();
        otherKind[1] = 2;
        assertThat(EnvelopeFormat.parseHeader(otherKind).supported()).isFalse();
        assertThat(new EnvelopeOpener(bob).open(otherKind)).isEmpty();
        byte[] shortFuture = Arrays.copyOf(envelope, EnvelopeFormat.HEADER_BYTES);
        shortFuture[0] = 2;
        assertThat(EnvelopeFormat.parseHeader(shortFuture).supported()).isFalse();
        assertThat(new EnvelopeOpener(bob).open(shortFuture)).isEmpty();
    }

    @Test
    void malformedHeadersAreRejected() throws Exception {
        byte[] envelope = sealer.seal(bob.publicKey(), CONTENT, CREATED, EXPIRES);
        assertThatThrownBy(() -> EnvelopeFormat.parseHeader(new byte[EnvelopeFormat.HEADER_BYTES - 1]))
                .isInstanceOf(MalformedEnvelopeException.class);
        byte[] tooLong = Arrays.copyOf(envelope, EnvelopeFormat.MAX_BYTES + 1);
        assertThatThrownBy(() -> EnvelopeFormat.parseHeader(tooLong)).isInstanceOf(MalformedEnvelopeException.class);
        assertThatThrownBy(() -> new EnvelopeOpener(bob).open(tooLong))
                .isInstanceOf(MalformedEnvelopeException.class);
        byte[] shortV1 = Arrays.copyOf(envelope, EnvelopeFormat.MIN_BYTES - 1);
        assertThatThrownBy(() -> EnvelopeFormat.parseHeader(shortV1)).isInstanceOf(MalformedEnvelopeException.class);
        byte[] backwards = envelope.clone();
        System.arraycopy(envelope, EnvelopeFormat.OFFSET_CREATED_AT, backwards, EnvelopeFormat.OFFSET_EXPIRES_AT, 8);
        assertThatThrownBy(() -> EnvelopeFormat.parseHeader(backwards))
                .isInstanceOf(MalformedEnvelopeException.class);
        byte[] huge = envelope.clone();
        huge[EnvelopeFormat.OFFSET_EXPIRES_AT] = (byte) 0x80;
        assertThatThrownBy(() -> EnvelopeFormat.parseHeader(huge)).isInstanceOf(MalformedEnvelopeException.class);
    }

    @Test
    void twoThousandSealsUseDistinctEphemeralKeys() {
        Set<String> ephemeralKeys = new HashSet<>();
        Set<EnvelopeId> ids = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            byte[] envelope = sealer.seal(bob.publicKey(), CONTENT, CREATED, EXPIRES);
            ephemeralKeys.add(Arrays.toString(Arrays.copyOfRange(envelope, EnvelopeFormat.OFFSET_EPHEMERAL_KEY,
                    EnvelopeFormat.HEADER_BYTES)));
            ids.add(EnvelopeFormat.idOf(envelope));
        }
        assertThat(ephemeralKeys).hasSize(2000);
        assertThat(ids).hasSize(2000);
    }

    @Test
    void openedEnvelopeCopiesItsContent() throws Exception {
        OpenedEnvelope opened = new EnvelopeOpener(bob).open(
                sealer.seal(bob.publicKey(), CONTENT, CREATED, EXPIRES)).orElseThrow();
        opened.content()[0] ^= 1;
        assertThat(opened.content()).isEqualTo(CONTENT);
        Optional<OpenedEnvelope> again = Optional.of(new OpenedEnvelope(opened.id(), opened.sender(),
                opened.senderAgreementKey(), CONTENT.clone(), CREATED, EXPIRES));
        assertThat(again).contains(opened);
    }

    private byte[] header(AgreementKeyPair ephemeral) {
        return EnvelopeFormat.encodeHeader(1, 1, CREATED, EXPIRES, ephemeral.publicKey().bytes());
    }

    private byte[] plaintext(byte[] senderIdentity, byte[] signature, byte[] content) {
        byte[] out = new byte[EnvelopeFormat.PLAINTEXT_PREFIX_BYTES + content.length];
        System.arraycopy(senderIdentity, 0, out, 0, 32);
        System.arraycopy(aliceAgreement.publicKey().bytes(), 0, out, 32, 32);
        System.arraycopy(signature, 0, out, 64, 64);
        System.arraycopy(content, 0, out, EnvelopeFormat.PLAINTEXT_PREFIX_BYTES, content.length);
        return out;
    }
}
