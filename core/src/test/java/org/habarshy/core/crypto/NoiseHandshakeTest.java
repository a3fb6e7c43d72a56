package org.habarshy.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Behaviour of {@link NoiseHandshake} and {@link NoiseTransport} beyond the cacophony vectors. */
class NoiseHandshakeTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] PROLOGUE = DomainLabels.LINK_PROLOGUE.getBytes(StandardCharsets.UTF_8);

    private final AgreementKeyPair alice = AgreementKeyPair.generate(RANDOM);
    private final AgreementKeyPair bob = AgreementKeyPair.generate(RANDOM);

    /** The three handshake messages of one run, and both completed sides. */
    private record Run(NoiseHandshake initiator, NoiseHandshake responder, List<byte[]> messages) {
    }

    private Run handshake() throws GeneralSecurityException {
        NoiseHandshake initiator = NoiseHandshake.initiator(alice, PROLOGUE, RANDOM);
        NoiseHandshake responder = NoiseHandshake.responder(bob, PROLOGUE, RANDOM);
        byte[] m1 = initiator.writeMessage(bytes("one"));
        assertThat(responder.readMessage(m1)).isEqualTo(bytes("one"));
        byte[] m2 = responder.writeMessage(bytes("two"));
        assertThat(initiator.readMessage(m2)).isEqualTo(bytes("two"));
        byte[] m3 = initiator.writeMessage(new byte[0]);
        assertThat(responder.readMessage(m3)).isEmpty();
        return new Run(initiator, responder, List.of(m1, m2, m3));
    }

    @Test
    void completesAndAuthenticatesBothStaticKeys() throws Exception {
        Run run = handshake();
        assertThat(run.initiator().isComplete()).isTrue();
        assertThat(run.responder().isComplete()).isTrue();
        assertThat(run.initiator().remoteStaticKey()).isEqualTo(bob.publicKey().bytes());
        assertThat(run.responder().remoteStaticKey()).isEqualTo(alice.publicKey().bytes());
        assertThat(run.initiator().handshakeHash()).isEqualTo(run.responder().handshakeHash()).hasSize(32);
        assertThat(run.messages().get(0)).hasSize(32 + 3);
        assertThat(run.messages().get(1)).hasSize(32 + 48 + 3 + 16);
        assertThat(run.messages().get(2)).hasSize(48 + 16);
    }

    @Test
    void transportWorksBothWaysIncludingEmptyAndLargeMessages() throws Exception {
        Run run = handshake();
        NoiseTransport a = run.initiator().split();
        NoiseTransport b = run.responder().split();
        byte[] large = new byte[1024 * 1024];
        RANDOM.nextBytes(large);
        for (byte[] plaintext : List.of(new byte[0], bytes("hello"), large)) {
            byte[] ab = a.encrypt(plaintext);
            assertThat(ab).hasSize(plaintext.length + NoiseTransport.OVERHEAD_BYTES);
            assertThat(b.decrypt(ab)).isEqualTo(plaintext);
            byte[] ba = b.encrypt(plaintext);
            assertThat(a.decrypt(ba)).isEqualTo(plaintext);
        }
    }

    @Test
    void transportBetweenRegionsOfLargerArraysMatchesTheArrayForm() throws Exception {
        Run first = handshake();
        NoiseTransport a = first.initiator().split();
        NoiseTransport b = first.responder().split();
        byte[] plaintext = new byte[70_000];
        RANDOM.nextBytes(plaintext);
        byte[] in = new byte[5 + plaintext.length];
        System.arraycopy(plaintext, 0, in, 5, plaintext.length);
        byte[] wire = new byte[3 + plaintext.length + NoiseTransport.OVERHEAD_BYTES];
        for (int i = 0; i < 3; i++) {
            assertThat(a.encrypt(in, 5, plaintext.length, wire, 3))
                    .isEqualTo(plaintext.length + NoiseTransport.OVERHEAD_BYTES);
            byte[] out = new byte[plaintext.length + 1];
            assertThat(b.decrypt(wire, 3, wire.length - 3, out, 1)).isEqualTo(plaintext.length);
            assertThat(Arrays.copyOfRange(out, 1, out.length)).isEqualTo(plaintext);
            // Both forms share the counter: the array form continues the same stream.
            assertThat(b.decrypt(a.encrypt(bytes("next")))).isEqualTo(bytes("next"));
        }
    }

    @Test
    void aRejectedTransportMessageLeavesZerosInTheCallerBufferAndTheCounterUnchanged() throws Exception {
        Run run = handshake();
        NoiseTransport a = run.initiator().split();
        NoiseTransport b = run.responder().split();
        byte[] ciphertext = a.encrypt(bytes("attack at dawn"));
        byte[] tampered = ciphertext.clone();
        tampered[0] ^= 1;
        byte[] out = new byte[ciphertext.length];
        Arrays.fill(out, (byte) 0x55);
        assertThatThrownBy(() -> b.decrypt(tampered, 0, tampered.length, out, 0))
                .isInstanceOf(GeneralSecurityException.class);
        assertThat(Arrays.copyOf(out, ciphertext.length - NoiseTransport.OVERHEAD_BYTES)).containsOnly((byte) 0);
        assertThat(b.decrypt(ciphertext, 0, ciphertext.length, out, 0)).isEqualTo(14);
        assertThat(Arrays.copyOf(out, 14)).isEqualTo(bytes("attack at dawn"));
    }

    @Test
    void turnOrderIsEnforced() throws Exception {
        NoiseHandshake initiator = NoiseHandshake.initiator(alice, PROLOGUE, RANDOM);
        NoiseHandshake responder = NoiseHandshake.responder(bob, PROLOGUE, RANDOM);
        assertThatThrownBy(() -> initiator.readMessage(new byte[96])).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> responder.writeMessage(new byte[0])).isInstanceOf(IllegalStateException.class);
        byte[] m1 = initiator.writeMessage(new byte[0]);
        assertThatThrownBy(() -> initiator.writeMessage(new byte[0])).isInstanceOf(IllegalStateException.class);
        responder.readMessage(m1);
        assertThatThrownBy(() -> responder.readMessage(m1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void stateQueriesRequireTheRightPhase() throws Exception {
        NoiseHandshake initiator = NoiseHandshake.initiator(alice, PROLOGUE, RANDOM);
        assertThatThrownBy(initiator::remoteStaticKey).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(initiator::handshakeHash).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(initiator::split).isInstanceOf(IllegalStateException.class);
        Run run = handshake();
        run.initiator().split();
        assertThatThrownBy(() -> run.initiator().split()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> run.initiator().writeMessage(new byte[0]))
                .isInstanceOf(IllegalStateException.class);
        assertThat(run.initiator().handshakeHash()).isEqualTo(run.responder().handshakeHash());
    }

    @Test
    void everyFlippedByteOfAnEncryptedHandshakeMessageIsRejected() throws Exception {
        Run reference = handshake();
        for (int messageIndex = 1; messageIndex <= 2; messageIndex++) {
            int length = reference.messages().get(messageIndex).length;
            for (int i = 0; i < length; i++) {
                assertTamperedHandshakeFails(messageIndex, i);
            }
        }
    }

    @Test
    void everyFlippedByteOfTheFirstMessageBreaksTheHandshake() throws Exception {
        Run reference = handshake();
        for (int i = 0; i < reference.messages().get(0).length; i++) {
            assertTamperedHandshakeFails(0, i);
        }
    }

    /** Runs a fresh handshake with one byte of message {@code messageIndex} flipped; it must not complete. */
    private void assertTamperedHandshakeFails(int messageIndex, int byteIndex) {
        assertModifiedHandshakeFails(messageIndex, message -> {
            message[byteIndex] ^= 0x01;
            return message;
        }, "byte " + byteIndex);
    }

    /** Runs a fresh handshake with message {@code messageIndex} replaced by {@code change}; it must fail. */
    private void assertModifiedHandshakeFails(int messageIndex, UnaryOperator<byte[]> change, String what) {
        NoiseHandshake[] sides = {
            NoiseHandshake.initiator(alice, PROLOGUE, RANDOM), NoiseHandshake.responder(bob, PROLOGUE, RANDOM),
        };
        boolean failed = false;
        try {
            for (int i = 0; i < 3; i++) {
                byte[] message = sides[i % 2].writeMessage(bytes("payload"));
                if (i == messageIndex) {
                    message = change.apply(message);
                }
                sides[(i + 1) % 2].readMessage(message);
            }
        } catch (GeneralSecurityException e) {
            failed = true;
        }
        assertThat(failed).as("message %d %s", messageIndex, what).isTrue();
        assertThat(sides[0].isComplete() && sides[1].isComplete()).isFalse();
    }

    @Test
    void truncatedOrOversizedHandshakeMessagesAreRejected() throws Exception {
        Run reference = handshake();
        for (int messageIndex = 0; messageIndex < 3; messageIndex++) {
            byte[] full = reference.messages().get(messageIndex);
            for (int length = 0; length < full.length; length++) {
                if (messageIndex == 0 && length >= 32) {
                    // The first message's payload is unauthenticated plaintext: a shorter payload is read, and
                    // the changed handshake hash makes the second message fail instead.
                    int cut = length;
                    assertModifiedHandshakeFails(0, m -> Arrays.copyOf(m, cut), "length " + length);
                    continue;
                }
                NoiseHandshake receiver = receiverAt(messageIndex);
                byte[] truncated = Arrays.copyOf(full, length);
                assertThatThrownBy(() -> receiver.readMessage(truncated))
                        .as("message %d length %d", messageIndex, length)
                        .isInstanceOf(GeneralSecurityException.class);
                assertThatThrownBy(() -> receiver.readMessage(full)).isInstanceOf(IllegalStateException.class);
            }
        }
        NoiseHandshake responder = NoiseHandshake.responder(bob, PROLOGUE, RANDOM);
        assertThatThrownBy(() -> responder.readMessage(new byte[65536]))
                .isInstanceOf(GeneralSecurityException.class);
    }

    /** Returns a side that is about to read message {@code index} of a fresh handshake. */
    private NoiseHandshake receiverAt(int index) throws GeneralSecurityException {
        NoiseHandshake initiator = NoiseHandshake.initiator(alice, PROLOGUE, RANDOM);
        NoiseHandshake responder = NoiseHandshake.responder(bob, PROLOGUE, RANDOM);
        if (index == 0) {
            return responder;
        }
        responder.readMessage(initiator.writeMessage(new byte[0]));
        if (index == 1) {
            return initiator;
        }
        initiator.readMessage(responder.writeMessage(new byte[0]));
        return responder;
    }

    @Test
    void handshakeMessagesAreLimitedTo65535Bytes() throws Exception {
        NoiseHandshake initiator = NoiseHandshake.initiator(alice, PROLOGUE, RANDOM);
        assertThatThrownBy(() -> initiator.writeMessage(new byte[65535 - 32 + 1]))
                .isInstanceOf(IllegalArgumentException.class);
        byte[] m1 = initiator.writeMessage(new byte[65535 - 32]);
        assertThat(m1).hasSize(65535);
        NoiseHandshake responder = NoiseHandshake.responder(bob, PROLOGUE, RANDOM);
        responder.readMessage(m1);
        assertThatThrownBy(() -> responder.writeMessage(new byte[65535 - 96 + 1]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(responder.writeMessage(new byte[65535 - 96])).hasSize(65535);
    }

    @Test
    void remoteStaticKeyIsNotReportedWhenItsMessageFailsAuthentication() throws Exception {
        NoiseHandshake initiator = NoiseHandshake.initiator(alice, PROLOGUE, RANDOM);
        NoiseHandshake responder = NoiseHandshake.responder(bob, PROLOGUE, RANDOM);
        responder.readMessage(initiator.writeMessage(new byte[0]));
        byte[] m2 = responder.writeMessage(bytes("payload"));
        m2[m2.length - 1] ^= 0x01;
        assertThatThrownBy(() -> initiator.readMessage(m2)).isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(initiator::remoteStaticKey).isInstanceOf(IllegalStateException.class);
        assertThat(initiator.isComplete()).isFalse();
    }

    @Test
    void mismatchedProloguesFail() throws Exception {
        NoiseHandshake initiator = NoiseHandshake.initiator(alice, PROLOGUE, RANDOM);
        NoiseHandshake responder = NoiseHandshake.responder(bob, bytes("habarshy/v1/other"), RANDOM);
        responder.readMessage(initiator.writeMessage(new byte[0]));
        byte[] m2 = responder.writeMessage(new byte[0]);
        assertThatThrownBy(() -> initiator.readMessage(m2)).isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> initiator.writeMessage(new byte[0])).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void lowOrderEphemeralIsRejected() throws Exception {
        NoiseHandshake responder = NoiseHandshake.responder(bob, PROLOGUE, RANDOM);
        responder.readMessage(new byte[32]);
        assertThatThrownBy(() -> responder.writeMessage(new byte[0])).isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> responder.writeMessage(new byte[0])).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void everyFlippedByteOfATransportMessageIsRejectedWithoutAdvancingTheCounter() throws Exception {
        Run run = handshake();
        NoiseTransport a = run.initiator().split();
        NoiseTransport b = run.responder().split();
        byte[] ciphertext = a.encrypt(bytes("attack at dawn"));
        for (int i = 0; i < ciphertext.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] tampered = ciphertext.clone();
                tampered[i] ^= (byte) (1 << bit);
                assertThatThrownBy(() -> b.decrypt(tampered)).isInstanceOf(GeneralSecurityException.class);
            }
        }
        for (int length = 0; length < ciphertext.length; length++) {
            byte[] truncated = Arrays.copyOf(ciphertext, length);
            assertThatThrownBy(() -> b.decrypt(truncated)).isInstanceOf(GeneralSecurityException.class);
        }
        assertThat(b.decrypt(ciphertext)).isEqualTo(bytes("attack at dawn"));
    }

    @Test
    void replayedReorderedOrReflectedTransportMessagesAreRejected() throws Exception {
        Run run = handshake();
        NoiseTransport a = run.initiator().split();
        NoiseTransport b = run.responder().split();
        byte[] first = a.encrypt(bytes("1"));
        byte[] second = a.encrypt(bytes("2"));
        assertThatThrownBy(() -> b.decrypt(second)).isInstanceOf(GeneralSecurityException.class);
        assertThat(b.decrypt(first)).isEqualTo(bytes("1"));
        assertThatThrownBy(() -> b.decrypt(first)).isInstanceOf(GeneralSecurityException.class);
        assertThat(b.decrypt(second)).isEqualTo(bytes("2"));
        byte[] own = a.encrypt(bytes("3"));
        assertThatThrownBy(() -> a.decrypt(own)).isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void counterNeverWraps() throws Exception {
        Run run = handshake();
        NoiseTransport a = run.initiator().split();
        NoiseTransport b = run.responder().split();
        a.sendState().setNonceForTest(-2L);
        b.receiveState().setNonceForTest(-2L);
        byte[] last = a.encrypt(bytes("last"));
        assertThat(b.decrypt(last)).isEqualTo(bytes("last"));
        assertThat(a.sendState().nonce()).isEqualTo(-1L);
        assertThatThrownBy(() -> a.encrypt(bytes("more"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> b.decrypt(last)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void nonceIsFourZeroBytesThenLittleEndianCounter() {
        assertThat(HexFormat.of().formatHex(NoiseCipherState.encodeNonce(0x0102030405060708L)))
                .isEqualTo("000000000807060504030201");
        assertThat(HexFormat.of().formatHex(NoiseCipherState.encodeNonce(0)))
                .isEqualTo("000000000000000000000000");
    }

    @Test
    void separateSessionsDeriveDifferentKeys() throws Exception {
        NoiseTransport first = handshake().initiator().split();
        NoiseTransport second = handshake().initiator().split();
        assertThat(first.encrypt(bytes("same"))).isNotEqualTo(second.encrypt(bytes("same")));
        assertThatCode(() -> NoiseHandshake.initiator(alice, new byte[0], RANDOM).writeMessage(new byte[0]))
                .doesNotThrowAnyException();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
