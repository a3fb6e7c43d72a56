package org.habarshy.desktop.gui.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.nio.file.Files;
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
import org.habarshy.core.api.attachment.AttachmentState;
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
 * The files and reports view model without a display: the app's real account and node talk to a second real node
 * ("bob") over loopback; a single-thread executor stands in for the UI thread.
 */
class FilesModelTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    private final ExecutorService ui = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-ui"));
    private Account bob;
    private Node bobNode;
    private AppModel model;
    private FilesModel files;

    @BeforeEach
    void setUp() throws Exception {
        bob = Account.create(tmp.resolve("bob"), "Bob", Clock.systemUTC());
        bobNode = Node.start(bob, new NodeConfig(Optional.of(InetAddress.getLoopbackAddress()), 0, List.of(), false));
        Path appData = tmp.resolve("app");
        Settings settings = Settings.defaults(appData).withNetwork(appData, 0, false,
                List.of(new PeerAddress("127.0.0.1", bobNode.port())));
        model = new AppModel(settings, new SettingsFile(tmp.resolve("desktop.properties"), appData),
                new BackgroundWork(ui), Clock.systemUTC());
        files = new FilesModel(model);
        ui.submit(model::start).get(30, TimeUnit.SECONDS);
        Await.until("first run", LIMIT, () -> onUi(model::stage) == AppModel.Stage.FIRST_RUN);
        assertThat(outcome(done -> model.createIdentity("Aigerim", new char[0], new char[0], done))).isEmpty();
        bob.addContact(onUi(model::profile).contactCode(), "aigerim");
        assertThat(outcome(done -> model.addContact(bob.contactCode(), "Bob", done))).isEmpty();
    }

    @AfterEach
    void tearDown() throws Exception {
        ui.submit(() -> { }).get(30, TimeUnit.SECONDS);
        model.close();
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
        return result.get(60, TimeUnit.SECONDS);
    }

    private List<AttachmentRow> rows() throws Exception {
        CompletableFuture<List<AttachmentRow>> result = new CompletableFuture<>();
        ui.submit(() -> files.files(Optional.of("Bob"), result::complete,
                e -> result.completeExceptionally(new AssertionError(e)))).get(30, TimeUnit.SECONDS);
        return result.get(30, TimeUnit.SECONDS);
    }

    private List<FilesModel.ReportView> reports() throws Exception {
        CompletableFuture<List<FilesModel.ReportView>> result = new CompletableFuture<>();
        ui.submit(() -> files.reports(result::complete, e -> result.completeExceptionally(new AssertionError(e))))
                .get(30, TimeUnit.SECONDS);
        return result.get(30, TimeUnit.SECONDS);
    }

    @Test
    void filesTravelBothWaysWithProgressThumbnailsAndSaving() throws Exception {
        Path doc = Files.write(tmp.resolve("notes.txt"), new byte[400_000]);
        assertThat(outcome(done -> files.attach("Bob", List.of(doc), done))).isEmpty();
        Await.until("bob has the file", LIMIT, () -> bob.attachments().list(Optional.empty()).stream()
                .anyMatch(a -> a.state() == AttachmentState.COMPLETE));
        Await.until("the row shows it delivered", LIMIT, () -> rows().stream()
                .anyMatch(r -> r.outgoing() && r.stateKey().equals(MessageRow.stateKey(MessageState.DELIVERED))
                        && r.percent() == 100));

        Path big = tmp.resolve("big.bin");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(17L * 1024 * 1024);
        }
        assertThat(outcome(done -> files.attach("Bob", List.of(big), done))).map(UserError::key)
                .contains("file.error.too_large");

        Path photo = Files.write(tmp.resolve("photo.png"),
                org.habarshy.desktop.gui.image.ThumbnailsTest.png(640, 480, BufferedImage.TYPE_INT_RGB));
        bob.attachments().sendFiles(bob.contact("aigerim"), List.of(photo));
        Await.until("the photo arrives", LIMIT, () -> rows().stream()
                .anyMatch(r -> !r.outgoing() && r.saveable()));
        AttachmentRow received = rows().stream().filter(r -> !r.outgoing()).findFirst().orElseThrow();
        assertThat(received.previewable()).isTrue();
        assertThat(received.stateKey()).isEqualTo("file.state.complete");
        assertThat(received.alias()).isEqualTo("Bob");

        CompletableFuture<Optional<BufferedImage>> thumb = new CompletableFuture<>();
        ui.submit(() -> files.thumbnail(received, b -> org.habarshy.desktop.gui.image.Thumbnails.of(b, 48), thumb::complete)).get(30, TimeUnit.SECONDS);
        assertThat(thumb.get(30, TimeUnit.SECONDS)).hasValueSatisfying(i -> assertThat(i.getWidth()).isEqualTo(48));

        Path out = Files.createDirectory(tmp.resolve("out"));
        CompletableFuture<Path> saved = new CompletableFuture<>();
        ui.submit(() -> files.save(received, out, saved::complete,
                e -> saved.completeExceptionally(new AssertionError(e)))).get(30, TimeUnit.SECONDS);
        assertThat(Files.readAllBytes(saved.get(30, TimeUnit.SECONDS))).isEqualTo(Files.readAllBytes(photo));
    }

    @Test
    void aReportIsCheckedSentAndFollowed() throws Exception {
        assertThat(FilesModel.checkReport("", "title")).map(UserError::key).contains("report.error.noEditor");
        assertThat(FilesModel.checkReport("Bob", "  ")).map(UserError::key).contains("report.error.noTitle");
        assertThat(FilesModel.checkReport("Bob", "ә".repeat(300))).map(UserError::key)
                .contains("report.error.titleTooLong");
        Path photo = Files.write(tmp.resolve("crowd.jpg"), new byte[250_000]);
        assertThat(outcome(done -> files.sendReport("Bob", "Жиын", "Мәтін", List.of(photo), done))).isEmpty();
        Await.until("the report is delivered with its file", LIMIT, () -> reports().stream().anyMatch(v ->
                v.report().textTransfer().orElseThrow().state() == MessageState.DELIVERED
                        && v.files().size() == 1 && v.files().get(0).percent() == 100));
        FilesModel.ReportView view = reports().get(0);
        assertThat(view.alias()).isEqualTo("Bob");
        assertThat(view.report().title()).isEqualTo("Жиын");
        assertThat(bob.attachments().reports()).singleElement()
                .satisfies(r -> assertThat(r.text()).isEqualTo("Мәтін"));
    }
}
