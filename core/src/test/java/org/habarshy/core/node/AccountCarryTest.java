package org.habarshy.core.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.habarshy.core.crypto.MalformedEnvelopeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The relay hooks: storing an envelope of a kind core does not open, and walking held envelopes by position. */
class AccountCarryTest {
    @TempDir
    Path dir;

    private static byte[] envelopeOfKind(int kind, long createdAt, long expiresAt, int size) {
        ByteBuffer b = ByteBuffer.allocate(size);
        b.put((byte) 1).put((byte) kind).putLong(createdAt).putLong(expiresAt);
        return b.array();
    }

    @Test
    void carriesAnUnknownKindOnceAndListsItByPosition() throws Exception {
        Clock clock = Clock.systemUTC();
        long now = clock.millis();
        try (Account account = Account.create(dir, "Relay", clock)) {
            byte[] doc = envelopeOfKind(2, now, now + Duration.ofDays(1).toMillis(), 200);
            assertThat(account.carry(doc)).isTrue();
            assertThat(account.carry(doc)).as("stored once by id").isFalse();
            List<CarriedEnvelope> all = account.carriedAfter(0, 10);
            assertThat(all).hasSize(1);
            assertThat(all.get(0).bytes()).isEqualTo(doc);
            assertThat(account.carriedAfter(all.get(0).seq(), 10)).isEmpty();
        }
    }

    @Test
    void refusesWhatAReceivingNodeWouldRefuse() throws Exception {
        Clock clock = Clock.systemUTC();
        long now = clock.millis();
        try (Account account = Account.create(dir, "Relay", clock)) {
            byte[] expired = envelopeOfKind(2, now - 10_000, now - 1, 200);
            byte[] future = envelopeOfKind(2, now + Duration.ofDays(2).toMillis(), now + Duration.ofDays(3).toMillis(),
                    200);
            byte[] tooLong = envelopeOfKind(2, now, now + Duration.ofDays(31).toMillis(), 200);
            byte[] truncated = new byte[10];
            for (byte[] bad : List.of(expired, future, tooLong, truncated)) {
                assertThatThrownBy(() -> account.carry(bad)).isInstanceOf(MalformedEnvelopeException.class);
            }
            assertThat(account.carriedAfter(0, 10)).isEmpty();
        }
    }
}
