package org.habarshy.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.List;
import org.habarshy.core.api.identity.AgreementKey;
import org.junit.jupiter.api.Test;

/** Link-bound contact tags for real-time text (PROTOCOL.md section 14). */
class ContactLinkTagsTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void bothContactsDeriveTheSamePairSecretAndOthersDoNot() throws Exception {
        AgreementKeyPair a = AgreementKeyPair.generate(RANDOM);
        AgreementKeyPair b = AgreementKeyPair.generate(RANDOM);
        AgreementKeyPair c = AgreementKeyPair.generate(RANDOM);
        byte[] ab = ContactLinkTags.pairSecret(a, b.publicKey());
        assertThat(ab).hasSize(32).isEqualTo(ContactLinkTags.pairSecret(b, a.publicKey()));
        assertThat(ContactLinkTags.pairSecret(c, a.publicKey())).isNotEqualTo(ab);
    }

    @Test
    void aTagDependsOnTheLinkAndTheSendersRole() throws Exception {
        byte[] pair = ContactLinkTags.pairSecret(AgreementKeyPair.generate(RANDOM),
                AgreementKeyPair.generate(RANDOM).publicKey());
        byte[] hash = new byte[32];
        byte[] otherHash = new byte[32];
        otherHash[0] = 1;
        byte[] initiator = ContactLinkTags.tag(pair, hash, true);
        assertThat(initiator).hasSize(ContactLinkTags.TAG_BYTES).isEqualTo(ContactLinkTags.tag(pair, hash, true));
        assertThat(ContactLinkTags.tag(pair, hash, false)).isNotEqualTo(initiator);
        assertThat(ContactLinkTags.tag(pair, otherHash, true)).isNotEqualTo(initiator);
        assertThat(ContactLinkTags.contains(List.of(new byte[16], initiator), initiator)).isTrue();
        assertThat(ContactLinkTags.contains(List.of(new byte[16]), initiator)).isFalse();
        assertThatThrownBy(() -> ContactLinkTags.tag(new byte[31], hash, true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLowOrderContactKeyIsRefused() {
        AgreementKeyPair a = AgreementKeyPair.generate(RANDOM);
        assertThatThrownBy(() -> ContactLinkTags.pairSecret(a, new AgreementKey(new byte[32])))
                .isInstanceOf(GeneralSecurityException.class);
    }
}
