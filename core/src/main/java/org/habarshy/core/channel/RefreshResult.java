package org.habarshy.core.channel;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.habarshy.core.crypto.InvalidChannelPostException.Reason;

/**
 * What one {@link Channels#refresh()} found among the envelopes this node holds.
 *
 * @param added posts of followed channels verified and stored now, oldest first
 * @param refused posts that claimed to belong to a followed channel (or were malformed) and were refused, by reason
 */
public record RefreshResult(List<ChannelPost> added, Map<Reason, Integer> refused) {
    /** Copies the collections. */
    public RefreshResult {
        added = List.copyOf(Objects.requireNonNull(added, "added"));
        refused = Map.copyOf(Objects.requireNonNull(refused, "refused"));
    }

    /** Returns how many posts were refused for any reason. */
    public int refusedTotal() {
        return refused.values().stream().mapToInt(Integer::intValue).sum();
    }
}
