/**
 * Routing policy of the store-and-forward mesh. Carry policy for envelopes of others: the disk quota with
 * per-origin fair shares and its eviction order ({@link org.habarshy.core.routing.CarryQuota}), per-link rate
 * limits ({@link org.habarshy.core.routing.TokenBucket}), and the counters of what was refused or evicted
 * ({@link org.habarshy.core.routing.FloodCounters}); database work goes through {@code core.store}. Forwarding
 * policies: which carried envelopes to hand a peer, and how many copies of each
 * ({@link org.habarshy.core.routing.ForwardingPolicy}). Carriers cannot see an envelope's recipient (sealed, no
 * recipient tag), so every policy uses only destination-agnostic signals: copy budgets, the encounter history of
 * this node and of the peer, and delivery receipts. No Netty.
 */
package org.habarshy.core.routing;
