package org.habarshy.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.habarshy.core.api.identity.ContactCard;
import org.habarshy.core.crypto.AgreementKeyPair;
import org.habarshy.core.crypto.SigningKeyPair;
import org.habarshy.core.wire.ContactCardCodec;
import org.junit.jupiter.api.Test;

class ContactCodesTest {
    private final SecureRandom random = new SecureRandom();
    private final ContactCodes codes = new ContactCodes();
    private final IdentityKeys alice = IdentityKeys.generate("Әлия Қасымқызы", random, 1_700_000_000_000L);

    @Test
    void roundTripsACardWithKazakhLetters() throws Exception {
        String code = codes.encode(alice);
        assertThat(code).startsWith(ContactCodes.PREFIX).doesNotContain(" ", "\n");
        ContactCard card = codes.decode(code);
        assertThat(card).isEqualTo(alice.card());
        assertThat(codes.decode("  " + code.toLowerCase() + "\n")).isEqualTo(alice.card());
    }

    @Test
    void refusesEveryMistypedCharacterWithAClearReason() {
        String code = codes.encode(alice);
        for (int i = ContactCodes.PREFIX.length(); i < code.length(); i++) {
            char replacement = code.charAt(i) == 'A' ? 'B' : 'A';
            String typo = code.substring(0, i) + replacement + code.substring(i + 1);
            assertThatThrownBy(() -> codes.decode(typo)).isInstanceOf(InvalidContactCodeException.class)
                    .hasMessageContaining("contact code");
        }
    }

    @Test
    void refusesATamperedCardEvenWithAValidChecksum() {
        // Re-sign nothing: swap in another agreement key, keep the old signature, fix the checksum.
        ContactCardCodec codec = new ContactCardCodec();
        ContactCard forged = new ContactCard(alice.name(), alice.card().identityKey(),
                AgreementKeyPair.generate(random).publicKey(), alice.createdAt());
        byte[] signature = alice.signing().sign("unrelated".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        byte[] signed = codec.encodeSigned(codec.encodeCard(forged), signature);
        byte[] checksum = java.util.Arrays.copyOf(org.habarshy.core.crypto.Hashing.sha256(
                org.habarshy.core.crypto.DomainLabels.CONTACT_CODE, signed), 4);
        byte[] payload = java.util.Arrays.copyOf(signed, signed.length + 4);
        System.arraycopy(checksum, 0, payload, signed.length, 4);
        String code = ContactCodes.PREFIX + Base32.encode(payload);

        assertThatThrownBy(() -> codes.decode(code)).isInstanceOf(InvalidContactCodeException.class)
                .hasMessageContaining("invalid signature");
    }

    @Test
    void refusesCodesThatAreNotContactCodes() {
        assertThatThrownBy(() -> codes.decode("hello")).hasMessageContaining("not a Habarshy contact code");
        assertThatThrownBy(() -> codes.decode("HB1")).hasMessageContaining("too short");
        assertThatThrownBy(() -> codes.decode("HB1" + "A".repeat(2000))).hasMessageContaining("too long");
        assertThatThrownBy(() -> codes.decode("HB1!!!!")).hasMessageContaining("mistyped");
    }

    @Test
    void safetyNumbersAreSixGroupsOfFiveDigitsAndDifferPerKey() {
        String mine = SafetyNumbers.of(alice.card().identityKey());
        String other = SafetyNumbers.of(SigningKeyPair.generate(random).publicKey());
        assertThat(mine).matches("(\\d{5} ){5}\\d{5}");
        assertThat(mine).isNotEqualTo(other).isEqualTo(SafetyNumbers.of(alice.card().identityKey()));
    }
}
