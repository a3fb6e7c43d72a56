package org.habarshy.core.crypto;

/**
 * The domain-separation labels of protocol v1. Every hash, signature and key derivation uses its own label so
 * that a value computed for one purpose can never be mistaken for another.
 */
public final class DomainLabels {
    /** Label of {@link EnvelopeFormat#idOf(byte[])}: SHA-256 over the exact envelope bytes. */
    public static final String ENVELOPE_ID = "habarshy/v1/envelope-id";
    /** HKDF info of the envelope key and nonce derivation. */
    public static final String ENVELOPE_KEY = "habarshy/v1/envelope-key";
    /** Prefix of the message the sender signs inside a sealed envelope. */
    public static final String ENVELOPE_SIGNATURE = "habarshy/v1/envelope-signature";
    /** Label of the self-signature on a contact card. */
    public static final String CONTACT_CARD = "habarshy/v1/contact-card";
    /** Label of the checksum of a contact code. */
    public static final String CONTACT_CODE = "habarshy/v1/contact-code";
    /** Label of the safety number two contacts compare. */
    public static final String SAFETY_NUMBER = "habarshy/v1/safety-number";
    /** Noise prologue of a node-to-node link. */
    public static final String LINK_PROLOGUE = "habarshy/v1/link";
    /** Prefix of the associated data that binds an encrypted identity file's header to its ciphertext. */
    public static final String IDENTITY_FILE = "habarshy/v1/identity-file";

    /** HKDF info prefix of the compact (SMS) sealed message key; see {@link CompactFormat}. */
    public static final String COMPACT_KEY = "habarshy/v1/compact-key";

    /** Prefix of the message a channel key signs in a channel post (envelope kind 0x03). */
    public static final String CHANNEL_POST = "habarshy/v1/channel-post";
    /** HKDF info of the key that makes and checks the tags of a private channel's posts. */
    public static final String CHANNEL_TAG = "habarshy/v1/channel-tag";
    /** HKDF info of the key and nonce that encrypt one private channel post. */
    public static final String CHANNEL_POST_KEY = "habarshy/v1/channel-post-key";
    /** Label of the checksum of a channel code and of a posting key. */
    public static final String CHANNEL_CODE = "habarshy/v1/channel-code";
    /** HKDF info of the secret two contacts share for real-time text; see {@link ContactLinkTags}. */
    public static final String RTT_PAIR = "habarshy/v1/rtt-pair";
    /** HKDF info prefix of a real-time-text contact tag bound to one link; see {@link ContactLinkTags}. */
    public static final String RTT_TAG = "habarshy/v1/rtt-tag";

    private DomainLabels() {
    }
}
