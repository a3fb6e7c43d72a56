package org.habarshy.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habarshy.desktop.gui.SwingDriver.await;
import static org.habarshy.desktop.gui.SwingDriver.find;
import static org.habarshy.desktop.gui.SwingDriver.onEdt;
import static org.habarshy.desktop.gui.SwingDriver.run;

import java.awt.Window;
import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.swing.Action;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import org.habarshy.core.channel.ChannelPost;
import org.habarshy.core.channel.Severity;
import org.habarshy.core.node.Account;
import org.habarshy.core.node.CarriedEnvelope;
import org.habarshy.desktop.gui.DesktopApp;
import org.habarshy.desktop.gui.SwingDriver;
import org.habarshy.desktop.gui.XvfbDisplay;
import org.habarshy.desktop.gui.model.AppModel;
import org.habarshy.desktop.gui.model.Language;
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
 * The channels tab on a real (virtual) X display: create a channel and post an urgent alert with the keyboard,
 * follow another channel from a QR image, and see an urgent post that arrived in the database raise the alert banner;
 * screenshots in three languages and the high-contrast theme, every control named and every text present.
 */
class ChannelsGuiTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    Path tmp;

    private XvfbDisplay display;
    private DesktopApp app;
    private SwingDriver driver;

    @BeforeEach
    void setUp() throws Exception {
        Optional<String> unavailable = XvfbDisplay.availability();
        Assumptions.assumeTrue(unavailable.isEmpty(), unavailable.orElse(""));
        display = XvfbDisplay.start();
        driver = new SwingDriver(SCREENSHOTS);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (app != null) {
            app.close();
        }
        if (display != null) {
            display.close();
        }
    }

    @Test
    void createPostFollowAndSeeAnUrgentAlert() throws Exception {
        Path appData = tmp.resolve("app");
        SettingsFile settingsFile = new SettingsFile(tmp.resolve("config/desktop.properties"), appData);
        settingsFile.save(new Settings(Language.EN, Theme.LIGHT, 100, appData, 0, false, List.of(), false));
        app = DesktopApp.launch(settingsFile);
        Window frame = app.frame();
        JTextField name = find("firstRun.name", JTextField.class);
        run(() -> name.setText("Aigerim"));
        run(find("firstRun.create", JButton.class)::doClick);
        await("the app is ready", () -> app.model().stage() == AppModel.Stage.READY);

        // Create a channel: its code is shown, as QR and text.
        run(() -> app.window().showTab(MainWindow.TAB_CHANNELS));
        JButton create = find("channel.create", JButton.class);
        SwingDriver.later(create::doClick);
        Window createDialog = SwingDriver.window("channel.create.dialog");
        JTextField channelName = find("channel.create.name", JTextField.class);
        run(() -> channelName.setText("Алмалы"));
        driver.screenshot(createDialog, "channel-create-en");
        SwingDriver.later(find("channel.create.ok", JButton.class)::doClick);
        Window codeDialog = SwingDriver.window("channel.code.dialog");
        String code = onEdt(find("channel.code.text", JTextArea.class)::getText);
        assertThat(code).startsWith("HC1");
        driver.screenshot(codeDialog, "channel-code-en");
        run(codeDialog::dispose);

        // Post an urgent alert with the keyboard (Ctrl+Enter).
        await("the new channel is open", () -> app.model().channels().selectedChannel().isPresent());
        JTextArea compose = find("channel.compose", JTextArea.class);
        @SuppressWarnings("unchecked")
        JComboBox<Severity> severity = find("channel.severity", JComboBox.class);
        run(() -> {
            severity.setSelectedItem(Severity.URGENT);
            compose.setText("Көпір жабық. Өзенге бармаңыз!");
        });
        run(() -> keyAction(compose, KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, InputEvent.CTRL_DOWN_MASK)));
        await("the post is shown", () -> app.model().channels().posts().stream()
                .anyMatch(p -> p.severity() == Severity.URGENT && p.text().equals("Көпір жабық. Өзенге бармаңыз!")));
        await("the compose field is cleared", () -> compose.getText().isEmpty());

        // Follow someone else's channel from a QR image, then an urgent post of theirs arrives in the database.
        try (Account poster = Account.create(tmp.resolve("poster"), "Poster", Clock.systemUTC())) {
            poster.channels().create("Су", false);
            poster.channels().post("Су", Severity.WARNING, "Су сағат 9-да беріледі");
            Path qr = tmp.resolve("channel-qr.png");
            QrCodes.writePng(poster.channels().code("Су"), 300, qr);
            SwingDriver.later(find("channel.subscribe", JButton.class)::doClick);
            Window subscribeDialog = SwingDriver.window("channel.subscribe.dialog");
            SwingDriver.later(find("channel.subscribe.loadQr", JButton.class)::doClick);
            JFileChooser chooser = SwingDriver.findAny(JFileChooser.class);
            run(() -> {
                chooser.setSelectedFile(qr.toFile());
                chooser.approveSelection();
            });
            JTextArea codeField = find("channel.subscribe.code", JTextArea.class);
            await("the QR code is read", () -> codeField.getText().startsWith("HC1"));
            driver.screenshot(subscribeDialog, "channel-subscribe-en");
            run(find("channel.subscribe.ok", JButton.class)::doClick);
            await("two channels", () -> app.model().channels().channels().size() == 2);

            ChannelPost urgent = poster.channels().post("Су", Severity.URGENT, "Су тасқыны! Жоғары көтеріліңіз.");
            try (Account sameData = Account.open(appData, Clock.systemUTC())) {
                for (CarriedEnvelope e : poster.carriedAfter(0, 10)) {
                    sameData.carry(e.bytes());
                }
            }
            JPanel banner = find("alert.banner", JPanel.class);
            await("the urgent alert shows in the banner", banner::isShowing);
            String announced = onEdt(find("alert.message", JLabel.class)::getText);
            assertThat(announced).contains("URGENT").contains("Су").contains(urgent.text());
            await("the followed channel shows both posts", () -> app.model().channels().posts().size() == 2);
            javax.swing.JFrame window = app.frame();
            await("the border flash of the urgent alert ends", () -> !window.getGlassPane().isVisible());
        }

        screenshots(frame, "en");
        applySettings(s -> s.withLanguage(Language.KK));
        screenshots(frame, "kk");
        applySettings(s -> s.withLanguage(Language.RU));
        screenshots(frame, "ru");
        applySettings(s -> s.withLanguage(Language.EN).withTheme(Theme.HIGH_CONTRAST));
        screenshots(frame, "high-contrast");
        applySettings(s -> s.withLanguage(Language.KK).withTheme(Theme.DARK).withFontScale(200));
        run(() -> frame.setSize(1280, 860));
        run(() -> app.window().showTab(MainWindow.TAB_CHANNELS));
        run(frame::validate);
        assertThat(SwingDriver.clippedTexts(frame)).as("clipped at 200 %").isEmpty();
        driver.screenshot(frame, "channels-kk-dark-200");
    }

    private void screenshots(Window frame, String suffix) throws Exception {
        run(() -> app.window().showTab(MainWindow.TAB_CHANNELS));
        await("a channel is open", () -> app.model().channels().selectedChannel().isPresent());
        assertThat(SwingDriver.missingKeys(frame)).as("missing texts on channels-%s", suffix).isEmpty();
        assertThat(SwingDriver.unnamedControls(frame)).as("controls without accessible name on channels-%s", suffix)
                .isEmpty();
        driver.screenshot(frame, "channels-" + suffix);
    }

    private void applySettings(java.util.function.UnaryOperator<Settings> change) throws Exception {
        boolean[] done = new boolean[1];
        run(() -> app.model().applySettings(change.apply(app.model().settings()), failure -> {
            assertThat(failure).isEmpty();
            done[0] = true;
        }));
        await("the settings are applied", () -> done[0]);
    }

    private static void keyAction(JTextArea area, KeyStroke stroke) {
        Object key = area.getInputMap().get(stroke);
        assertThat(key).as("binding for %s", stroke).isNotNull();
        Action action = area.getActionMap().get(key);
        action.actionPerformed(new ActionEvent(area, ActionEvent.ACTION_PERFORMED, null));
    }
}
