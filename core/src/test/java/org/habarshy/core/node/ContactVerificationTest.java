package org.habarshy.core.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import org.habarshy.core.api.identity.Contact;
import org.habarshy.core.identity.SafetyNumbers;
import org.habarshy.core.store.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Verified flags and key-change refusals on real accounts (identity files and SQLite). */
class ContactVerificationTest {
    @TempDir
    Path tmp;

    @Test
    void aNewContactIsUnverifiedUntilTheUserVerifiesItAndTheFlagSurvivesReopening() throws Exception {
        String bobCode;
        try (Account bob = Account.create(tmp.resolve("bob"), "Bob", Clock.systemUTC())) {
            bobCode = bob.contactCode();
        }
        try (Account alice = Account.create(tmp.resolve("alice"), "Alice", Clock.systemUTC())) {
            assertThat(alice.addContact(bobCode, "bob").verified()).isFalse();
            assertThat(alice.setVerified("bob", true).verified()).isTrue();
        }
        try (Account alice = Account.open(tmp.resolve("alice"), Clock.systemUTC())) {
            assertThat(alice.contact("bob").verified()).isTrue();
            assertThat(alice.setVerified("bob", false).verified()).isFalse();
            assertThat(alice.contacts()).extracting(Contact::verified).containsExactly(false);
        }
    }

    @Test
    void verifyingAnUnknownAliasSaysSo() throws Exception {
        try (Account alice = Account.create(tmp.resolve("alice"), "Alice", Clock.systemUTC())) {
            assertThatThrownBy(() -> alice.setVerified("nobody", true))
                    .isInstanceOf(UnknownContactException.class).hasMessageContaining("'nobody'");
        }
    }

    @Test
    void aChangedKeyUnderAnExistingAliasIsRefusedWithBothSafetyNumbersAndNothingChanges() throws Exception {
        String oldCode;
        String newCode;
        try (Account bob = Account.create(tmp.resolve("bob-old"), "Bob", Clock.systemUTC());
             Account bobAgain = Account.create(tmp.resolve("bob-new"), "Bob", Clock.systemUTC())) {
            oldCode = bob.contactCode();
            newCode = bobAgain.contactCode();
        }
        try (Account alice = Account.create(tmp.resolve("alice"), "Alice", Clock.systemUTC())) {
            Contact old = alice.addContact(oldCode, "bob");
            alice.setVerified("bob", true);
            String oldNumber = SafetyNumbers.of(old.card().identityKey());

            assertThatThrownBy(() -> alice.addContact(newCode, "bob"))
                    .isInstanceOfSatisfying(ContactKeyChangedException.class, e -> {
                        assertThat(e.alias()).isEqualTo("bob");
                        assertThat(e.oldSafetyNumber()).isEqualTo(oldNumber);
                        assertThat(e.newSafetyNumber()).isNotEqualTo(oldNumber);
                        assertThat(e).hasMessageContaining("WARNING").hasMessageContaining("--replace")
                                .hasMessageContaining(oldNumber + ", verified");
                    });
            Contact kept = alice.contact("bob");
            assertThat(kept.card()).isEqualTo(old.card());
            assertThat(kept.verified()).isTrue();

            Contact replaced = alice.addContact(newCode, "bob", true);
            assertThat(alice.contact("bob")).isEqualTo(replaced);
            assertThat(replaced.verified()).isFalse();
            assertThat(replaced.card().identityKey()).isNotEqualTo(old.card().identityKey());
            assertThat(alice.contacts()).hasSize(1);
        }
    }

    @Test
    void theSameCodeTwiceIsADuplicateNotAKeyChange() throws Exception {
        String bobCode;
        try (Account bob = Account.create(tmp.resolve("bob"), "Bob", Clock.systemUTC())) {
            bobCode = bob.contactCode();
        }
        try (Account alice = Account.create(tmp.resolve("alice"), "Alice", Clock.systemUTC())) {
            alice.addContact(bobCode, "bob");
            assertThatThrownBy(() -> alice.addContact(bobCode, "bob", true))
                    .isInstanceOf(StoreException.class).hasMessageContaining("already exists");
            assertThatThrownBy(() -> alice.addContact(bobCode, "robert"))
                    .isInstanceOf(StoreException.class).hasMessageContaining("already saved as contact \"bob\"");
        }
    }
}
