/**
 * A city-scale delay-tolerant-network simulator: many nodes in one JVM, a virtual clock, a contact schedule made by
 * a mobility model, and at every contact the project's real sync code ({@code core.sync.SyncSession}, framed by
 * {@code core.wire.LinkFrameCodec} over a Netty {@code LocalChannel}) moving real sealed envelopes, with the
 * forwarding decisions taken by a {@code core.routing} policy. See docs/ARCHITECTURE.md, section "Simulator".
 */
package org.habarshy.core.sim;
