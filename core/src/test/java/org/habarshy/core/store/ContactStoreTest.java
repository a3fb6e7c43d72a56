package org.habarshy.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.habarshy.core.store.StoreFixtures.contact;
import static org.habarshy.core.store.StoreFixtures.identityKey;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.habarshy.core.api.identity.Contact;
import org.habarshy.core.store.StoreException.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContactStoreTest {
    @TempDir
    Path dir;

    private final ContactStore store = new ContactStore();
    private Database db;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(dir.resolve("contacts.db"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void roundTripsByAliasByKeyAndAllOrderedByAlias() throws Exception {
        Contact zoe = contact("zoe", 1);
        Contact amir = contact("Amir", 2);
        Contact bea = contact("bea", 3);
        for (Contact c : List.of(zoe, amir, bea)) {
            db.write(t -> {
                store.add(t, c);
                return null;
            });
        }
        Optional<Contact> byAlias = db.read(t -> store.byAlias(t, "bea"));
        Optional<Contact> byKey = db.read(t -> store.byIdentityKey(t, identityKey(1)));
        Optional<Contact> noAlias = db.read(t -> store.byAlias(t, "nobody"));
        Optional<Contact> noKey = db.read(t -> store.byIdentityKey(t, identityKey(9)));
        List<Contact> all = db.read(t -> store.all(t));
        assertThat(byAlias).contains(bea);
        assertThat(byKey).contains(zoe);
        assertThat(noAlias).isEmpty();
        assertThat(noKey).isEmpty();
        assertThat(all).containsExactly(amir, bea, zoe);
    }

    @Test
    void duplicateAliasIsRefusedWithAClearMessage() throws Exception {
        add(contact("bob", 1));
        assertThatThrownBy(() -> add(contact("bob", 2)))
                .isInstanceOfSatisfying(StoreException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.DUPLICATE);
                    assertThat(e).hasMessage("a contact named \"bob\" already exists");
                });
        assertThat(all()).containsExactly(contact("bob", 1));
    }

    @Test
    void duplicateIdentityKeyIsRefusedWithAClearMessage() throws Exception {
        add(contact("bob", 1));
        assertThatThrownBy(() -> add(contact("robert", 1)))
                .isInstanceOfSatisfying(StoreException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.DUPLICATE);
                    assertThat(e).hasMessage("this identity key is already saved as contact \"bob\"");
                });
        assertThat(all()).containsExactly(contact("bob", 1));
    }

    private void add(Contact c) throws StoreException {
        db.write(t -> {
            store.add(t, c);
            return null;
        });
    }

    private List<Contact> all() throws StoreException {
        return db.read(t -> store.all(t));
    }

    @Test
    void verifiedFlagIsStoredSetAndClearedAndReplaceSwapsTheKey() throws Exception {
        add(contact("bob", 1));
        assertThat(byAlias("bob").orElseThrow().verified()).isFalse();
        boolean set = db.write(t -> store.setVerified(t, "bob", true));
        assertThat(set).isTrue();
        assertThat(byAlias("bob").orElseThrow().verified()).isTrue();
        boolean setUnknown = db.write(t -> store.setVerified(t, "nobody", true));
        assertThat(setUnknown).isFalse();

        Contact newKey = new Contact("bob", contact("x", 2).card(), 77, false);
        boolean replaced = db.write(t -> store.replace(t, newKey));
        assertThat(replaced).isTrue();
        assertThat(byAlias("bob")).contains(newKey);
        Optional<Contact> oldKey = db.read(t -> store.byIdentityKey(t, identityKey(1)));
        assertThat(oldKey).isEmpty();
        boolean replacedUnknown = db.write(t -> store.replace(t, new Contact("carol", contact("y", 3).card(), 1)));
        assertThat(replacedUnknown).isFalse();
    }

    private Optional<Contact> byAlias(String alias) throws StoreException {
        return db.read(t -> store.byAlias(t, alias));
    }

    @Test
    void replacingWithAKeyAnotherContactHasIsRefused() throws Exception {
        add(contact("bob", 1));
        add(contact("carol", 2));
        assertThatThrownBy(() -> db.write(t -> store.replace(t, new Contact("bob", contact("x", 2).card(), 1))))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DUPLICATE))
                .hasMessageContaining("\"carol\"");
    }
}
