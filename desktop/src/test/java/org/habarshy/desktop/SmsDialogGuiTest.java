package org.habarshy.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habarshy.desktop.gui.SwingDriver.await;
import static org.habarshy.desktop.gui.SwingDriver.find;
import static org.habarshy.desktop.gui.SwingDriver.onEdt;
import static org.habarshy.desktop.gui.SwingDriver.run;

import java.awt.Window;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JLabel;
import javax.swing.JRadioButton;
import javax.swing.JTextArea;
import org.habarshy.core.api.message.MessageState;
import org.habarshy.core.node.Account;
import org.habarshy.core.node.Node;
import org.habarshy.core.node.NodeConfig;
import org.habarshy.desktop.gui.DesktopApp;
import org.habarshy.desktop.gui.SwingDriver;
import org.habarshy.desktop.gui.XvfbDisplay;
import org.habarshy.desktop.gui.model.AppModel;
import org.habarshy.desktop.gui.model.Language;
import org.habarshy.desktop.gui.model.PeerAddress;
import org.habarshy.desktop.gui.model.Settings;
import org.habarshy.desktop.gui.model.SettingsFile;
import org.habarshy.desktop.gui.model.Theme;
import org.habarshy.desktop.gui.view.MainWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SMS dialog in a real window under Xvfb: the plain (UNENCRYPTED) choice shows its warning and cannot be sent
 * before "I understand" is ticked; the encrypted choice sends the composed text as a compact message that a real
 * node shows and acknowledges. Screenshots in {@code target/screenshots}.
 */
class SmsDialogGuiTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    Path tmp;

    private XvfbDisplay display;
    private DesktopApp app;
    private Account bob;
    private Node bobNode;

    @BeforeEach
    void setUp() throws Exception {
        Optional<String> unavailable = XvfbDisplay.availability();
        Assumptions.assumeTrue(unavailable.isEmpty(), unavailable.orElse(""));
        display = XvfbDisplay.start();
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
            bob.close();
        }
        if (display != null) {
            display.close();
        }
    }

    @Test
    void plainSmsNeedsTheTickAndEncryptedSmsIsDelivered() throws Exception {
        SwingDriver driver = new SwingDriver(SCREENSHOTS);
        Path appData = tmp.resolve("app");
        SettingsFile settingsFile = new SettingsFile(tmp.resolve("config/desktop.properties"), appData);
        settingsFile.save(new Settings(Language.EN, Theme.LIGHT, 100, appData, 0, false,
                List.of(new PeerAddress("127.0.0.1", bobNode.port())), false));
        app = DesktopApp.launch(settingsFile);
        javax.swing.JTextField name = find("firstRun.name", javax.swing.JTextField.class);
        run(() -> name.setText("Aigerim"));
        JButton create = find("firstRun.create", JButton.class);
        run(create::doClick);
        await("the app is ready", () -> app.model().stage() == AppModel.Stage.READY);
        bob.addContact(onEdt(() -> app.model().profile().contactCode()), "aigerim");
        run(() -> app.model().addContact(bob.contactCode(), "Bob", e -> { }));
        await("Bob is the open conversation", () -> app.model().selectedAlias().equals(Optional.of("Bob")));
        run(() -> app.window().showTab(MainWindow.TAB_CHATS));
        String text = "Сәлем! Интернет жоқ, SMS арқылы жазып тұрмын.";
        JTextArea compose = find("conversation.compose", JTextArea.class);
        run(() -> compose.setText(text));

        JButton open = find("relay.sms.open", JButton.class);
        driver.screenshot(app.frame(), "chats-sms-button-en");
        SwingDriver.later(open::doClick);
        Window dialog = SwingDriver.window("relay.sms.dialog");
        assertThat(SwingDriver.missingKeys(dialog)).isEmpty();
        assertThat(SwingDriver.unnamedControls(dialog)).isEmpty();
        JTextArea smsText = find("relay.sms.text", JTextArea.class);
        assertThat(onEdt(() -> smsText.getText())).isEqualTo(text);
        driver.screenshot(dialog, "sms-dialog-en");

        JButton send = find("relay.sms.send", JButton.class);
        JRadioButton plain = find("relay.sms.plain", JRadioButton.class);
        JRadioButton encrypted = find("relay.sms.encrypted", JRadioButton.class);
        JCheckBox understood = find("relay.sms.understood", JCheckBox.class);
        JLabel warning = find("relay.sms.warning", JLabel.class);
        run(plain::doClick);
        assertThat(onEdt(send::isEnabled)).as("plain SMS needs the tick").isFalse();
        assertThat(onEdt(() -> warning.getAccessibleContext().getAccessibleName())).startsWith("UNENCRYPTED");
        assertThat(onEdt(() -> send.getText())).contains("UNENCRYPTED");
        driver.screenshot(dialog, "sms-dialog-plain-en");
        run(understood::doClick);
        assertThat(onEdt(send::isEnabled)).isTrue();
        assertThat(SwingDriver.clippedTexts(dialog)).isEmpty();

        run(encrypted::doClick);
        assertThat(onEdt(understood::isSelected)).isFalse();
        run(send::doClick);
        await("the dialog closes", () -> !dialog.isShowing());
        await("the compose field is cleared", () -> compose.getText().isEmpty());
        await("Bob shows the SMS message", () -> bob.messages(Optional.of("aigerim")).stream()
                .anyMatch(m -> m.text().equals(text)));
        await("the app shows it delivered", () -> app.model().conversation().stream().anyMatch(r -> r.outgoing()
                && r.message().text().equals(text) && r.message().state() == MessageState.DELIVERED));
    }
}
