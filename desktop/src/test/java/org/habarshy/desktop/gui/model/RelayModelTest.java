package org.habarshy.desktop.gui.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.habarshy.core.crypto.AgreementKeyPair;
import org.habarshy.core.mailbox.RelayCode;
import org.habarshy.core.node.Account;
import org.habarshy.core.node.Node;
import org.habarshy.core.node.NodeConfig;
import org.habarshy.core.testing.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The relay settings of the view model: adding relays by code (refusals with their message keys), registering a
 * mailbox, and the running node dialling an added relay. Real account and nodes, loopback TCP.
 */
class RelayModelTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path tmp;

    private final ExecutorService ui = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-ui"));
    private Account relayAccount;
    private Node relayNode;
    private AppModel model;

    @BeforeEach
    void setUp() throws Exception {
        relayAccount = Account.create(tmp.resolve("relay"), "relay", Clock.systemUTC());
        relayNode = Node.start(relayAccount, new NodeConfig(Optional.of(InetAddress.getLoopbackAddress()), 0,
                List.of(), false));
        Path appData = tmp.resolve("app");
        Settings settings = Settings.defaults(appData).withNetwork(appData, 0, false, List.of());
        model = new AppModel(settings, new SettingsFile(tmp.resolve("desktop.properties"), appData),
                new BackgroundWork(ui), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() throws Exception {
        ui.submit(() -> { }).get(30, TimeUnit.SECONDS);
        model.close();
        relayNode.close();
        relayAccount.close();
        ui.shutdown();
        ui.awaitTermination(10, TimeUnit.SECONDS);
    }

    private <T> T onUi(java.util.concurrent.Callable<T> action) throws Exception {
        return ui.submit(action).get(30, TimeUnit.SECONDS);
    }

    private Optional<UserError> outcome(Consumer<Consumer<Optional<UserError>>> action) throws Exception {
        CompletableFuture<Optional<UserError>> result = new CompletableFuture<>();
        ui.submit(() -> action.accept(result::complete)).get(30, TimeUnit.SECONDS);
        return result.get(30, TimeUnit.SECONDS);
    }

    private List<RelayRow> relays() throws Exception {
        CompletableFuture<List<RelayRow>> result = new CompletableFuture<>();
        ui.submit(() -> model.loadRelays(result::complete, e -> result.completeExceptionally(
                new AssertionError(e.key())))).get(30, TimeUnit.SECONDS);
        return result.get(30, TimeUnit.SECONDS);
    }

    private CompletableFuture<String> register(String name) throws Exception {
        CompletableFuture<String> result = new CompletableFuture<>();
        ui.submit(() -> model.registerMailbox(name, result::complete, e -> result.complete("error " + e.key())))
                .get(30, TimeUnit.SECONDS);
        return result;
    }

    private static String code(boolean mailbox) {
        return new RelayCode(AgreementKeyPair.generate(RANDOM).publicKey(),
                mailbox ? Optional.of(AgreementKeyPair.generate(RANDOM).publicKey()) : Optional.empty()).encode();
    }

    @Test
    void relaysAreAddedByCodeAMailboxIsRegisteredAndTheNodeDialsTheRelay() throws Exception {
        ui.submit(model::start).get(30, TimeUnit.SECONDS);
        Await.until("first run", LIMIT, () -> onUi(model::stage) == AppModel.Stage.FIRST_RUN);
        assertThat(outcome(done -> model.createIdentity("Aigerim", new char[0], new char[0], done))).isEmpty();

        assertThat(outcome(done -> model.addRelay("taraz", "HBR1NOTACODE", "127.0.0.1:1", done)))
                .map(UserError::key).contains("relay.codeInvalid");
        assertThat(outcome(done -> model.addRelay("Taraz!", code(true), "127.0.0.1:1", done)))
                .map(UserError::key).contains("error.invalid");
        assertThat(outcome(done -> model.addRelay("taraz", code(true), "nowhere", done)))
                .map(UserError::key).contains("error.invalid");
        assertThat(relays()).isEmpty();

        String relayCode = code(true);
        assertThat(outcome(done -> model.addRelay(" taraz ", " " + relayCode + "\n", "127.0.0.1:"
                + relayNode.port(), done))).isEmpty();
        assertThat(outcome(done -> model.addRelay("plain", code(false), "127.0.0.1:1", done))).isEmpty();
        assertThat(relays()).containsExactly(
                new RelayRow("taraz", "127.0.0.1:" + relayNode.port(), true, ""),
                new RelayRow("plain", "127.0.0.1:1", false, ""));

        assertThat(register("plain").get(30, TimeUnit.SECONDS)).isEqualTo("error relay.mailboxRefused");
        String mailboxCode = register("taraz").get(30, TimeUnit.SECONDS);
        assertThat(mailboxCode).startsWith("HBM1");
        assertThat(relays().get(0).mailboxCode()).isEqualTo(mailboxCode);

        // The running node dials an added relay at once, like a manual peer.
        Await.until("the node linked to the relay's address", LIMIT, () -> relayNode.linkCount() >= 1);
    }
}
