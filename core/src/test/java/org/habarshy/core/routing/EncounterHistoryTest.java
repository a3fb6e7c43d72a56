package org.habarshy.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EncounterHistoryTest {
    @Test
    void countsDistinctPeersWithinTheWindowOnly() {
        EncounterHistory history = new EncounterHistory(1_000);
        history.met(7, 0);
        history.met(8, 100);
        history.met(7, 200);
        assertThat(history.signals(200).recentPeers()).isEqualTo(2);
        // Peer 8 was last met at 100 and falls out; peer 7 was met again at 200 and stays.
        assertThat(history.signals(1_150).recentPeers()).isEqualTo(1);
        assertThat(history.signals(1_201).recentPeers()).isZero();
        history.met(8, 1_300);
        assertThat(history.signals(1_300).recentPeers()).isEqualTo(1);
    }

    @Test
    void refusesEncountersOutOfTimeOrderAndEmptyWindows() {
        EncounterHistory history = new EncounterHistory(1_000);
        history.met(1, 500);
        assertThatThrownBy(() -> history.met(2, 499)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EncounterHistory(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
