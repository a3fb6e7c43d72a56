package org.habarshy.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habarshy.desktop.gui.SwingDriver.await;
import static org.habarshy.desktop.gui.SwingDriver.find;
import static org.habarshy.desktop.gui.SwingDriver.onEdt;
import static org.habarshy.desktop.gui.SwingDriver.run;

import java.awt.Window;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.swing.Action;
import javax.swing.JButton;
import javax.swing.JList;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import org.habarshy.core.api.group.GroupId;
import org.habarshy.core.node.Account;
import org.habarshy.core.node.Node;
import org.habarshy.core.node.NodeConfig;
import org.habarshy.desktop.gui.DesktopApp;
import org.habarshy.desktop.gui.SwingDriver;
import org.habarshy.desktop.gui.XvfbDisplay;
import org.habarshy.desktop.gui.model.GroupsModel;
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
 * The groups tab on a real (virtual) X display, with the app's node in this JVM and Bob's real node on loopback:
 * a group made in the create dialog, a message sent with Enter that Bob reads, Bob's reply shown with his alias, and
 * screenshots of the tab in three languages with every control named for screen readers.
 */
class GroupsGuiTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    Path tmp;

    private XvfbDisplay display;
    private DesktopApp app;
    private SwingDriver driver;
    private Account bob;
    private Node bobNode;

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

    @Test
    void aGroupIsCreatedWrittenToAndAnsweredInTheGroupsTab() throws Exception {
        Path appData = tmp.resolve("app");
        SettingsFile settingsFile = new SettingsFile(tmp.resolve("config/desktop.properties"), appData);
        settingsFile.save(new Settings(Language.EN, Theme.LIGHT, 100, appData, 0, false,
                List.of(new PeerAddress("127.0.0.1", bobNode.port())), false));
        app = DesktopApp.launch(settingsFile);
        Window frame = app.frame();
        JTextField name = find("firstRun.name", JTextField.class);
        run(() -> name.setText("Aigerim"));
        run(find("firstRun.create", JButton.class)::doClick);
        await("the app is ready", () -> app.model().stage() == org.habarshy.desktop.gui.model.AppModel.Stage.READY);
        boolean[] added = new boolean[1];
        run(() -> app.model().addContact(bob.contactCode(), "bob", failure -> added[0] = failure.isEmpty()));
        await("Bob is a contact", () -> added[0]);
        bob.addContact(onEdt(() -> app.model().profile().contactCode()), "aigerim");

        run(() -> app.window().showTab(MainWindow.TAB_GROUPS));
        JButton create = find("group.create", JButton.class);
        GroupsModel groups = onEdt(() -> app.model().groupsModel());
        await("contacts listed for the dialog", () -> groups.contactAliases().contains("bob"));
        assertThat(SwingDriver.missingKeys(frame)).isEmpty();
        driver.screenshot(frame, "groups-empty-en");

        SwingDriver.later(create::doClick);
        Window dialog = SwingDriver.window("group.create.dialog");
        JTextField groupName = find("group.create.name", JTextField.class);
        @SuppressWarnings("unchecked")
        JList<String> members = find("group.create.members", JList.class);
        run(() -> {
            groupName.setText("Абай көшесі");
            members.setSelectedIndex(0);
        });
        assertThat(SwingDriver.unnamedControls(dialog)).isEmpty();
        driver.screenshot(dialog, "group-create-en");
        run(find("group.create.ok", JButton.class)::doClick);
        await("the dialog closes", () -> !dialog.isShowing());
        await("the new group is open", () -> groups.selected().isPresent());

        JTextArea compose = find("group.compose", JTextArea.class);
        run(() -> {
            compose.setText("Су қайта келді!");
            keyAction(compose, KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0));
        });
        await("the compose field is cleared after sending", () -> compose.getText().isEmpty());
        SwingDriver.await("Bob reads the group message", () -> {
            if (bob.groups().list().isEmpty()) {
                return false;
            }
            GroupId id = bob.groups().list().get(0).id();
            return bob.groups().messages(id).stream().anyMatch(m -> m.text().equals("Су қайта келді!"));
        });
        bob.groups().send(bob.groups().list().get(0).id(), "Рахмет, Айгерім!");
        await("Bob's reply shows with his alias", () -> groups.conversation().stream()
                .anyMatch(l -> l.sender().equals("bob") && l.text().equals("Рахмет, Айгерім!")));
        JButton addMember = find("group.addMember", JButton.class);
        assertThat(onEdt(addMember::isEnabled)).as("an admin may add members").isTrue();
        screenshot(frame, "en");

        for (Language language : List.of(Language.KK, Language.RU)) {
            boolean[] done = new boolean[1];
            run(() -> app.model().applySettings(app.model().settings().withLanguage(language),
                    failure -> done[0] = failure.isEmpty()));
            await("the language is applied", () -> done[0]);
            run(() -> app.window().showTab(MainWindow.TAB_GROUPS));
            await("the group is shown again", () -> groups.selected().isPresent());
            screenshot(frame, language.tag());
        }
    }

    private void screenshot(Window frame, String suffix) throws Exception {
        assertThat(SwingDriver.missingKeys(frame)).as("missing texts on groups-%s", suffix).isEmpty();
        assertThat(SwingDriver.unnamedControls(frame)).as("unnamed controls on groups-%s", suffix).isEmpty();
        assertThat(SwingDriver.clippedTexts(frame)).as("clipped texts on groups-%s", suffix).isEmpty();
        driver.screenshot(frame, "groups-" + suffix);
    }

    private static void keyAction(JTextArea area, KeyStroke stroke) {
        Object key = area.getInputMap().get(stroke);
        assertThat(key).as("binding for %s", stroke).isNotNull();
        Action action = area.getActionMap().get(key);
        action.actionPerformed(new ActionEvent(area, ActionEvent.ACTION_PERFORMED, null));
    }
}
