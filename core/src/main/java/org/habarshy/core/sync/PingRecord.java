package org.habarshy.core.sync;

/** Asks the peer to prove the link is alive by answering with a {@link PongRecord} of the same nonce (version 2). */
public record PingRecord(long nonce) implements SyncRecord {
}
