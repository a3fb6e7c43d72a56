package org.habarshy.core.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import org.habarshy.core.api.group.GroupId;
import org.habarshy.core.api.group.GroupMember;
import org.habarshy.core.api.group.GroupMessage;
import org.habarshy.core.api.group.GroupSummary;
import org.habarshy.core.api.identity.Contact;
import org.habarshy.core.api.message.EnvelopeId;
import org.habarshy.core.api.message.GroupContent;
import org.habarshy.core.api.message.RatchetContent;
import org.habarshy.core.crypto.EnvelopeFormat;
import org.habarshy.core.crypto.EnvelopeOpener;
import org.habarshy.core.crypto.GroupMessageFormat;
import org.habarshy.core.group.GroupChangeException;
import org.habarshy.core.message.EnvelopeIngest;
import org.habarshy.core.message.Inbox;
import org.habarshy.core.store.EnvelopeRef;
import org.habarshy.core.store.FieldCipher;
import org.habarshy.core.store.GroupStore;
import org.habarshy.core.store.StoredEnvelope;
import org.habarshy.core.sync.EnvelopeRecord;
import org.habarshy.core.wire.ContentCodec;
import org.habarshy.core.wire.GroupCodec;
import org.habarshy.core.wire.SenderKeyFields;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Private groups between real accounts (identity files, SQLite), with envelopes carried by hand through the real
 * receive path so that the test chooses order and loss: creation, sender keys, messages before their key,
 * removal with re-keying, non-admin changes and invitations from strangers.
 */
class GroupDeliveryTest {
    private static final Executor DIRECT = Runnable::run;

    @TempDir
    Path dir;

    private final Clock clock = Clock.systemUTC();

    @Test
    void membersTalkAndARemovedMemberCannotReadLaterMessages() throws Exception {
        try (Account alice = Account.create(dir.resolve("a"), "Alice", clock);
             Account bob = Account.create(dir.resolve("b"), "Bob", clock);
             Account carol = Account.create(dir.resolve("c"), "Carol", clock)) {
            befriend(alice, bob);
            befriend(alice, carol);
            GroupSummary group = alice.groups().create("Neighbours", List.of(alice.contact("bob"),
                    alice.contact("carol")));
            GroupId id = group.id();
            assertThat(group.admin()).isTrue();
            exchange(alice, bob, carol);
            assertThat(bob.groups().list()).extracting(GroupSummary::name).containsExactly("Neighbours");
            assertThat(carol.groups().find("Neighbours").members()).extracting(GroupMember::name)
                    .containsExactly("Alice", "Bob", "Carol");

            alice.groups().send(id, "water is back on Abay street");
            bob.groups().send(id, "thanks");
            carol.groups().send(id, "the bakery is open");
            exchange(alice, bob, carol);
            assertThat(texts(bob, id)).containsExactlyInAnyOrder("alice: water is back on Abay street",
                    "Bob: thanks", "Carol: the bakery is open");
            assertThat(texts(carol, id)).containsExactlyInAnyOrder("alice: water is back on Abay street",
                    "Bob: thanks", "Carol: the bakery is open");
            assertThat(texts(alice, id)).containsExactlyInAnyOrder("Alice: water is back on Abay street",
                    "bob: thanks", "carol: the bakery is open");

            assertThatThrownBy(() -> bob.groups().remove(id, carol.card().identityKey()))
                    .isInstanceOfSatisfying(GroupChangeException.class,
                            e -> assertThat(e.reason()).isEqualTo(GroupChangeException.Reason.NOT_ADMIN));

            GroupSummary after = alice.groups().remove(id, carol.card().identityKey());
            assertThat(after.epoch()).isEqualTo(1);
            exchange(alice, bob, carol);
            assertThat(carol.groups().find("Neighbours").member()).isFalse();
            assertThat(bob.groups().find("Neighbours").members()).hasSize(2);

            alice.groups().send(id, "meeting at 7, Carol is not invited");
            bob.groups().send(id, "ok");
            exchange(alice, bob, carol);
            assertThat(texts(bob, id)).contains("alice: meeting at 7, Carol is not invited");
            assertThat(texts(alice, id)).contains("bob: ok");
            assertThat(texts(carol, id)).hasSize(3).noneMatch(t -> t.contains("meeting") || t.endsWith(": ok"));
            assertThatThrownBy(() -> carol.groups().send(id, "still here?"))
                    .isInstanceOfSatisfying(GroupChangeException.class,
                            e -> assertThat(e.reason()).isEqualTo(GroupChangeException.Reason.NOT_A_MEMBER));
        }
    }

    @Test
    void aMemberWhoLeavesCannotReadLaterMessagesAndTheOnlyAdminMustPromoteFirst() throws Exception {
        try (Account alice = Account.create(dir.resolve("a"), "Alice", clock);
             Account bob = Account.create(dir.resolve("b"), "Bob", clock);
             Account carol = Account.create(dir.resolve("c"), "Carol", clock)) {
            befriend(alice, bob);
            befriend(alice, carol);
            GroupId id = alice.groups().create("Neighbours", List.of(alice.contact("bob"),
                    alice.contact("carol"))).id();
            exchange(alice, bob, carol);
            carol.groups().send(id, "hello before I go");
            exchange(alice, bob, carol);

            GroupSummary left = carol.groups().leave(id);
            assertThat(left.member()).isFalse();
            assertThat(left.epoch()).isEqualTo(1);
            assertThat(left.members()).extracting(GroupMember::name).containsExactly("Alice", "Bob");
            exchange(alice, bob, carol);
            // Bob is not Carol's contact: her signed departure reaches him all the same.
            assertThat(bob.groups().find("Neighbours").members()).extracting(GroupMember::name)
                    .containsExactly("Alice", "Bob");
            assertThat(alice.groups().find("Neighbours").epoch()).isEqualTo(1);

            alice.groups().send(id, "after Carol left");
            bob.groups().send(id, "ok");
            exchange(alice, bob, carol);
            assertThat(texts(bob, id)).contains("alice: after Carol left");
            assertThat(texts(alice, id)).contains("bob: ok");
            assertThat(texts(carol, id)).containsExactly("Carol: hello before I go");
            assertThatThrownBy(() -> carol.groups().send(id, "still here?"))
                    .isInstanceOfSatisfying(GroupChangeException.class,
                            e -> assertThat(e.reason()).isEqualTo(GroupChangeException.Reason.NOT_A_MEMBER));
            assertThatThrownBy(() -> carol.groups().leave(id))
                    .isInstanceOfSatisfying(GroupChangeException.class,
                            e -> assertThat(e.reason()).isEqualTo(GroupChangeException.Reason.NOT_A_MEMBER));

            assertThatThrownBy(() -> alice.groups().leave(id))
                    .isInstanceOfSatisfying(GroupChangeException.class, e -> {
                        assertThat(e.reason()).isEqualTo(GroupChangeException.Reason.INVALID);
                        assertThat(e.getMessage()).contains("only admin");
                    });
            alice.groups().promote(id, bob.card().identityKey());
            exchange(alice, bob, carol);
            assertThat(alice.groups().leave(id).member()).isFalse();
            exchange(alice, bob, carol);
            GroupSummary bobsView = bob.groups().find("Neighbours");
            assertThat(bobsView.members()).extracting(GroupMember::name).containsExactly("Bob");
            assertThat(bobsView.admin()).isTrue();
        }
    }

    @Test
    void aMessageThatArrivesBeforeItsSenderKeyIsOpenedWhenTheKeyComes() throws Exception {
        try (Account alice = Account.create(dir.resolve("a"), "Alice", clock);
             Account bob = Account.create(dir.resolve("b"), "Bob", clock)) {
            befriend(alice, bob);
            GroupId id = alice.groups().create("Newsroom", List.of(alice.contact("bob"))).id();
            carryAll(alice, bob, false);
            EnvelopeId message = alice.groups().send(id, "first report");
            carry(alice, bob, message);
            assertThat(texts(bob, id)).isEmpty();
            carryAll(alice, bob, false);
            assertThat(texts(bob, id)).containsExactly("alice: first report");
        }
    }

    @Test
    void aMessageThatArrivesBeforeTheGroupIsOpenedWhenTheGroupComes() throws Exception {
        try (Account alice = Account.create(dir.resolve("a"), "Alice", clock);
             Account bob = Account.create(dir.resolve("b"), "Bob", clock)) {
            befriend(alice, bob);
            GroupId id = alice.groups().create("Newsroom", List.of(alice.contact("bob"))).id();
            EnvelopeId message = alice.groups().send(id, "early");
            carryAll(alice, bob, true); // group messages first, then the 1:1 envelopes
            assertThat(texts(bob, id)).containsExactly("alice: early");
            assertThat(message).isNotNull();
        }
    }

    @Test
    void membershipChangesThatArriveOutOfOrderAreAppliedInOrder() throws Exception {
        try (Account alice = Account.create(dir.resolve("a"), "Alice", clock);
             Account bob = Account.create(dir.resolve("b"), "Bob", clock);
             Account carol = Account.create(dir.resolve("c"), "Carol", clock)) {
            befriend(alice, bob);
            befriend(alice, carol);
            GroupId id = alice.groups().create("Newsroom", List.of(alice.contact("bob"), alice.contact("carol")))
                    .id();
            carryAll(alice, bob, false);
            List<EnvelopeId> before = ids(alice);
            alice.groups().promote(id, bob.card().identityKey());
            List<EnvelopeId> promotion = ids(alice);
            promotion.removeAll(before);
            alice.groups().remove(id, carol.card().identityKey());
            List<EnvelopeId> removal = ids(alice);
            removal.removeAll(before);
            removal.removeAll(promotion);
            for (EnvelopeId e : removal) {
                carry(alice, bob, e);
            }
            assertThat(bob.groups().find("Newsroom").epoch()).as("the removal waits for the promotion").isZero();
            for (EnvelopeId e : promotion) {
                carry(alice, bob, e);
            }
            GroupSummary atBob = bob.groups().find("Newsroom");
            assertThat(atBob.epoch()).isEqualTo(2);
            assertThat(atBob.admin()).isTrue();
            assertThat(atBob.members()).extracting(GroupMember::name).containsExactly("Alice", "Bob");
        }
    }

    private List<EnvelopeId> ids(Account account) throws Exception {
        List<EnvelopeId> out = new java.util.ArrayList<>();
        for (EnvelopeRef ref : Account.call(account.storeExecutor(), () -> account.database().read(t ->
                account.envelopes().liveAfter(t, 0, clock.millis(), 10_000)))) {
            out.add(ref.id());
        }
        return out;
    }

    @Test
    void aRemovedMemberWhoHasNotHeardOfItYetIsNotReadByThoseWhoHave() throws Exception {
        try (Account alice = Account.create(dir.resolve("a"), "Alice", clock);
             Account bob = Account.create(dir.resolve("b"), "Bob", clock);
             Account carol = Account.create(dir.resolve("c"), "Carol", clock)) {
            befriend(alice, bob);
            befriend(alice, carol);
            GroupId id = alice.groups().create("Newsroom", List.of(alice.contact("bob"), alice.contact("carol")))
                    .id();
            exchange(alice, bob, carol);
            alice.groups().remove(id, carol.card().identityKey());
            carryAll(alice, bob, false); // Carol's node has not heard of it
            carol.groups().send(id, "written after my removal");
            carryAll(carol, bob, false);
            carryAll(carol, alice, false);
            assertThat(texts(bob, id)).isEmpty();
            assertThat(texts(alice, id)).isEmpty();
        }
    }

    @Test
    void senderKeysFromNonMembersAreRefusedAndFutureOnesBounded() throws Exception {
        try (Account alice = Account.create(dir.resolve("a"), "Alice", clock);
             Account bob = Account.create(dir.resolve("b"), "Bob", clock);
             Account dave = Account.create(dir.resolve("d"), "Dave", clock)) {
            befriend(alice, bob);
            befriend(bob, dave);
            GroupId id = alice.groups().create("Newsroom", List.of(alice.contact("bob"))).id();
            carryAll(alice, bob, false);
            GroupCodec codec = new GroupCodec();
            ContentCodec content = new ContentCodec();
            Contact toBob = dave.contact("bob");
            for (long epoch : new long[] {0, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14}) {
                byte[] distribution = codec.encodeSenderKey(new SenderKeyFields(id.bytes(), epoch, new byte[32], 0,
                        dave.card().identityKey()));
                EnvelopeId sent = Account.call(dave.storeExecutor(), () -> dave.database().write(t -> {
                    byte[] inner = dave.forwardSecrecy().encrypt(t, toBob.card().identityKey(),
                            toBob.card().agreementKey(), content.encode(new GroupContent(GroupContent.Kind.SENDER_KEY,
                                    distribution)));
                    StoredEnvelope e = dave.outbox().seal(toBob.card().agreementKey(), new RatchetContent(inner))
                            .envelope();
                    dave.envelopes().insert(t, e);
                    return e.id();
                }));
                carry(dave, bob, sent);
            }
            GroupStore store = new GroupStore(new FieldCipher() {
                @Override
                public byte[] seal(byte[] context, byte[] plaintext) {
                    return plaintext;
                }

                @Override
                public byte[] open(byte[] context, byte[] sealed) {
                    return sealed;
                }
            });
            int kept = Account.call(bob.storeExecutor(), () -> bob.database().read(t ->
                    store.senderKeysAfter(t, id, dave.card().identityKey(), -1)));
            assertThat(kept).as("none for epoch 0 (not a member), 8 for epochs not reached").isEqualTo(8);
        }
    }

    @Test
    void anInvitationFromSomeoneWhoIsNotAContactIsIgnored() throws Exception {
        try (Account mallory = Account.create(dir.resolve("m"), "Mallory", clock);
             Account bob = Account.create(dir.resolve("b"), "Bob", clock)) {
            mallory.addContact(bob.contactCode(), "bob");
            mallory.groups().create("Free money", List.of(mallory.contact("bob")));
            carryAll(mallory, bob, false);
            assertThat(bob.groups().list()).isEmpty();
        }
    }

    @Test
    void groupMessagesShowCarriersNeitherTheGroupNorTheSender() throws Exception {
        try (Account alice = Account.create(dir.resolve("a"), "Alice", clock);
             Account bob = Account.create(dir.resolve("b"), "Bob", clock)) {
            befriend(alice, bob);
            GroupId id = alice.groups().create("Newsroom", List.of(alice.contact("bob"))).id();
            byte[] envelope = stored(alice, alice.groups().send(id, "hello")).bytes();
            assertThat(envelope[1]).isEqualTo((byte) GroupMessageFormat.KIND_GROUP);
            assertThat(indexOf(envelope, id.bytes())).isNegative();
            assertThat(indexOf(envelope, alice.card().identityKey().bytes())).isNegative();
            assertThat(indexOf(envelope, alice.card().agreementKey().bytes())).isNegative();
            assertThat(EnvelopeFormat.parseHeader(envelope).supported()).isFalse();
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static void befriend(Account a, Account b) throws Exception {
        a.addContact(b.contactCode(), b.card().name().toLowerCase(Locale.ROOT));
        b.addContact(a.contactCode(), a.card().name().toLowerCase(Locale.ROOT));
    }

    private static List<String> texts(Account account, GroupId id) throws Exception {
        return account.groups().messages(id).stream().map(m -> m.senderName() + ": " + m.text()).toList();
    }

    /** Carries every envelope each account holds to each other one, twice (answers to answers). */
    private void exchange(Account... accounts) throws Exception {
        for (int round = 0; round < 2; round++) {
            for (Account from : accounts) {
                for (Account to : accounts) {
                    if (from != to) {
                        carryAll(from, to, false);
                    }
                }
            }
        }
    }

    private void carryAll(Account from, Account to, boolean groupMessagesFirst) throws Exception {
        List<EnvelopeRef> refs = Account.call(from.storeExecutor(),
                () -> from.database().read(t -> from.envelopes().liveAfter(t, 0, clock.millis(), 10_000)));
        for (int pass = groupMessagesFirst ? 0 : 1; pass < 2; pass++) {
            for (EnvelopeRef ref : refs) {
                boolean group = stored(from, ref.id()).bytes()[1] == GroupMessageFormat.KIND_GROUP;
                if (!groupMessagesFirst || (pass == 0) == group) {
                    carry(from, to, ref.id());
                }
            }
        }
    }

    private void carry(Account from, Account to, EnvelopeId id) throws Exception {
        StoredEnvelope envelope = stored(from, id);
        Inbox inbox = new Inbox(to.database(), to.envelopes(), to.messageStore(), to.outbox(), DIRECT,
                to.storeExecutor(), () -> { }, clock, to.forwardSecrecy(), to.groups().inbox(),
                null);
        EnvelopeIngest ingest = new EnvelopeIngest(to.database(), to.envelopes(),
                new EnvelopeOpener(to.keys().agreement()), inbox, DIRECT, to.storeExecutor(), () -> { }, clock);
        ingest.handleGroupMessages(to.groups().inbox());
        Account.call(to.storeExecutor(), () -> ingest.receive(new EnvelopeRecord(envelope.bytes(), 0), "test"));
        for (int i = 0; i < 4; i++) {
            Account.call(to.storeExecutor(), () -> null);
        }
    }

    private static StoredEnvelope stored(Account account, EnvelopeId id) throws Exception {
        return Account.call(account.storeExecutor(),
                () -> account.database().read(t -> account.envelopes().find(t, id))).orElseThrow();
    }

    @SuppressWarnings("unused")
    private static List<GroupMessage> messages(Account account, GroupId id) throws Exception {
        return account.groups().messages(id);
    }
}
