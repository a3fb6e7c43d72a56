/**
 * Carry policy for envelopes of others: the disk quota with per-origin fair shares and its eviction order
 * ({@link org.habarshy.core.routing.CarryQuota}), per-link rate limits
 * ({@link org.habarshy.core.routing.TokenBucket}), and the counters of what was refused or evicted
 * ({@link org.habarshy.core.routing.FloodCounters}). No Netty; database work goes through {@code core.store}.
 */
package org.habarshy.core.routing;
