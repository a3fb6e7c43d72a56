package org.habarshy.core.sync.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Corrupted messages from a real session fail only with {@link ReconcileException}, never unchecked. */
class ReconcileFuzzTest {
    private static final ReconcileParameters SMALL = new ReconcileParameters(2048, 8, 4, 6, 100_000);

    @Property(tries = 500)
    void corruptedMessagesAreRejectedCleanlyOrHandled(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 8) int edits) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Item> common = TestItems.random(random, 300, 1_000, random.nextInt(3) * 4, Set.of());
        List<Item> a = new ArrayList<>(common.subList(0, 280));
        List<Item> b = new ArrayList<>(common.subList(20, 300));
        List<byte[]> transcript = transcript(SortedItems.of(a), SortedItems.of(b));
        int index = random.nextInt(transcript.size());
        byte[] message = mutate(transcript.get(index), random, edits);
        // Replay the session up to the chosen message, then deliver the corrupted one.
        Reconciler initiator = new Reconciler(SortedItems.of(a), SMALL);
        Reconciler responder = new Reconciler(SortedItems.of(b), SMALL);
        initiator.initiate();
        Reconciler[] sides = {initiator, responder};
        try {
            for (int i = 0; i < index; i++) {
                sides[(i + 1) % 2].reconcile(transcript.get(i));
            }
            Reconciler.Result result = sides[(index + 1) % 2].reconcile(message);
            result.outgoing().ifPresent(out -> assertThat(out.length).isLessThanOrEqualTo(SMALL.messageBudget()));
        } catch (ReconcileException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    private static List<byte[]> transcript(SortedItems a, SortedItems b) {
        List<byte[]> messages = new ArrayList<>();
        Reconciler[] sides = {new Reconciler(a, SMALL), new Reconciler(b, SMALL)};
        byte[] message = sides[0].initiate();
        int receiver = 1;
        try {
            while (true) {
                messages.add(message);
                Reconciler.Result result = sides[receiver].reconcile(message);
                if (result.outgoing().isEmpty()) {
                    return messages;
                }
                message = result.outgoing().get();
                receiver = 1 - receiver;
            }
        } catch (ReconcileException e) {
            throw new AssertionError("an honest session failed", e);
        }
    }

    private static byte[] mutate(byte[] message, SplittableRandom random, int edits) {
        byte[] out = message.clone();
        for (int e = 0; e < edits; e++) {
            int kind = random.nextInt(4);
            if (kind == 0 && out.length > 1) {
                out = java.util.Arrays.copyOf(out, 1 + random.nextInt(out.length - 1));
            } else if (kind == 1) {
                byte[] longer = java.util.Arrays.copyOf(out, out.length + 1 + random.nextInt(40));
                for (int i = out.length; i < longer.length; i++) {
                    longer[i] = (byte) random.nextInt(256);
                }
                out = longer;
            } else if (out.length > 1) {
                int at = 1 + random.nextInt(out.length - 1);
                out[at] = kind == 2 ? (byte) random.nextInt(256) : (byte) (out[at] ^ (1 << random.nextInt(8)));
            }
        }
        return out;
    }
}
