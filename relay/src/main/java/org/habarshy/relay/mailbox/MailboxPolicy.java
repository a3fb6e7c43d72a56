package org.habarshy.relay.mailbox;

import java.time.Duration;

/**
 * The relay's limits for mailboxes.
 *
 * @param maxUsers most mailboxes held at once; further registrations are refused
 * @param quotaBytes most bytes of envelopes held for one mailbox (a registration asking for more gets this)
 * @param pickupWindow a pickup created further than this from the relay's clock is refused as stale
 */
public record MailboxPolicy(int maxUsers, long quotaBytes, Duration pickupWindow) {
    /** Checks the limits. */
    public MailboxPolicy {
        if (maxUsers < 1 || quotaBytes < 1) {
            throw new IllegalArgumentException("mailbox limits must be positive");
        }
    }
}
