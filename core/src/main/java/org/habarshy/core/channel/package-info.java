/**
 * Broadcast channels (docs/PROTOCOL.md §12): channel codes and posting keys, posting, and reading the verified
 * posts of subscribed channels out of the envelopes this node carries. Crypto lives in {@code core.crypto}
 * ({@code ChannelPostFormat}), rows in {@code core.store} ({@code ChannelStore}).
 */
package org.habarshy.core.channel;
