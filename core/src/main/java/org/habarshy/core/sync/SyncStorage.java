package org.habarshy.core.sync;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.habarshy.core.api.message.EnvelopeId;

/**
 * What a {@link SyncSession} needs from the node's store. All methods are called on the store
 * executor, one at a time.
 */
public interface SyncStorage {
    /** Returns the ids of every envelope this node may offer now (not expired, under the hop limit). */
    List<EnvelopeId> offerableIds();

    /** Returns those of {@code ids} that this node does not hold. */
    Set<EnvelopeId> absent(Collection<EnvelopeId> ids);

    /** Returns the envelope to send for {@code id}, with the hop count to send, if held and offerable. */
    Optional<EnvelopeRecord> load(EnvelopeId id);

    /**
     * Validates and stores an envelope received from a peer, and schedules opening it if it may be
     * for this node. Returns its id if the envelope was acceptable (new or already held), or empty
     * if it was rejected (the reason is logged and counted).
     */
    Optional<EnvelopeId> receive(EnvelopeRecord envelope, String linkLabel);
}
