package org.habarshy.core.sync.reconcile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.habarshy.core.api.message.EnvelopeId;

/** Builds items for tests: fixed ones by number, random ones from a seed. */
final class TestItems {
    private TestItems() {
    }

    /** Returns the item at {@code timestamp} whose id is 31 zero bytes and then {@code last}. */
    static Item item(long timestamp, int last) {
        byte[] id = new byte[EnvelopeId.LENGTH];
        id[EnvelopeId.LENGTH - 1] = (byte) last;
        return new Item(timestamp, new EnvelopeId(id));
    }

    /** Returns the item at {@code timestamp} whose id has {@code id} as its first bytes. */
    static Item itemWithPrefix(long timestamp, int... prefix) {
        byte[] id = new byte[EnvelopeId.LENGTH];
        for (int i = 0; i < prefix.length; i++) {
            id[i] = (byte) prefix[i];
        }
        return new Item(timestamp, new EnvelopeId(id));
    }

    /**
     * Returns {@code count} distinct random items with timestamps in {@code [0, spread)} and ids whose
     * first {@code sharedPrefix} bytes are zero, so that neighbours need long bound prefixes.
     */
    static List<Item> random(SplittableRandom random, int count, long spread, int sharedPrefix, Set<Item> avoid) {
        List<Item> out = new ArrayList<>(count);
        Set<EnvelopeId> seen = new HashSet<>();
        for (Item item : avoid) {
            seen.add(item.id());
        }
        while (out.size() < count) {
            byte[] id = new byte[EnvelopeId.LENGTH];
            random.nextBytes(id);
            java.util.Arrays.fill(id, 0, sharedPrefix, (byte) 0);
            EnvelopeId envelopeId = new EnvelopeId(id);
            if (seen.add(envelopeId)) {
                out.add(new Item(random.nextLong(spread), envelopeId));
            }
        }
        return out;
    }
}
