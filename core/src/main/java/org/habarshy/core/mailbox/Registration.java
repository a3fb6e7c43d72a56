package org.habarshy.core.mailbox;

/**
 * This user's mailbox at a relay, as registered from this data directory.
 *
 * @param relay the relay's name
 * @param quotaBytes the quota asked for (the relay may grant less)
 * @param createdAt when the latest registration was made, Unix ms
 * @param expiresAt when it lapses unless renewed, Unix ms
 * @param address what contacts deposit to (share it as {@link MailboxAddress#encode()})
 */
public record Registration(String relay, long quotaBytes, long createdAt, long expiresAt, MailboxAddress address) {
}
