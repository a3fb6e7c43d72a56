package org.habarshy.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CopyBudgetTest {
    @Test
    void binaryShareHandsOverHalfAndKeepsTheLargerHalf() {
        assertThat(new CopyBudget(16).binaryShare()).isEqualTo(8);
        assertThat(new CopyBudget(15).binaryShare()).isEqualTo(7);
        assertThat(new CopyBudget(2).binaryShare()).isEqualTo(1);
        assertThat(new CopyBudget(15).after(7).copies()).isEqualTo(8);
    }

    @Test
    void repeatedBinarySplitsNeverCreateMoreThanTheInitialCopies() {
        // Split a budget of L as far as it goes: the holders' budgets always sum to L, each is at least 1.
        int l = 37;
        java.util.List<Integer> holders = new java.util.ArrayList<>(java.util.List.of(l));
        boolean split = true;
        while (split) {
            split = false;
            for (int i = 0; i < holders.size(); i++) {
                CopyBudget b = new CopyBudget(holders.get(i));
                if (b.canSplit()) {
                    int given = b.binaryShare();
                    holders.set(i, b.after(given).copies());
                    holders.add(given);
                    split = true;
                }
            }
        }
        assertThat(holders).hasSize(l).allMatch(c -> c == 1);
    }

    @Test
    void weightedShareFavoursTheHeavierSideAndLeavesEachAtLeastOne() {
        CopyBudget budget = new CopyBudget(16);
        assertThat(budget.weightedShare(1, 3)).isEqualTo(12);
        assertThat(budget.weightedShare(3, 1)).isEqualTo(4);
        assertThat(budget.weightedShare(5, 5)).isEqualTo(8);
        assertThat(budget.weightedShare(1, 1_000_000)).isEqualTo(15);
        assertThat(budget.weightedShare(1_000_000, 1)).isEqualTo(1);
        assertThat(budget.weightedShare(0, 0)).isEqualTo(8);
        assertThat(new CopyBudget(2).weightedShare(1, 100)).isEqualTo(1);
    }

    @Test
    void aBudgetOfOneCannotBeSplit() {
        CopyBudget one = new CopyBudget(1);
        assertThat(one.canSplit()).isFalse();
        assertThatThrownBy(one::binaryShare).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> one.after(1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void handingOverEverythingOrNegativeCountsIsRefused() {
        assertThatThrownBy(() -> new CopyBudget(4).after(4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CopyBudget(4).after(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CopyBudget(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CopyBudget(4).weightedShare(-1, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnlimitedBudgetStaysUnlimited() {
        CopyBudget flood = new CopyBudget(CopyBudget.UNLIMITED);
        assertThat(flood.unlimited()).isTrue();
        assertThat(flood.after(5)).isEqualTo(flood);
    }
}
