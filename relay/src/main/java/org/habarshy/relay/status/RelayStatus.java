package org.habarshy.relay.status;

import java.util.List;
import java.util.Map;

/**
 * What a running relay reports: counters, federation peers, and how many proxies and lists it may use. Holds no
 * addresses, keys, phone numbers or message content.
 *
 * @param pid the relay's process id
 * @param startedAt Unix ms
 * @param updatedAt Unix ms
 * @param port the mesh port it listens on
 * @param meshLinks established links of its node (mesh and federation)
 * @param envelopesHeld envelopes its node holds
 * @param trustedLists signers with a current proxy list
 * @param allowedProxies proxies on current trusted lists
 * @param mailboxKey the X25519 public key (hex) mailbox requests are sealed to; empty if mailboxes are off
 * @param mailboxUsers registered, current mailboxes
 * @param bridges names of running bridges (SMS)
 * @param federation one entry per federation peer
 * @param counters every counter by its key, in key order
 */
public record RelayStatus(long pid, long startedAt, long updatedAt, int port, int meshLinks, long envelopesHeld,
                          int trustedLists, int allowedProxies, String mailboxKey, int mailboxUsers,
                          List<String> bridges,
                          List<FederationState> federation, Map<String, Long> counters) {
    /** Copies the collections. */
    public RelayStatus {
        bridges = List.copyOf(bridges);
        federation = List.copyOf(federation);
        counters = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(counters));
    }
}
