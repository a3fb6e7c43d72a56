package org.habarshy.core.sync;

/** Answers a {@link PingRecord} with its nonce (version 2). */
public record PongRecord(long nonce) implements SyncRecord {
}
