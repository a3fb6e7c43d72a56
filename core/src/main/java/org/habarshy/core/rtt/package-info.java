/**
 * Real-time text in 1:1 chats (docs/PROTOCOL.md section 14): drafts streamed over a direct link between two
 * contacts who both turned it on, recognised by link-bound contact tags. Kept in memory only; never stored,
 * never forwarded.
 */
package org.habarshy.core.rtt;
