package org.habarshy.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ForwardingPolicyTest {
    private static final PeerSignals QUIET = new PeerSignals(2);
    private static final PeerSignals BUSY = new PeerSignals(29);

    @Test
    void epidemicHandsEveryPeerAFullCopyAndNeverPurges() {
        EpidemicPolicy policy = new EpidemicPolicy();
        assertThat(policy.initialBudget().unlimited()).isTrue();
        Handover h = policy.handover(policy.initialBudget(), QUIET, BUSY);
        assertThat(h.copies()).isEqualTo(CopyBudget.UNLIMITED);
        assertThat(h.handsOverCopies()).isTrue();
        assertThat(policy.purgesDelivered()).isFalse();
    }

    @Test
    void sprayAndWaitHalvesThenOnlyOffersForDelivery() {
        SprayAndWaitPolicy policy = new SprayAndWaitPolicy(16);
        assertThat(policy.initialBudget().copies()).isEqualTo(16);
        assertThat(policy.handover(new CopyBudget(16), QUIET, BUSY).copies()).isEqualTo(8);
        assertThat(policy.handover(new CopyBudget(3), BUSY, QUIET).copies()).isEqualTo(1);
        Handover last = policy.handover(new CopyBudget(1), QUIET, BUSY);
        assertThat(last.offered()).isTrue();
        assertThat(last.handsOverCopies()).isFalse();
        assertThat(policy.purgesDelivered()).isFalse();
    }

    @Test
    void oursGivesMoreCopiesToBusierPeersKeepsOneAndPurges() {
        CentralitySprayPolicy policy = new CentralitySprayPolicy(32);
        assertThat(policy.handover(new CopyBudget(32), QUIET, BUSY).copies()).isEqualTo(29);
        assertThat(policy.handover(new CopyBudget(32), BUSY, QUIET).copies()).isEqualTo(3);
        assertThat(policy.handover(new CopyBudget(32), BUSY, BUSY).copies()).isEqualTo(16);
        assertThat(policy.handover(new CopyBudget(2), QUIET, BUSY).copies()).isEqualTo(1);
        assertThat(policy.purgesDelivered()).isTrue();
    }

    @Test
    void oursPassesTheLastCopyOnlyToAMuchBusierPeer() {
        CentralitySprayPolicy policy = new CentralitySprayPolicy(32);
        CopyBudget last = new CopyBudget(1);
        assertThat(policy.handover(last, QUIET, BUSY).copies()).isEqualTo(1);
        assertThat(policy.handover(last, BUSY, QUIET)).isEqualTo(Handover.deliveryOnly());
        assertThat(policy.handover(last, BUSY, BUSY)).isEqualTo(Handover.deliveryOnly());
        assertThat(policy.handover(last, new PeerSignals(10), new PeerSignals(19))).isEqualTo(Handover.deliveryOnly());
        assertThat(policy.handover(last, new PeerSignals(10), new PeerSignals(20)).copies()).isEqualTo(1);
        assertThat(policy.handover(last, new PeerSignals(0), new PeerSignals(2)).copies()).isEqualTo(1);
    }

    @Test
    void handoverValuesAreChecked() {
        assertThat(Handover.skip().offered()).isFalse();
        assertThatThrownBy(() -> Handover.copies(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Handover(-2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PeerSignals(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SprayAndWaitPolicy(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
