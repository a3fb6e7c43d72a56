package org.habarshy.core.sim;

/**
 * What one contact's sync put on the link, both directions together.
 *
 * @param frames sync records sent
 * @param bytes framed bytes (4-byte length prefix and body), without the link cipher's tag
 */
record LinkTraffic(long frames, long bytes) {
}
