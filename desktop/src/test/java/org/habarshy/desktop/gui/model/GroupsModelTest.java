package org.habarshy.desktop.gui.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.habarshy.core.api.group.GroupId;
import org.habarshy.core.api.group.GroupMember;
import org.habarshy.core.group.GroupChangeException;
import org.habarshy.core.node.Account;
import org.habarshy.core.node.Node;
import org.habarshy.core.node.NodeConfig;
import org.habarshy.core.testing.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The groups screen's model without any display: Alice's real account and node in a {@link MessengerSession} (SQLite,
 * loopback TCP) and Bob's real node. A single-thread executor stands in for the UI thread.
 */
class GroupsModelTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    private final ExecutorService ui = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-ui"));
    private BackgroundWork work;
    private MessengerSession alice;
    private Account bob;
    private Node bobNode;
    private GroupsModel model;

    @BeforeEach
    void setUp() throws Exception {
        Clock clock = Clock.systemUTC();
        bob = Account.create(tmp.resolve("bob"), "Bob", clock);
        bobNode = Node.start(bob, new NodeConfig(Optional.of(InetAddress.getLoopbackAddress()), 0, List.of(), false));
        work = new BackgroundWork(ui);
        Path aliceDir = tmp.resolve("alice");
        Settings settings = Settings.defaults(aliceDir).withNetwork(aliceDir, 0, false,
                List.of(new PeerAddress("127.0.0.1", bobNode.port())));
        alice = work.call(() -> {
            MessengerSession session = MessengerSession.create(aliceDir, "Alice", new char[0], clock);
            session.addContact(bob.contactCode(), "bob");
            session.startNode(settings);
            return session;
        });
        bob.addContact(work.call(alice::contactCode), "alice");
        model = new GroupsModel(work, () -> Optional.of(alice));
    }

    @AfterEach
    void tearDown() throws Exception {
        work.call(() -> {
            alice.close();
            return null;
        });
        work.close();
        bobNode.close();
        bob.close();
        ui.shutdown();
        ui.awaitTermination(10, TimeUnit.SECONDS);
    }

    private <T> T onUi(java.util.concurrent.Callable<T> action) throws Exception {
        return ui.submit(action).get(60, TimeUnit.SECONDS);
    }

    private Optional<UserError> outcome(Consumer<Consumer<Optional<UserError>>> action) throws Exception {
        CompletableFuture<Optional<UserError>> result = new CompletableFuture<>();
        onUi(() -> {
            action.accept(r -> {
                assertThat(Thread.currentThread().getName()).isEqualTo("test-ui");
                result.complete(r);
            });
            return null;
        });
        return result.get(60, TimeUnit.SECONDS);
    }

    private static Optional<String> key(Optional<UserError> error) {
        return error.map(UserError::key);
    }

    @Test
    void badInputIsRefusedBeforeAnyWork() throws Exception {
        assertThat(key(outcome(done -> model.create("  ", List.of("bob"), done)))).contains("group.error.nameEmpty");
        assertThat(key(outcome(done -> model.create("я".repeat(33), List.of("bob"), done))))
                .contains("group.error.nameTooLong");
        assertThat(key(outcome(done -> model.create("Street", List.of(), done)))).contains("group.error.noMembers");
        assertThat(key(outcome(done -> model.send("hello", done)))).contains("group.error.noGroup");
        assertThat(key(outcome(done -> model.create("Street", List.of("nobody"), done))))
                .contains("error.unknownContact");
        assertThat(GroupsModel.error(new GroupChangeException(GroupChangeException.Reason.NOT_ADMIN, "x")).key())
                .isEqualTo("group.error.notAdmin");
        assertThat(GroupsModel.error(new GroupChangeException(GroupChangeException.Reason.NOT_A_MEMBER, "x")).key())
                .isEqualTo("group.error.notMember");
    }

    @Test
    void createTalkAndRemoveAMember() throws Exception {
        List<String> changes = new java.util.concurrent.CopyOnWriteArrayList<>();
        onUi(() -> {
            model.setListener(() -> changes.add(Thread.currentThread().getName()));
            model.start(200);
            return null;
        });
        Await.until("contacts read", LIMIT, () -> onUi(model::contactAliases).contains("bob"));
        assertThat(outcome(done -> model.create("Abay street", List.of("bob"), done))).isEmpty();
        Await.until("the new group is open", LIMIT, () -> onUi(() -> model.selected().isPresent()));
        assertThat(onUi(model::canManage)).isTrue();
        assertThat(onUi(() -> model.selected().orElseThrow().members()).stream().map(GroupMember::name))
                .containsExactly("Alice", "Bob");

        assertThat(outcome(done -> model.send("water is back", done))).isEmpty();
        Await.until("own message shown", LIMIT, () -> onUi(model::conversation).stream()
                .anyMatch(l -> l.outgoing() && l.text().equals("water is back")));

        Await.until("Bob joined", LIMIT, () -> bob.groups().list().size() == 1);
        GroupId id = bob.groups().list().get(0).id();
        Await.until("Bob read it", LIMIT, () -> !bob.groups().messages(id).isEmpty());
        bob.groups().send(id, "thanks, Alice");
        Await.until("Bob's reply shown with his alias", LIMIT, () -> onUi(model::conversation)
                .contains(new GroupsModel.Line("bob", "thanks, Alice",
                        bob.groups().messages(id).get(1).sentAt(), false)));

        GroupMember bobMember = onUi(() -> model.selected().orElseThrow().members().get(1));
        assertThat(outcome(done -> model.removeMember(bobMember, done))).isEmpty();
        Await.until("one member left", LIMIT, () -> onUi(() -> model.selected().orElseThrow().members().size()) == 1);
        assertThat(changes).isNotEmpty().allMatch("test-ui"::equals);
    }

    @Test
    void leaveAGroupAndTheOnlyAdminIsToldToPromoteFirst() throws Exception {
        onUi(() -> {
            model.start(200);
            return null;
        });
        Await.until("contacts read", LIMIT, () -> onUi(model::contactAliases).contains("bob"));
        assertThat(outcome(done -> model.create("Own group", List.of("bob"), done))).isEmpty();
        Await.until("the new group is open", LIMIT, () -> onUi(() -> model.selected().isPresent()));
        assertThat(key(outcome(model::leave))).contains("group.leave.onlyAdmin");

        GroupId bobs = bob.groups().create("Bob's street", List.of(bob.contact("alice"))).id();
        Await.until("Alice joined Bob's group", LIMIT, () -> onUi(model::groups).stream()
                .anyMatch(g -> g.id().equals(bobs)));
        onUi(() -> {
            model.select(bobs);
            return null;
        });
        Await.until("Bob's group open", LIMIT, () -> onUi(() -> model.selected()
                .map(g -> g.id().equals(bobs)).orElse(false)));
        assertThat(onUi(model::canLeave)).isTrue();
        assertThat(onUi(model::canManage)).isFalse();

        assertThat(outcome(model::leave)).isEmpty();
        Await.until("Alice is no longer a member", LIMIT, () -> onUi(() -> !model.selected().orElseThrow().member()));
        assertThat(onUi(model::canLeave)).isFalse();
        Await.until("Bob's node applied Alice's departure", LIMIT,
                () -> bob.groups().find("Bob's street").members().size() == 1);
    }
}
