package org.habarshy.core.sync;

import java.util.ArrayList;
import java.util.List;

/**
 * Real-time text: the sender's contact tags for this link (docs/PROTOCOL.md section 14), each
 * {@link RttLimits#TAG_BYTES} bytes, at most {@link RttLimits#MAX_TAGS}. Handled by the link's real-time-text
 * handler, never by the sync session.
 *
 * @param tags the tags, copied in and out
 */
public record RttAnnounceRecord(List<byte[]> tags) implements SyncRecord {
    /** Checks the bounds and copies the tags. */
    public RttAnnounceRecord {
        if (tags.size() > RttLimits.MAX_TAGS) {
            throw new IllegalArgumentException(tags.size() + " tags (at most " + RttLimits.MAX_TAGS + ")");
        }
        List<byte[]> copy = new ArrayList<>(tags.size());
        for (byte[] tag : tags) {
            if (tag.length != RttLimits.TAG_BYTES) {
                throw new IllegalArgumentException("tag of " + tag.length + " bytes");
            }
            copy.add(tag.clone());
        }
        tags = List.copyOf(copy);
    }

    /** Returns copies of the tags. */
    @Override
    public List<byte[]> tags() {
        List<byte[]> copy = new ArrayList<>(tags.size());
        for (byte[] tag : tags) {
            copy.add(tag.clone());
        }
        return copy;
    }

    /** Compares the tags' bytes (a record's default would compare the arrays' identities). */
    @Override
    public boolean equals(Object other) {
        if (!(other instanceof RttAnnounceRecord that) || that.tags.size() != tags.size()) {
            return false;
        }
        for (int i = 0; i < tags.size(); i++) {
            if (!java.util.Arrays.equals(tags.get(i), that.tags.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = 1;
        for (byte[] tag : tags) {
            hash = 31 * hash + java.util.Arrays.hashCode(tag);
        }
        return hash;
    }

    @Override
    public String toString() {
        return "RttAnnounceRecord[" + tags.size() + " tags]";
    }
}
