package org.habarshy.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habarshy.desktop.gui.SwingDriver.await;
import static org.habarshy.desktop.gui.SwingDriver.find;
import static org.habarshy.desktop.gui.SwingDriver.onEdt;
import static org.habarshy.desktop.gui.SwingDriver.run;

import com.google.gson.JsonObject;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.swing.Action;
import javax.swing.JButton;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import org.habarshy.core.api.message.Direction;
import org.habarshy.core.api.message.MessageState;
import org.habarshy.core.identity.IdentityFile;
import org.habarshy.desktop.gui.DesktopApp;
import org.habarshy.desktop.gui.SwingDriver;
import org.habarshy.desktop.gui.XvfbDisplay;
import org.habarshy.desktop.gui.model.AppModel;
import org.habarshy.desktop.gui.model.Language;
import org.habarshy.desktop.gui.model.MessageRow;
import org.habarshy.desktop.gui.model.PeerAddress;
import org.habarshy.desktop.gui.model.Settings;
import org.habarshy.desktop.gui.model.SettingsFile;
import org.habarshy.desktop.gui.model.Theme;
import org.habarshy.desktop.gui.qr.QrCodes;
import org.habarshy.desktop.gui.view.MainWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desktop app on a real (virtual) X display, with its node in this JVM, against a headless 'habarshy run' node
 * process: first run, contact codes exchanged both ways (one as a QR image file), a message typed and sent with
 * Enter that arrives, a reply that shows up with a banner, screenshots of the main screens in three languages and
 * the high-contrast theme, and finally the panic button.
 */
class DesktopAppGuiTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    Path tmp;

    private XvfbDisplay display;
    private HabarshyProcesses habarshy;
    private DesktopApp app;
    private SwingDriver driver;

    @BeforeEach
    void setUp() throws Exception {
        Optional<String> unavailable = XvfbDisplay.availability();
        Assumptions.assumeTrue(unavailable.isEmpty(), unavailable.orElse(""));
        display = XvfbDisplay.start();
        habarshy = new HabarshyProcesses(tmp);
        driver = new SwingDriver(SCREENSHOTS);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (app != null) {
            app.close();
        }
        if (habarshy != null) {
            habarshy.close();
        }
        if (display != null) {
            display.close();
        }
    }

    @Test
    void messagesTravelBetweenTheAppAndAHeadlessNodeInBothDirections() throws Exception {
        Path bob = habarshy.init("bob");
        int bobPort = HabarshyProcesses.freePort();
        habarshy.startNode("node-bob", bob, bobPort, "--no-mdns");

        Path appData = tmp.resolve("app");
        SettingsFile settingsFile = new SettingsFile(tmp.resolve("config/desktop.properties"), appData);
        settingsFile.save(new Settings(Language.EN, Theme.LIGHT, 100, appData, 0, false,
                List.of(new PeerAddress("127.0.0.1", bobPort)), false));
        app = DesktopApp.launch(settingsFile);
        Window frame = app.frame();

        // First run: name only (no passphrase), then the "my code" screen.
        JTextField name = find("firstRun.name", JTextField.class);
        assertThat(SwingDriver.missingKeys(frame)).isEmpty();
        run(() -> name.setText("Aigerim"));
        driver.screenshot(frame, "first-run-en");
        JButton create = find("firstRun.create", JButton.class);
        run(create::doClick);
        await("the app is ready", () -> app.model().stage() == AppModel.Stage.READY);
        JTextArea codeArea = find("myCode.code", JTextArea.class);
        String appCode = onEdt(codeArea::getText);
        assertThat(appCode).startsWith("HB1").isEqualTo(onEdt(() -> app.model().profile().contactCode()));
        assertThat(Files.exists(appData.resolve(IdentityFile.FILE_NAME))).isTrue();
        driver.screenshot(frame, "my-code-en");

        // Bob adds the app's code from the command line, the app adds Bob's from a QR image.
        habarshy.ok("contact", "add", appCode, "--alias", "aigerim", "--data", bob.toString());
        String bobCode = habarshy.contactCode(bob);
        Path qr = tmp.resolve("bob-qr.png");
        QrCodes.writePng(bobCode, 300, qr);
        run(() -> app.window().showTab(MainWindow.TAB_CHATS));
        JButton add = find("contacts.add", JButton.class);
        SwingDriver.later(add::doClick);
        Window dialog = SwingDriver.window("addContact.dialog");
        JButton loadQr = find("addContact.loadQr", JButton.class);
        SwingDriver.later(loadQr::doClick);
        JFileChooser chooser = SwingDriver.findAny(JFileChooser.class);
        run(() -> {
            chooser.setSelectedFile(qr.toFile());
            chooser.approveSelection();
        });
        JTextArea code = find("addContact.code", JTextArea.class);
        await("the QR code read into the code field", () -> code.getText().equals(bobCode));
        JTextField alias = find("addContact.alias", JTextField.class);
        run(() -> alias.setText("Bob"));
        driver.screenshot(dialog, "add-contact-en");
        JButton addButton = find("addContact.add", JButton.class);
        run(addButton::doClick);
        await("the dialog closes", () -> !dialog.isShowing());
        await("Bob is the open conversation", () -> app.model().selectedAlias().equals(Optional.of("Bob")));

        // Shift+Enter starts a new line, Enter sends.
        JTextArea compose = find("conversation.compose", JTextArea.class);
        run(() -> {
            compose.setText("Сәлем, Bob!");
            compose.setCaretPosition(compose.getText().length());
            keyAction(compose, KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, InputEvent.SHIFT_DOWN_MASK));
            compose.replaceSelection("Жарық жоқ, бірақ хабар жетеді.");
        });
        String sent = "Сәлем, Bob!\nЖарық жоқ, бірақ хабар жетеді.";
        String composed = onEdt(compose::getText);
        assertThat(composed).isEqualTo(sent);
        run(() -> keyAction(compose, KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0)));
        await("the compose field is cleared after sending", () -> compose.getText().isEmpty());

        JsonObject received = awaitReceived(bob, sent);
        assertThat(received.get("from").getAsString()).isEqualTo("aigerim");
        await("the app shows the message as delivered", () -> app.model().conversation().stream()
                .anyMatch(r -> r.outgoing() && r.message().text().equals(sent)
                        && r.message().state() == MessageState.DELIVERED));

        // Bob replies; the reply appears in the open conversation and the banner announces it.
        String reply = "Жақсы, рахмет! Всё хорошо.";
        habarshy.send(bob, "aigerim", reply);
        await("the reply shows in the app", () -> app.model().conversation().stream()
                .anyMatch(r -> r.message().direction() == Direction.INCOMING && r.message().text().equals(reply)));
        JPanel banner = find("alert.banner", JPanel.class);
        JLabel bannerText = find("alert.message", JLabel.class);
        assertThat(onEdt(banner::isShowing)).isTrue();
        String announced = onEdt(bannerText::getText);
        assertThat(announced).contains("Bob");
        List<MessageRow> rows = onEdt(() -> app.model().conversation());
        assertThat(rows).extracting(r -> r.message().text()).containsExactly(sent, reply);
        await("the network view shows the link", () -> app.model().network().links().size() == 1);

        screenshotsOfMainScreens(frame, "en");
        {
            run(() -> app.window().showTab(MainWindow.TAB_CHATS));
            JButton safety = find("conversation.safety", JButton.class);
            SwingDriver.later(safety::doClick);
            Window safetyDialog = SwingDriver.window("safety.dialog");
            JLabel theirs = find("safety.theirs", JLabel.class);
            String theirsText = onEdt(theirs::getText);
            assertThat(theirsText).matches("[0-9]{5}( [0-9]{5}){5}");
            driver.screenshot(safetyDialog, "safety-number-en");
            run(safetyDialog::dispose);
        }

        // The same screens in Kazakh, Russian, high contrast, and Kazakh at 200 %.
        applySettings(s -> s.withLanguage(Language.KK));
        screenshotsOfMainScreens(frame, "kk");
        applySettings(s -> s.withLanguage(Language.RU));
        screenshotsOfMainScreens(frame, "ru");
        applySettings(s -> s.withLanguage(Language.EN).withTheme(Theme.HIGH_CONTRAST));
        screenshotsOfMainScreens(frame, "high-contrast");
        applySettings(s -> s.withLanguage(Language.KK).withTheme(Theme.DARK).withFontScale(200));
        run(() -> app.window().showTab(MainWindow.TAB_CHATS));
        driver.screenshot(frame, "chats-kk-dark-200");
        // At 200 % on a 1280 x 860 window no label or button is cut short, on any tab.
        run(() -> frame.setSize(1280, 860));
        for (int tab = 0; tab < 4; tab++) {
            int index = tab;
            run(() -> app.window().showTab(index));
            run(frame::validate);
            assertThat(SwingDriver.clippedTexts(frame)).as("clipped at 200 %% on tab %d", tab).isEmpty();
        }
        run(() -> frame.setSize(1100, 740));
        applySettings(s -> s.withLanguage(Language.EN).withTheme(Theme.LIGHT).withFontScale(100));

        // Panic: the wipe button stays disabled until the word is typed; then the data directory is gone.
        JButton panic = find("panic.button", JButton.class);
        SwingDriver.later(panic::doClick);
        Window panicDialog = SwingDriver.window("panic.dialog");
        JButton wipe = find("panic.wipe", JButton.class);
        assertThat(onEdt(wipe::isEnabled)).isFalse();
        JTextField typed = find("panic.typed", JTextField.class);
        run(() -> typed.setText("WIPE"));
        assertThat(onEdt(wipe::isEnabled)).isTrue();
        driver.screenshot(panicDialog, "panic-en");
        run(wipe::doClick);
        await("the app shows the wiped screen", () -> app.model().stage() == AppModel.Stage.WIPED);
        assertThat(Files.exists(appData)).as("data directory after the wipe").isFalse();
        driver.screenshot(frame, "wiped-en");
    }

    private static void keyAction(JTextArea area, KeyStroke stroke) {
        Object key = area.getInputMap().get(stroke);
        assertThat(key).as("binding for %s", stroke).isNotNull();
        Action action = area.getActionMap().get(key);
        action.actionPerformed(new ActionEvent(area, ActionEvent.ACTION_PERFORMED, null));
    }

    private JsonObject awaitReceived(Path data, String text) throws Exception {
        JsonObject[] found = new JsonObject[1];
        habarshy.await("the message reaches bob", HabarshyProcesses.DELIVERY_LIMIT, () -> {
            for (JsonObject m : habarshy.messages(data)) {
                if (m.get("text").getAsString().equals(text)) {
                    found[0] = m;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private void applySettings(java.util.function.UnaryOperator<Settings> change) throws Exception {
        boolean[] done = new boolean[1];
        run(() -> app.model().applySettings(change.apply(app.model().settings()), failure -> {
            assertThat(failure).isEmpty();
            done[0] = true;
        }));
        await("the settings are applied", () -> done[0]);
    }

    private void screenshotsOfMainScreens(Window frame, String suffix) throws Exception {
        int[] tabs = {MainWindow.TAB_CHATS, MainWindow.TAB_MY_CODE, MainWindow.TAB_NETWORK, MainWindow.TAB_SETTINGS};
        String[] names = {"chats", "my-code", "network", "settings"};
        for (int i = 0; i < tabs.length; i++) {
            int tab = tabs[i];
            run(() -> app.window().showTab(tab));
            assertThat(SwingDriver.missingKeys(frame)).as("missing texts on %s-%s", names[i], suffix).isEmpty();
            assertThat(SwingDriver.unnamedControls(frame)).as("controls without accessible name on %s-%s",
                    names[i], suffix).isEmpty();
            driver.screenshot(frame, names[i] + "-" + suffix);
        }
    }
}
