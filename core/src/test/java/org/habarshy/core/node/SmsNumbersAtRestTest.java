package org.habarshy.core.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import org.habarshy.core.api.identity.AgreementKey;
import org.habarshy.core.api.message.PlainSms;
import org.habarshy.core.crypto.AgreementKeyPair;
import org.habarshy.core.crypto.EnvelopeOpener;
import org.habarshy.core.crypto.OpenedEnvelope;
import org.habarshy.core.sms.SmsRelayRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Phone numbers bound to aliases and the unencrypted plain-SMS history are sealed in the database file; a plain SMS
 * request is an envelope that only the relay's SMS request key opens, signed by the user.
 */
class SmsNumbersAtRestTest {
    private static final String NUMBER = "+77017654321";
    private static final String TEXT = "Редакцияға: материал дайын";

    @TempDir
    Path tmp;

    @Test
    void numbersAndPlainSmsAreSealedAtRestAndTheRequestOpensOnlyForTheRelay() throws Exception {
        Path dir = tmp.resolve("alice");
        AgreementKeyPair relay = AgreementKeyPair.generate(new java.security.SecureRandom());
        PlainSms sent;
        byte[] requestEnvelope;
        try (Account alice = Account.create(dir, "Alice", Clock.systemUTC())) {
            assertThatThrownBy(() -> alice.sendUnencryptedSms(NUMBER, TEXT))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("no SMS relay is set");
            assertThatThrownBy(() -> alice.bindSmsNumber("editor", "8701")).isInstanceOf(
                    IllegalArgumentException.class);
            alice.bindSmsNumber("editor", NUMBER);
            alice.bindSmsNumber("editor", NUMBER); // replaces
            assertThat(alice.smsNumber("editor")).contains(NUMBER);
            assertThat(alice.smsNumber("nobody")).isEmpty();
            alice.setSmsRelayKey(new AgreementKey(relay.publicKey().bytes()));
            sent = alice.sendUnencryptedSms(NUMBER, TEXT);
            assertThat(alice.plainSmsHistory()).containsExactly(sent);
            requestEnvelope = alice.carriedAfter(0, 10).get(0).bytes();
            assertThat(new EnvelopeOpener(AgreementKeyPair.generate(new java.security.SecureRandom()))
                    .open(requestEnvelope)).isEmpty();
            OpenedEnvelope opened = new EnvelopeOpener(relay).open(requestEnvelope).orElseThrow();
            assertThat(opened.sender()).isEqualTo(alice.card().identityKey());
            assertThat(SmsRelayRequest.decode(opened.content())).isEqualTo(new SmsRelayRequest(NUMBER, TEXT));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Account.DATABASE_FILE));
             Statement s = c.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        byte[] file = Files.readAllBytes(dir.resolve(Account.DATABASE_FILE));
        for (String needle : new String[] {NUMBER, NUMBER.substring(1), TEXT}) {
            assertThat(contains(file, needle.getBytes(StandardCharsets.UTF_8))).as(needle).isFalse();
        }
        try (Account alice = Account.open(dir, Clock.systemUTC())) {
            assertThat(alice.plainSmsHistory()).containsExactly(sent);
            assertThat(alice.smsNumber("editor")).isEqualTo(Optional.of(NUMBER));
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }
}
