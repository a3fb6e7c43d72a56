package org.habarshy.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The exact framing of {@link Hashing#sha256}: SHA-256(UTF8(label) || 0x00 || parts...). */
class HashingTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void matchesTheDocumentedFramingExactly() throws Exception {
        byte[] a = {1, 2, 3};
        byte[] b = {};
        byte[] c = {(byte) 0xff};
        MessageDigest jdk = MessageDigest.getInstance("SHA-256");
        jdk.update("habarshy/v1/test".getBytes(StandardCharsets.UTF_8));
        jdk.update((byte) 0);
        jdk.update(a);
        jdk.update(b);
        jdk.update(c);
        assertThat(Hashing.sha256("habarshy/v1/test", a, b, c)).isEqualTo(jdk.digest());
    }

    @Test
    void knownAnswers() {
        // Computed independently with Python's hashlib.
        assertThat(HEX.formatHex(Hashing.sha256(DomainLabels.ENVELOPE_ID, "abc".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("33514deeb42cd746937d4532ff9372d5c72e0186acacf406282ce451ca99f188");
        assertThat(HEX.formatHex(Hashing.sha256(DomainLabels.SAFETY_NUMBER)))
                .isEqualTo("0c24b0151e7cf1cdacf1aa5b7cfbee31bf79b1e26cd19cfe78fff99b863c33a8");
    }

    @Test
    void labelsSeparateDomainsButPartsAreNotLengthPrefixed() {
        byte[] data = {42};
        assertThat(Hashing.sha256(DomainLabels.CONTACT_CARD, data))
                .isNotEqualTo(Hashing.sha256(DomainLabels.CONTACT_CODE, data));
        assertThat(Hashing.sha256("x", new byte[] {1, 2}, new byte[] {3}))
                .isEqualTo(Hashing.sha256("x", new byte[] {1}, new byte[] {2, 3}));
    }

    @Test
    void rejectsEmptyOrNulContainingLabels() {
        assertThatThrownBy(() -> Hashing.sha256("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hashing.sha256("a\0b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void domainLabelsAreTheSpecifiedStrings() {
        assertThat(DomainLabels.ENVELOPE_ID).isEqualTo("habarshy/v1/envelope-id");
        assertThat(DomainLabels.ENVELOPE_KEY).isEqualTo("habarshy/v1/envelope-key");
        assertThat(DomainLabels.ENVELOPE_SIGNATURE).isEqualTo("habarshy/v1/envelope-signature");
        assertThat(DomainLabels.CONTACT_CARD).isEqualTo("habarshy/v1/contact-card");
        assertThat(DomainLabels.CONTACT_CODE).isEqualTo("habarshy/v1/contact-code");
        assertThat(DomainLabels.SAFETY_NUMBER).isEqualTo("habarshy/v1/safety-number");
        assertThat(DomainLabels.LINK_PROLOGUE).isEqualTo("habarshy/v1/link");
    }
}
