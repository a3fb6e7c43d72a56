package org.habarshy.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habarshy.desktop.gui.SwingDriver.await;
import static org.habarshy.desktop.gui.SwingDriver.find;
import static org.habarshy.desktop.gui.SwingDriver.onEdt;
import static org.habarshy.desktop.gui.SwingDriver.run;

import java.awt.Window;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JTextField;
import org.habarshy.core.crypto.AgreementKeyPair;
import org.habarshy.core.mailbox.RelayCode;
import org.habarshy.desktop.gui.DesktopApp;
import org.habarshy.desktop.gui.SwingDriver;
import org.habarshy.desktop.gui.XvfbDisplay;
import org.habarshy.desktop.gui.model.AppModel;
import org.habarshy.desktop.gui.model.Language;
import org.habarshy.desktop.gui.model.RelayRow;
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
 * The relay section of the settings tab in a real window on a virtual display (Xvfb): a bad code is refused in the
 * user's language, a relay added by its code appears in the list, and a mailbox registered there shows its code
 * (in a read-only field, to copy).
 */
class RelaySettingsGuiTest {
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
    void aRelayIsAddedByItsCodeAndAMailboxRegisteredThere() throws Exception {
        Path appData = tmp.resolve("app");
        SettingsFile settingsFile = new SettingsFile(tmp.resolve("config/desktop.properties"), appData);
        settingsFile.save(new Settings(Language.KK, Theme.LIGHT, 100, appData, 0, false, List.of(), false));
        app = DesktopApp.launch(settingsFile);
        Window frame = app.frame();
        JTextField name = find("firstRun.name", JTextField.class);
        run(() -> name.setText("Айгерім"));
        run(find("firstRun.create", JButton.class)::doClick);
        await("the app is ready", () -> app.model().stage() == AppModel.Stage.READY);
        run(() -> app.window().showTab(MainWindow.TAB_SETTINGS));

        JTextField relayName = find("relay.name", JTextField.class);
        JTextField code = find("relay.code", JTextField.class);
        JTextField address = find("relay.address", JTextField.class);
        JButton add = find("relay.add", JButton.class);
        run(() -> {
            relayName.setText("taraz");
            code.setText("HBR1XYZ");
            address.setText("127.0.0.1:7455");
        });
        run(add::doClick);
        JLabel status = find("relay.status", JLabel.class);
        await("the bad code refused", () -> status.getText().startsWith("Реле коды қате"));

        SecureRandom random = new SecureRandom();
        String relayCode = new RelayCode(AgreementKeyPair.generate(random).publicKey(),
                Optional.of(AgreementKeyPair.generate(random).publicKey())).encode();
        run(() -> code.setText(relayCode));
        run(add::doClick);
        @SuppressWarnings("unchecked")
        JList<RelayRow> list = find("relay.list", JList.class);
        await("the relay is listed", () -> list.getModel().getSize() == 1);
        assertThat(onEdt(() -> list.getModel().getElementAt(0).name())).isEqualTo("taraz");
        assertThat(onEdt(status::getText)).startsWith("Реле қосылды");

        run(() -> list.setSelectedIndex(0));
        run(find("relay.register", JButton.class)::doClick);
        await("the mailbox registered", () -> status.getText().startsWith("Пошта жәшігі тіркелді"));
        JTextField mailboxCode = find("relay.mailboxCode", JTextField.class);
        await("the mailbox code shown to copy", () -> mailboxCode.getText().startsWith("HBM1"));
        assertThat(onEdt(() -> list.getModel().getElementAt(0).mailboxCode())).isEqualTo(onEdt(mailboxCode::getText));
        assertThat(SwingDriver.missingKeys(frame)).isEmpty();
        assertThat(SwingDriver.unnamedControls(frame)).isEmpty();
        driver.screenshot(frame, "settings-relays-kk");
    }
}
