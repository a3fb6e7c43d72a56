package org.habarshy.desktop.gui.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.habarshy.core.api.message.Direction;
import org.habarshy.core.api.message.MessageState;
import org.habarshy.core.node.Account;
import org.habarshy.core.node.Node;
import org.habarshy.core.node.NodeConfig;
import org.habarshy.core.testing.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The view model without any display: a real account and node in this JVM (SQLite files, loopback TCP) talk to a
 * second real node ("bob"). A single-thread executor stands in for the UI thread; every model call runs there.
 */
class AppModelTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    private final ExecutorService ui = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-ui"));
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<List<String>> arrivals = new CopyOnWriteArrayList<>();
    private Account bob;
    private Node bobNode;
    private AppModel model;
    private Path appData;

    @BeforeEach
    void setUp() throws Exception {
        bob = Account.create(tmp.resolve("bob"), "Bob", Clock.systemUTC());
        bobNode = Node.start(bob, new NodeConfig(Optional.of(InetAddress.getLoopbackAddress()), 0, List.of(), false));
        appData = tmp.resolve("app");
        Settings settings = Settings.defaults(appData).withNetwork(appData, 0, false,
                List.of(new PeerAddress("127.0.0.1", bobNode.port())));
        SettingsFile file = new SettingsFile(tmp.resolve("desktop.properties"), appData);
        model = new AppModel(settings, file, new BackgroundWork(ui), Clock.systemUTC());
        onUi(() -> model.addListener(new AppModel.Listener() {
            @Override
            public void stageChanged(AppModel.Stage stage) {
                assertThat(Thread.currentThread().getName()).isEqualTo("test-ui");
                events.add("stage " + stage);
            }

            @Override
            public void messagesArrived(List<String> fromAliases) {
                arrivals.add(fromAliases);
            }
        }));
    }

    @AfterEach
    void tearDown() throws Exception {
        if (model != null) {
            onUi(() -> { });
            model.close();
        }
        bobNode.close();
        bob.close();
        ui.shutdown();
        ui.awaitTermination(10, TimeUnit.SECONDS);
    }

    private void onUi(Runnable action) throws Exception {
        ui.submit(action).get(30, TimeUnit.SECONDS);
    }

    private <T> T onUi(java.util.concurrent.Callable<T> action) throws Exception {
        return ui.submit(action).get(30, TimeUnit.SECONDS);
    }

    /** Calls {@code action} on the UI thread with a callback and waits for the callback's value. */
    private Optional<UserError> outcome(Consumer<Consumer<Optional<UserError>>> action) throws Exception {
        CompletableFuture<Optional<UserError>> result = new CompletableFuture<>();
        onUi(() -> action.accept(result::complete));
        return result.get(30, TimeUnit.SECONDS);
    }

    private void awaitOnUi(String what, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        Await.until(what, LIMIT, () -> onUi(condition));
    }

    @Test
    void firstRunFormRejectsBlankOrLongNamesAndDifferentPassphrases() {
        assertThat(AppModel.checkNewIdentity("  ", new char[0], new char[0]))
                .map(UserError::key).contains("error.nameRequired");
        assertThat(AppModel.checkNewIdentity("ә".repeat(33), new char[0], new char[0]))
                .map(UserError::key).contains("error.nameTooLong");
        assertThat(AppModel.checkNewIdentity("Айгерім", "a".toCharArray(), "b".toCharArray()))
                .map(UserError::key).contains("error.passphraseMismatch");
        assertThat(AppModel.checkNewIdentity("Айгерім", "кілт".toCharArray(), "кілт".toCharArray())).isEmpty();
        assertThat(AppModel.checkText("")).map(UserError::key).contains("error.textEmpty");
        assertThat(AppModel.checkText("x".repeat(64 * 1024 + 1))).map(UserError::key).contains("error.textTooLong");
        assertThat(AppModel.checkAlias("")).map(UserError::key).contains("error.aliasInvalid");
    }

    @Test
    void firstRunCreatesTheIdentityThenMessagesTravelBothWaysWithUnreadCountsSearchAndPanic() throws Exception {
        onUi(model::start);
        awaitOnUi("the first-run stage", () -> model.stage() == AppModel.Stage.FIRST_RUN);
        Optional<UserError> mismatch = outcome(done -> model.createIdentity("Aigerim", "a".toCharArray(),
                "b".toCharArray(), done));
        assertThat(mismatch).map(UserError::key).contains("error.passphraseMismatch");
        assertThat(Files.exists(appData)).as("nothing written for a refused form").isFalse();

        assertThat(outcome(done -> model.createIdentity("Aigerim", new char[0], new char[0], done))).isEmpty();
        assertThat(onUi(model::stage)).isEqualTo(AppModel.Stage.READY);
        AppModel.Profile profile = onUi(model::profile);
        assertThat(profile.name()).isEqualTo("Aigerim");
        assertThat(profile.contactCode()).startsWith("HB1");
        bob.addContact(profile.contactCode(), "aigerim");

        assertThat(outcome(done -> model.addContact("HB1NOTACODE", "Bob", done)))
                .map(UserError::key).contains("error.contactCode");
        assertThat(outcome(done -> model.addContact(" " + bob.contactCode() + "\n", "Bob", done))).isEmpty();
        assertThat(outcome(done -> model.addContact(bob.contactCode(), "Bob again", done)))
                .map(UserError::key).contains("error.duplicateContact");
        try (Account impostor = Account.create(tmp.resolve("impostor"), "Bob", Clock.systemUTC())) {
            assertThat(outcome(done -> model.addContact(impostor.contactCode(), "Bob", done)))
                    .as("another key under Bob's alias is a key-change warning, and Bob stays")
                    .map(UserError::key).contains("error.contactKeyChanged");
        }
        awaitOnUi("Bob listed", () -> model.contacts().size() == 1);
        assertThat(onUi(model::selectedAlias)).contains("Bob");

        assertThat(outcome(done -> model.send("   ", done))).map(UserError::key).contains("error.textEmpty");
        assertThat(outcome(done -> model.send("Сәлем, Bob!", done))).isEmpty();
        awaitOnUi("the message is delivered", () -> model.conversation().stream().anyMatch(
                r -> r.outgoing() && r.message().state() == MessageState.DELIVERED));
        assertThat(bob.messages(Optional.empty())).extracting(m -> m.text()).containsExactly("Сәлем, Bob!");

        // Replies while no conversation is open count as unread and are announced.
        onUi(() -> model.select(null));
        bob.send("aigerim", "Бірінші");
        bob.send("aigerim", "Екінші");
        awaitOnUi("two unread", () -> model.unreadTotal() == 2);
        assertThat(onUi(model::contacts)).singleElement().satisfies(c -> {
            assertThat(c.unread()).isEqualTo(2);
            assertThat(c.lastText()).isEqualTo("Екінші");
        });
        assertThat(arrivals.stream().flatMap(List::stream).toList()).containsExactly("Bob", "Bob");

        onUi(() -> model.select("Bob"));
        assertThat(onUi(model::unreadTotal)).isZero();
        assertThat(onUi(model::conversation)).extracting(r -> r.message().text())
                .containsExactly("Сәлем, Bob!", "Бірінші", "Екінші");
        awaitOnUi("opening the conversation sends Bob read receipts", () -> bob.messages(Optional.empty()).stream()
                .filter(m -> m.direction() == Direction.OUTGOING).allMatch(m -> m.state() == MessageState.READ));
        onUi(() -> model.search("ЕКІН"));
        assertThat(onUi(model::conversation)).singleElement().satisfies(r -> {
            assertThat(r.message().direction()).isEqualTo(Direction.INCOMING);
            assertThat(r.message().text()).isEqualTo("Екінші");
        });
        onUi(() -> model.search(""));
        assertThat(onUi(model::conversation)).hasSize(3);

        NetworkSummary network = onUi(model::network);
        assertThat(network.running()).isTrue();
        assertThat(network.links()).hasSize(1);
        assertThat(network.bytesIn()).isPositive();

        CompletableFuture<org.habarshy.core.node.PanicWipe.Report> wiped = new CompletableFuture<>();
        onUi(() -> model.panic(wiped::complete));
        assertThat(wiped.get(30, TimeUnit.SECONDS).complete()).isTrue();
        assertThat(onUi(model::stage)).isEqualTo(AppModel.Stage.WIPED);
        assertThat(Files.exists(appData)).isFalse();
        assertThat(onUi(model::contacts)).isEmpty();
        assertThat(new SettingsFile(tmp.resolve("desktop.properties"), appData).load().manualPeers())
                .as("manual peers forgotten by the wipe").isEmpty();
        assertThat(events).containsSubsequence("stage FIRST_RUN", "stage READY", "stage WIPED");
    }

    @Test
    void aWipeByAnotherProcessClosesTheSessionAndShowsTheWipedScreen() throws Exception {
        onUi(model::start);
        awaitOnUi("the first-run stage", () -> model.stage() == AppModel.Stage.FIRST_RUN);
        assertThat(outcome(done -> model.createIdentity("Aigerim", new char[0], new char[0], done))).isEmpty();
        awaitOnUi("linked to bob", () -> model.network().links().size() == 1);

        // What 'habarshy panic' does in its own process; the app learns of it only through the directory.
        org.habarshy.core.node.PanicWipe.Report report = new org.habarshy.core.node.PanicWipe(appData).wipe();

        assertThat(report.complete()).isTrue();
        awaitOnUi("the wiped screen", () -> model.stage() == AppModel.Stage.WIPED);
        Await.until("bob lost the link", LIMIT, () -> bobNode.linkCount() == 0);
        assertThat(onUi(model::contacts)).isEmpty();
        assertThat(new SettingsFile(tmp.resolve("desktop.properties"), appData).load().manualPeers())
                .as("manual peers forgotten as by the app's own panic").isEmpty();
        // The refresh timer and housekeeping run every two seconds: none of them may bring a file back.
        Thread.sleep(4_500);
        assertThat(Files.exists(appData)).as("nothing written into the wiped directory").isFalse();
        assertThat(events).containsSubsequence("stage READY", "stage WIPED");
    }

    @Test
    void theOpenConversationsTimerAndRealTimeTextBothWays() throws Exception {
        List<String> options = new CopyOnWriteArrayList<>();
        onUi(() -> model.addListener(new AppModel.Listener() {
            @Override
            public void conversationOptionsChanged() {
                options.add("changed");
            }
        }));
        onUi(model::start);
        awaitOnUi("first run", () -> model.stage() == AppModel.Stage.FIRST_RUN);
        assertThat(outcome(done -> model.createIdentity("Aigerim", new char[0], new char[0], done))).isEmpty();
        org.habarshy.core.api.identity.Contact aigerim = bob.addContact(onUi(model::profile).contactCode(), "aigerim");
        assertThat(outcome(done -> model.setRealTimeText(true, done))).map(UserError::key)
                .contains("error.noConversation");
        assertThat(outcome(done -> model.addContact(bob.contactCode(), "Bob", done))).isEmpty();

        awaitOnUi("the timer is read", () -> model.disappearingTimer().isPresent());
        assertThat(onUi(model::disappearingTimer)).contains(Duration.ZERO);
        assertThat(outcome(done -> model.setDisappearingTimer(Duration.ofHours(1), done))).isEmpty();
        assertThat(onUi(model::disappearingTimer)).contains(Duration.ofHours(1));
        onUi(() -> model.select(null));
        assertThat(onUi(model::disappearingTimer)).isEmpty();
        onUi(() -> model.select("Bob"));
        awaitOnUi("the timer is read again", () -> model.disappearingTimer().equals(Optional.of(Duration.ofHours(1))));

        awaitOnUi("linked to Bob", () -> model.network().links().size() == 1);
        assertThat(outcome(done -> model.setRealTimeText(true, done))).isEmpty();
        assertThat(onUi(model::realTimeTextOn)).isTrue();
        Thread.sleep(300);
        assertThat(onUi(model::realTimeTextLinked)).as("Bob has not turned it on").isFalse();
        onUi(() -> model.typed("Typed before Bob turned it on"));
        bobNode.realTimeText().enable(aigerim.card());
        awaitOnUi("both have it on", model::realTimeTextLinked);
        Await.until("what was already typed reaches Bob once linked", LIMIT, () -> bobNode.realTimeText()
                .peerDraft(aigerim.card().identityKey()).equals(Optional.of("Typed before Bob turned it on")));

        onUi(() -> model.typed("Сәл"));
        onUi(() -> model.typed("Сәлем, жарық жоқ"));
        Await.until("Bob sees the draft", LIMIT, () -> bobNode.realTimeText().peerDraft(aigerim.card().identityKey())
                .equals(Optional.of("Сәлем, жарық жоқ")));
        bobNode.realTimeText().type(aigerim.card().identityKey(), "Иә, бізде де");
        awaitOnUi("Aigerim sees Bob's draft", () -> model.peerDraft().equals(Optional.of("Иә, бізде де")));
        assertThat(options).isNotEmpty();

        onUi(() -> model.select(null));
        Await.until("leaving the conversation clears the draft Bob sees", LIMIT,
                () -> bobNode.realTimeText().peerDraft(aigerim.card().identityKey()).isEmpty());
        onUi(() -> model.select("Bob"));
        onUi(() -> model.typed("Сәлем, жарық жоқ"));
        Await.until("Bob sees it again", LIMIT, () -> bobNode.realTimeText().peerDraft(aigerim.card().identityKey())
                .isPresent());
        assertThat(outcome(done -> model.send("Сәлем, жарық жоқ", done))).isEmpty();
        Await.until("sending clears the draft Bob sees", LIMIT,
                () -> bobNode.realTimeText().peerDraft(aigerim.card().identityKey()).isEmpty());
        Await.until("and the message arrives as a normal message", LIMIT, () -> bob.messages(Optional.empty())
                .stream().anyMatch(m -> m.text().equals("Сәлем, жарық жоқ")));

        assertThat(outcome(done -> model.setRealTimeText(false, done))).isEmpty();
        assertThat(onUi(model::peerDraft)).isEmpty();
        assertThat(onUi(model::realTimeTextLinked)).isFalse();
        onUi(() -> model.typed("no longer streamed"));
        Thread.sleep(300);
        assertThat(bobNode.realTimeText().peerDraft(aigerim.card().identityKey())).isEmpty();
    }

    @Test
    void anEncryptedIdentityIsLockedUntilTheRightPassphrase() throws Exception {
        Account.create(appData, "Aigerim", Clock.systemUTC(), "дұрыс кілт".toCharArray()).close();
        onUi(model::start);
        awaitOnUi("the locked stage", () -> model.stage() == AppModel.Stage.LOCKED);
        assertThat(outcome(done -> model.unlock("қате".toCharArray(), done)))
                .map(UserError::key).contains("error.wrongPassphrase");
        assertThat(onUi(model::stage)).isEqualTo(AppModel.Stage.LOCKED);
        assertThat(outcome(done -> model.unlock("дұрыс кілт".toCharArray(), done))).isEmpty();
        assertThat(onUi(model::stage)).isEqualTo(AppModel.Stage.READY);
        assertThat(onUi(model::profile).name()).isEqualTo("Aigerim");
    }

    @Test
    void aTakenPortLeavesTheAccountUsableAndSaysWhy() throws Exception {
        model.close();
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0)) {
            runWithTakenPort(taken.getLocalPort());
        }
    }

    private void runWithTakenPort(int port) throws Exception {
        Settings settings = Settings.defaults(appData).withNetwork(appData, port, false, List.of());
        model = new AppModel(settings, new SettingsFile(tmp.resolve("d.properties"), appData),
                new BackgroundWork(ui), Clock.systemUTC());
        onUi(model::start);
        awaitOnUi("first run", () -> model.stage() == AppModel.Stage.FIRST_RUN);
        assertThat(outcome(done -> model.createIdentity("Aigerim", new char[0], new char[0], done))).isEmpty();
        awaitOnUi("the node error is shown", () -> !model.network().running()
                && model.network().error().contains(Integer.toString(port)));
        assertThat(outcome(done -> model.addContact(bob.contactCode(), "Bob", done))).isEmpty();
        assertThat(outcome(done -> model.send("queued while offline", done))).isEmpty();
        awaitOnUi("queued", () -> model.conversation().size() == 1
                && model.conversation().get(0).message().state() == MessageState.QUEUED);
    }
}
