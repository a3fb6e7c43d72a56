package org.habarshy.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Delivery notices (anti-packets) and expiry remove carried copies. */
class PurgeTest {
    @Test
    void aNoticeLearntAtAContactPurgesTheCarriedCopy() {
        SimNode carrier = new SimNode(0, 10, 1_000);
        SimNode recipient = new SimNode(1, 10, 1_000);
        carrier.carry(3, 4, 1);
        carrier.carry(5, 1, 2);
        recipient.delivered.set(3);
        long bytes = PolicyRun.swapNotices(carrier, recipient);
        carrier.dropExpiredAndDelivered(0, true);
        assertThat(carrier.carried.get(3)).isFalse();
        assertThat(carrier.carried.get(5)).isTrue();
        assertThat(carrier.delivered.get(3)).isTrue();
        // One notice frame with one id travelled; nothing went back.
        assertThat(bytes).isEqualTo(4 + 4 + 16 + 34);
        assertThat(PolicyRun.swapNotices(carrier, recipient)).isZero();
    }

    @Test
    void withoutPurgingNoticesAreIgnoredButExpiryStillDrops() {
        SimNode carrier = new SimNode(0, 10, 1_000);
        carrier.carry(2, 1, 0);
        carrier.carry(7, 1, 0);
        carrier.delivered.set(7);
        carrier.dropExpiredAndDelivered(3, false);
        assertThat(carrier.carried.get(2)).isFalse();
        assertThat(carrier.carried.get(7)).isTrue();
        // Seen stays: an expired or purged envelope is never requested again.
        assertThat(carrier.seen.get(2)).isTrue();
    }
}
