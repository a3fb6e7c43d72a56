package org.habarshy.core.sync.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.habarshy.core.sync.reconcile.TestItems.item;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ReconcilerTest {
    private static final ReconcileParameters SMALL = new ReconcileParameters(1024, 4, 4, 4, 100_000);

    private static ReconcileDriver.Run run(List<Item> a, List<Item> b) throws ReconcileException {
        return ReconcileDriver.run(SortedItems.of(a), ReconcileParameters.DEFAULT, SortedItems.of(b),
                ReconcileParameters.DEFAULT, 1_000);
    }

    @Test
    void identicalLargeSetsFinishInOneRoundTripWithAnEmptyAnswer() throws Exception {
        List<Item> items = TestItems.random(new SplittableRandom(1), 5_000, 1_000_000, 0, Set.of());
        ReconcileDriver.Run run = run(items, items);
        assertThat(run.messages()).isEqualTo(2);
        assertThat(run.bytesFromB()).isEqualTo(1);
        assertThat(run.haveA()).isEmpty();
        assertThat(run.needA()).isEmpty();
        assertThat(run.doneA()).isTrue();
        assertThat(run.doneB()).isTrue();
    }

    @Test
    void twoEmptySetsExchangeOneEmptyListAndOneEmptyAnswer() throws Exception {
        ReconcileDriver.Run run = run(List.of(), List.of());
        assertThat(run.messages()).isEqualTo(2);
        assertThat(run.doneA()).isTrue();
        assertThat(run.doneB()).isTrue();
    }

    @Test
    void aSmallSetIsSentWholeAndAnsweredWithTheDifference() throws Exception {
        ReconcileDriver.Run run = run(List.of(item(1, 1), item(2, 2)), List.of(item(2, 2), item(3, 3)));
        assertThat(run.messages()).isEqualTo(2);
        assertThat(run.haveA()).containsExactly(item(1, 1));
        assertThat(run.needA()).containsExactly(item(3, 3));
        assertThat(run.haveB()).containsExactly(item(3, 3));
        assertThat(run.needB()).containsExactly(item(1, 1));
    }

    @Test
    void anEmptySideLearnsEverythingInBudgetSizedChunks() throws Exception {
        List<Item> items = TestItems.random(new SplittableRandom(2), 3_000, 10_000, 0, Set.of());
        ReconcileDriver.Run run = ReconcileDriver.run(SortedItems.EMPTY, SMALL, SortedItems.of(items), SMALL, 10_000);
        assertThat(new TreeSet<>(run.needA())).isEqualTo(new TreeSet<>(items));
        assertThat(run.needA()).hasSize(items.size());
        assertThat(run.largestFromA()).isLessThanOrEqualTo(1024);
        assertThat(run.largestFromB()).isLessThanOrEqualTo(1024);
    }

    @Test
    void theInitiatorCannotStartTwiceOrAfterAnswering() throws Exception {
        Reconciler initiator = new Reconciler(SortedItems.EMPTY);
        initiator.initiate();
        assertThatThrownBy(initiator::initiate).isInstanceOf(IllegalStateException.class);
        Reconciler responder = new Reconciler(SortedItems.EMPTY);
        responder.reconcile(new Reconciler(SortedItems.EMPTY).initiate());
        assertThatThrownBy(responder::initiate).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aMessageAfterTheEndIsAProtocolError() throws Exception {
        Reconciler responder = new Reconciler(SortedItems.EMPTY);
        byte[] first = new Reconciler(SortedItems.EMPTY).initiate();
        assertThat(responder.reconcile(first).done()).isTrue();
        assertThatThrownBy(() -> responder.reconcile(first)).isInstanceOf(ReconcileException.class)
                .hasMessageContaining("after the reconciliation finished");
    }

    @Test
    void aMalformedMessageFailsTheSessionWithACheckedException() {
        Reconciler responder = new Reconciler(SortedItems.EMPTY);
        assertThatThrownBy(() -> responder.reconcile(new byte[] {2, (byte) 0x80}))
                .isInstanceOf(ReconcileException.class);
        assertThatThrownBy(() -> responder.reconcile(new byte[] {2})).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aDifferenceOfferingAnItemThisSideHoldsIsRejected() {
        Reconciler side = new Reconciler(SortedItems.of(List.of(item(5, 1))));
        byte[] lie = message(Bound.INFINITY, new RangePayload.Difference(List.of(item(5, 1)), List.of()));
        assertThatThrownBy(() -> side.reconcile(lie)).isInstanceOf(ReconcileException.class)
                .hasMessageContaining("offers an item this side holds");
    }

    @Test
    void aDifferenceClaimingThisSideHoldsAnItemItLacksIsRejected() {
        Reconciler side = new Reconciler(SortedItems.of(List.of(item(5, 1))));
        byte[] lie = message(Bound.INFINITY, new RangePayload.Difference(List.of(), List.of(item(5, 2))));
        assertThatThrownBy(() -> side.reconcile(lie)).isInstanceOf(ReconcileException.class)
                .hasMessageContaining("lacks an item this side does not hold");
    }

    @Test
    void anIdReportedTwiceByThePeerIsRejected() throws Exception {
        Reconciler side = new Reconciler(SortedItems.of(List.of(item(5, 1), item(7, 1))));
        Bound middle = Bound.of(6, new byte[0]);
        MessageWriter out = new MessageWriter();
        out.add(Bound.MIN, middle, new RangePayload.Difference(List.of(), List.of(item(5, 1))));
        out.add(middle, Bound.INFINITY, new RangePayload.Fingerprinted(Fingerprint.of(new byte[16])));
        Reconciler.Result first = side.reconcile(out.toByteArray());
        assertThat(first.have()).containsExactly(item(5, 1));
        assertThat(first.done()).isFalse();
        byte[] again = message(Bound.INFINITY, new RangePayload.Difference(List.of(), List.of(item(5, 1))));
        assertThatThrownBy(() -> side.reconcile(again)).isInstanceOf(ReconcileException.class)
                .hasMessageContaining("report an id twice");
    }

    @Test
    void aDifferenceLargerThanTheLimitFailsTheSession() {
        List<Item> items = TestItems.random(new SplittableRandom(4), 50, 100, 0, Set.of());
        ReconcileParameters tight = new ReconcileParameters(65_536, 16, 16, 16, 10);
        assertThatThrownBy(() -> ReconcileDriver.run(SortedItems.of(items), tight, SortedItems.EMPTY, tight, 100))
                .isInstanceOf(ReconcileException.class).hasMessageContaining("exceeds 10 ids");
    }

    @Test
    void sidesWithDifferentParametersStillConverge() throws Exception {
        SplittableRandom random = new SplittableRandom(9);
        List<Item> common = TestItems.random(random, 20_000, 1_000_000, 0, Set.of());
        List<Item> onlyA = TestItems.random(random, 40, 1_000_000, 0, new TreeSet<>(common));
        List<Item> a = new ArrayList<>(common);
        a.addAll(onlyA);
        ReconcileDriver.Run run = ReconcileDriver.run(SortedItems.of(a), SMALL, SortedItems.of(common),
                ReconcileParameters.DEFAULT, 1_000);
        assertThat(new TreeSet<>(run.haveA())).isEqualTo(new TreeSet<>(onlyA));
        assertThat(new TreeSet<>(run.needB())).isEqualTo(new TreeSet<>(onlyA));
        assertThat(run.needA()).isEmpty();
    }

    @Test
    void parametersThatCannotFitTheBudgetAreRefused() {
        assertThatThrownBy(() -> new ReconcileParameters(1024, 64, 8, 16, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("splits do not fit");
        assertThatThrownBy(() -> new ReconcileParameters(1024, 8, 8, 100, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threshold does not fit");
        assertThatThrownBy(() -> new ReconcileParameters(512, 2, 2, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("budget");
        assertThatThrownBy(() -> new ReconcileParameters(1024, 2, 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] message(Bound upper, RangePayload payload) {
        MessageWriter out = new MessageWriter();
        out.add(Bound.MIN, upper, payload);
        return out.toByteArray();
    }
}
