package org.habarshy.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habarshy.desktop.gui.SwingDriver.await;
import static org.habarshy.desktop.gui.SwingDriver.find;
import static org.habarshy.desktop.gui.SwingDriver.onEdt;
import static org.habarshy.desktop.gui.SwingDriver.run;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Window;
import java.awt.image.BufferedImage;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.swing.JButton;
import javax.swing.JList;
import javax.swing.JTabbedPane;
import org.habarshy.core.api.attachment.AttachmentState;
import org.habarshy.core.api.message.MessageState;
import org.habarshy.core.node.Account;
import org.habarshy.core.node.Node;
import org.habarshy.core.node.NodeConfig;
import org.habarshy.desktop.gui.DesktopApp;
import org.habarshy.desktop.gui.SwingDriver;
import org.habarshy.desktop.gui.XvfbDisplay;
import org.habarshy.desktop.gui.model.AppModel;
import org.habarshy.desktop.gui.model.AttachmentRow;
import org.habarshy.desktop.gui.model.FilesModel;
import org.habarshy.desktop.gui.model.Language;
import org.habarshy.desktop.gui.model.PeerAddress;
import org.habarshy.desktop.gui.model.Settings;
import org.habarshy.desktop.gui.model.SettingsFile;
import org.habarshy.desktop.gui.model.Theme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real app under Xvfb with a second real node in this JVM: a photo and a report from Bob show up in the chat's
 * attachment bar (with a thumbnail and progress) and in the reports tab, a file sent from the app shows as
 * delivered, every control has an accessible name and every text exists, and screenshots of both screens (English
 * and Kazakh) go to {@code target/screenshots/}.
 */
class FilesGuiTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    Path tmp;

    private XvfbDisplay display;
    private Account bob;
    private Node bobNode;
    private DesktopApp app;
    private SwingDriver driver;

    @BeforeEach
    void setUp() throws Exception {
        Optional<String> unavailable = XvfbDisplay.availability();
        Assumptions.assumeTrue(unavailable.isEmpty(), unavailable.orElse(""));
        display = XvfbDisplay.start();
        driver = new SwingDriver(SCREENSHOTS);
        bob = Account.create(tmp.resolve("bob"), "Bob", Clock.systemUTC());
        bobNode = Node.start(bob, new NodeConfig(Optional.of(InetAddress.getLoopbackAddress()), 0, List.of(), false));
    }

    @AfterEach
    void tearDown() throws Exception {
        if (app != null) {
            app.close();
        }
        if (bobNode != null) {
            bobNode.close();
        }
        if (bob != null) {
            bob.close();
        }
        if (display != null) {
            display.close();
        }
    }

    private static Path photo(Path dir) throws Exception {
        BufferedImage image = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x2a6f97));
        g.fillRect(0, 0, 800, 600);
        g.setColor(new Color(0xf4d35e));
        g.fillOval(250, 150, 300, 300);
        g.dispose();
        Path file = dir.resolve("Алматы алаңы.png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    @Test
    void photosFilesAndReportsShowWithProgressInTheChatAndTheReportsTab() throws Exception {
        Path appData = tmp.resolve("app");
        SettingsFile settingsFile = new SettingsFile(tmp.resolve("config/desktop.properties"), appData);
        settingsFile.save(new Settings(Language.EN, Theme.LIGHT, 100, appData, 0, false,
                List.of(new PeerAddress("127.0.0.1", bobNode.port())), false));
        app = DesktopApp.launch(settingsFile);
        Window frame = app.frame();
        AppModel model = app.model();
        run(() -> model.createIdentity("Aigerim", new char[0], new char[0], failure -> { }));
        await("the app is ready", () -> model.stage() == AppModel.Stage.READY);
        bob.addContact(onEdt(() -> model.profile().contactCode()), "aigerim");
        run(() -> model.addContact(bob.contactCode(), "Bob", failure -> { }));
        await("Bob is the open conversation", () -> model.selectedAlias().equals(Optional.of("Bob")));
        run(() -> app.window().showTab(0));

        Path photo = photo(tmp);
        Path notes = Files.writeString(tmp.resolve("notes.txt"), "Жиын таңғы онда басталды.\n".repeat(2000));
        bob.attachments().sendFiles(bob.contact("aigerim"), List.of(photo));
        bob.attachments().sendReport(bob.contact("aigerim"), "Алаңдағы жиын", "Полиция көп, адамдар тыныш.",
                List.of(notes));
        Path mine = Files.write(tmp.resolve("plan.pdf"), new byte[700_000]);
        FilesModel files = new FilesModel(model);
        run(() -> files.attach("Bob", List.of(mine), failure -> assertThat(failure).isEmpty()));

        @SuppressWarnings("unchecked")
        JList<AttachmentRow> list = find("file.list", JList.class);
        await("the photo arrived, the notes arrived and the sent file is delivered", () -> {
            List<AttachmentRow> rows = new java.util.ArrayList<>();
            for (int i = 0; i < list.getModel().getSize(); i++) {
                rows.add(list.getModel().getElementAt(i));
            }
            return rows.size() == 3 && rows.stream().filter(r -> !r.outgoing())
                    .allMatch(r -> r.file().state() == AttachmentState.COMPLETE)
                    && rows.stream().filter(AttachmentRow::outgoing).allMatch(r -> r.file().transfer()
                    .orElseThrow().state() == MessageState.DELIVERED);
        });
        int photoRow = onEdt(() -> {
            for (int i = 0; i < list.getModel().getSize(); i++) {
                if (list.getModel().getElementAt(i).previewable()) {
                    return i;
                }
            }
            return -1;
        });
        assertThat(photoRow).isNotNegative();
        run(() -> list.setSelectedIndex(photoRow));
        JButton save = find("file.save", JButton.class);
        await("save is enabled for a complete received file", save::isEnabled);
        Thread.sleep(1_500); // the thumbnail is decoded on the worker; let it paint
        assertThat(SwingDriver.missingKeys(frame)).isEmpty();
        assertThat(SwingDriver.unnamedControls(frame)).isEmpty();
        assertThat(onEdt(() -> list.getCellRenderer().getListCellRendererComponent(list,
                list.getModel().getElementAt(photoRow), photoRow, true, false).getAccessibleContext()
                .getAccessibleName())).contains("Алматы алаңы.png").contains("100 percent");
        driver.screenshot(frame, "chat-files-en");

        JTabbedPane tabs = find("main.tabs", JTabbedPane.class);
        int reportsTab = onEdt(() -> tabs.getTabCount() - 1);
        run(() -> app.window().showTab(reportsTab));
        @SuppressWarnings("unchecked")
        JList<FilesModel.ReportView> reports = find("report.list", JList.class);
        await("Bob's report is listed with its file", () -> reports.getModel().getSize() == 1
                && reports.getModel().getElementAt(0).files().size() == 1);
        assertThat(SwingDriver.missingKeys(frame)).isEmpty();
        assertThat(SwingDriver.unnamedControls(frame)).isEmpty();
        driver.screenshot(frame, "reports-en");

        boolean[] applied = new boolean[1];
        run(() -> model.applySettings(model.settings().withLanguage(Language.KK), failure -> applied[0] = true));
        await("Kazakh applied", () -> applied[0]);
        JTabbedPane kkTabs = find("main.tabs", JTabbedPane.class);
        run(() -> app.window().showTab(kkTabs.getTabCount() - 1));
        JList<?> kkReports = find("report.list", JList.class);
        await("the reports list is rebuilt", () -> kkReports.isShowing() && kkReports.getModel().getSize() == 1);
        assertThat(SwingDriver.missingKeys(app.frame())).isEmpty();
        driver.screenshot(app.frame(), "reports-kk");
    }
}
