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
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JTextArea;
import org.habarshy.core.api.identity.Contact;
import org.habarshy.core.api.identity.IdentityKey;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real-time text through the real window on a virtual display: the app (its node in this JVM) and Bob's node (a
 * second real node on loopback TCP) both turn it on; Bob's draft appears in the chat as he types, the app user's
 * draft reaches Bob as it is typed, and sending clears it and delivers a normal message. Also the disappearing-
 * message timer chosen in the chat. Writes screenshots of the chat with a live draft.
 */
class RealTimeTextGuiTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    Path tmp;

    private XvfbDisplay display;
    private DesktopApp app;
    private Account bob;
    private Node bobNode;
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
    void draftsAppearAsTheyAreTypedInBothDirectionsAndSendingClearsThem() throws Exception {
        Path appData = tmp.resolve("app");
        bob = Account.create(tmp.resolve("bob"), "Bob", Clock.systemUTC());
        Contact aigerim;
        try (Account aigerimAccount = Account.create(appData, "Aigerim", Clock.systemUTC())) {
            aigerimAccount.addContact(bob.contactCode(), "Bob");
            aigerim = bob.addContact(aigerimAccount.contactCode(), "aigerim");
        }
        IdentityKey aigerimKey = aigerim.card().identityKey();
        bobNode = Node.start(bob, new NodeConfig(Optional.of(InetAddress.getLoopbackAddress()), 0, List.of(), false));
        SettingsFile settingsFile = new SettingsFile(tmp.resolve("config/desktop.properties"), appData);
        settingsFile.save(new Settings(Language.EN, Theme.LIGHT, 100, appData, 0, false,
                List.of(new PeerAddress("127.0.0.1", bobNode.port())), false));
        app = DesktopApp.launch(settingsFile);
        Window frame = app.frame();
        await("the app is ready", () -> app.model().stage() == AppModel.Stage.READY);
        JList<?> contacts = find("contacts.list", JList.class);
        await("Bob listed", () -> contacts.getModel().getSize() == 1);
        run(() -> contacts.setSelectedIndex(0));
        await("linked to Bob", () -> app.model().network().links().size() == 1);
        bob.send("aigerim", "Сәлем, Айгерім! Сендерде жарық бар ма?");
        await("Bob's message shows", () -> app.model().conversation().size() == 1);
        JTextArea first = find("conversation.compose", JTextArea.class);
        run(() -> first.setText("Жоқ, бізде де өшіп қалды."));
        javax.swing.JButton sendFirst = find("conversation.send", javax.swing.JButton.class);
        run(sendFirst::doClick);
        await("delivered, carried by Bob's link", () -> app.model().conversation().stream().anyMatch(r -> r.outgoing()
                && r.message().carriedBy() > 0 && r.message().state() != org.habarshy.core.api.message.MessageState.QUEUED));

        // The switch is a labelled check box with a mnemonic; the timer a labelled list.
        JCheckBox toggle = find("rtt.toggle", JCheckBox.class);
        JLabel status = find("rtt.status", JLabel.class);
        assertThat(onEdt(toggle::getMnemonic)).isNotZero();
        assertThat(onEdt(() -> toggle.getAccessibleContext().getAccessibleName())).isEqualTo("Real-time text");
        assertThat(onEdt(toggle::isSelected)).isFalse();
        run(toggle::doClick);
        await("on, waiting for Bob", () -> toggle.isSelected() && status.getText().contains("waiting for Bob"));

        bobNode.realTimeText().enable(aigerim.card());
        await("live once Bob turned it on too", () -> status.getText().contains("Bob sees your typing"));

        // Bob types: his draft shows, marked as typing, in a field of its own.
        bobNode.realTimeText().type(aigerimKey, "Иә, бізде де жарық жоқ. Қазір");
        JTextArea draft = find("rtt.peerDraft.text", JTextArea.class);
        await("Bob's draft shows as he types", () -> draft.isShowing()
                && draft.getText().equals("Иә, бізде де жарық жоқ. Қазір"));
        assertThat(onEdt(() -> draft.getAccessibleContext().getAccessibleName())).contains("Bob").contains("typing");

        // The app user types: Bob sees each draft without a message being sent.
        JTextArea compose = find("conversation.compose", JTextArea.class);
        run(() -> compose.setText("Сәлем! Мен"));
        await("Bob sees the app's draft", () -> bobNode.realTimeText().peerDraft(aigerimKey)
                .equals(Optional.of("Сәлем! Мен")));
        run(() -> compose.setText("Сәлем! Мен үйдемін"));
        await("and its next state", () -> bobNode.realTimeText().peerDraft(aigerimKey)
                .equals(Optional.of("Сәлем! Мен үйдемін")));
        assertThat(bob.messages(Optional.empty())).as("nothing more sent yet").hasSize(2);

        // The timer, chosen in the chat.
        @SuppressWarnings("unchecked")
        JComboBox<Object> timer = find("timer.choice", JComboBox.class);
        await("the timer is read", timer::isEnabled);
        run(() -> timer.setSelectedIndex(3));
        await("one hour", () -> app.model().disappearingTimer().equals(Optional.of(Duration.ofHours(1))));

        bobNode.realTimeText().type(aigerimKey, "Иә, бізде де жарық жоқ. Қазір шығам");
        await("Bob's newer draft", () -> draft.getText().endsWith("шығам"));
        driver.screenshot(frame, "chats-rtt-en");
        applySettings(s -> s.withLanguage(Language.KK));
        bobNode.realTimeText().type(aigerimKey, "Иә, бізде де жарық жоқ. Қазір шығамын");
        awaitDraftEndingWith("шығамын");
        assertThat(SwingDriver.unnamedControls(frame)).isEmpty();
        assertThat(SwingDriver.missingKeys(frame)).isEmpty();
        driver.screenshot(frame, "chats-rtt-kk");
        applySettings(s -> s.withLanguage(Language.EN).withTheme(Theme.HIGH_CONTRAST));
        bobNode.realTimeText().type(aigerimKey, "Иә, бізде де жарық жоқ. Қазір шығамын!");
        awaitDraftEndingWith("шығамын!");
        driver.screenshot(frame, "chats-rtt-high-contrast");
        applySettings(s -> s.withTheme(Theme.LIGHT));

        // Sending: a normal message, and Bob's view of the draft is cleared.
        JTextArea composeAgain = find("conversation.compose", JTextArea.class);
        run(() -> composeAgain.setText("Сәлем! Мен үйдемін"));
        javax.swing.JButton send = find("conversation.send", javax.swing.JButton.class);
        run(send::doClick);
        await("the message arrives as a normal message", () -> bob.messages(Optional.empty()).stream()
                .anyMatch(m -> m.text().equals("Сәлем! Мен үйдемін")));
        await("Bob's view of the draft is cleared", () -> bobNode.realTimeText().peerDraft(aigerimKey).isEmpty());

        // Bob clears his draft: the field goes away.
        bobNode.realTimeText().type(aigerimKey, "");
        JTextArea lastDraft = find("rtt.peerDraft.text", JTextArea.class);
        await("the draft field hides", () -> !lastDraft.isShowing());
    }

    /** Waits until the (possibly rebuilt) draft field shows a text ending with {@code end}. */
    private static void awaitDraftEndingWith(String end) throws Exception {
        org.habarshy.core.testing.Await.until("a draft ending with " + end, SwingDriver.UI_LIMIT, () -> {
            JTextArea field = find("rtt.peerDraft.text", JTextArea.class);
            return onEdt(() -> field.getText().endsWith(end));
        });
    }

    private void applySettings(java.util.function.UnaryOperator<Settings> change) throws Exception {
        boolean[] done = new boolean[1];
        run(() -> app.model().applySettings(change.apply(app.model().settings()), failure -> {
            assertThat(failure).isEmpty();
            done[0] = true;
        }));
        await("the settings are applied", () -> done[0]);
    }
}
