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
import org.habarshy.core.api.identity.AgreementKey;
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
 * The view model's SMS actions without a display: an encrypted compact message to the open conversation reaches a
 * real node and comes back delivered; a plain SMS is refused without a relay or with a bad number, and recorded as
 * unencrypted once sent; a disappearing timer refuses SMS.
 */
class SmsAppModelTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    private final ExecutorService ui = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-ui"));
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
        model = new AppModel(settings, new SettingsFile(tmp.resolve("desktop.properties"), appData),
                new BackgroundWork(ui), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() throws Exception {
        if (model != null) {
            ui.submit(() -> { }).get(30, TimeUnit.SECONDS);
            model.close();
        }
        bobNode.close();
        bob.close();
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

    @Test
    void encryptedSmsIsDeliveredAndPlainSmsNeedsARelayAValidNumberAndIsRecordedAsUnencrypted() throws Exception {
        ui.submit(model::start).get(30, TimeUnit.SECONDS);
        Await.until("first run", LIMIT, () -> onUi(model::stage) == AppModel.Stage.FIRST_RUN);
        assertThat(outcome(done -> model.createIdentity("Aigerim", new char[0], new char[0], done))).isEmpty();
        bob.addContact(onUi(model::profile).contactCode(), "aigerim");
        assertThat(outcome(done -> model.addContact(bob.contactCode(), "Bob", done))).isEmpty();
        Await.until("Bob open", LIMIT, () -> onUi(model::selectedAlias).isPresent());

        String text = "Сәлем! SMS арқылы шифрланған хабар.";
        assertThat(outcome(done -> model.sendBySms(text, done))).isEmpty();
        Await.until("Bob shows it", LIMIT, () -> bob.messages(Optional.of("aigerim")).stream()
                .anyMatch(m -> m.text().equals(text)));
        Await.until("delivered by a compact receipt", LIMIT, () -> onUi(model::conversation).stream().anyMatch(
                r -> r.outgoing() && r.message().text().equals(text)
                        && r.message().state() == MessageState.DELIVERED));

        assertThat(outcome(done -> model.sendPlainSms("+77010000005", "Қайдасың?", done)))
                .map(UserError::key).contains("relay.error.noRelay");
        assertThat(outcome(done -> model.sendPlainSms("8 701 000", "Қайдасың?", done)))
                .map(UserError::key).contains("relay.error.number");
        try (Account sameData = Account.open(appData, Clock.systemUTC())) {
            sameData.setSmsRelayKey(new AgreementKey(new byte[] {9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9,
                    9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9}));
            assertThat(outcome(done -> model.sendPlainSms("+7 701 000-00-05", "Қайдасың?", done))).isEmpty();
            assertThat(sameData.plainSmsHistory()).singleElement().satisfies(h -> {
                assertThat(h.number()).isEqualTo("+77010000005");
                assertThat(h.text()).isEqualTo("Қайдасың?");
            });
            sameData.setDisappearingTimer("Bob", Duration.ofHours(1));
        }
        assertThat(outcome(done -> model.sendBySms("secret", done))).map(UserError::key)
                .contains("relay.error.timer");
    }
}
