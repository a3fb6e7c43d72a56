package org.habarshy.desktop.gui.view;

import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.GridBagLayout;
import java.awt.event.KeyEvent;
import java.util.List;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTabbedPane;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import org.habarshy.desktop.gui.i18n.Mnemonic;
import org.habarshy.desktop.gui.i18n.Texts;
import org.habarshy.desktop.gui.model.AppModel;
import org.habarshy.core.channel.ChannelPost;
import org.habarshy.desktop.gui.model.BackgroundWork;
import org.habarshy.desktop.gui.model.ChannelsModel;
import org.habarshy.desktop.gui.model.Settings;

/**
 * The app's window: a card per stage (first run, unlock, main screens, wiped) and, in the main card, the header
 * with the panic button, the alert banner and tabs for chats, "my code", network, settings, groups, channels
 * and reports (Ctrl+1..7). A
 * change of language, theme or font size rebuilds the contents from the model.
 */
public final class MainWindow implements AppModel.Listener {
    /** Tab indexes. */
    public static final int TAB_CHATS = 0;
    /** The "my code" tab. */
    public static final int TAB_MY_CODE = 1;
    /** The network tab. */
    public static final int TAB_NETWORK = 2;
    /** The settings tab. */
    public static final int TAB_SETTINGS = 3;
    /** The private groups tab. */
    public static final int TAB_GROUPS = 4;
    /** The channels tab (after groups at 4; while there is no groups tab it is the fifth tab). */
    public static final int TAB_CHANNELS = 5;

    private final JFrame frame = new JFrame();
    private final AppModel model;
    private final BackgroundWork work;
    private final AttentionSignal attention;
    private Texts texts;
    private Themes.Palette palette;
    private Controls controls;
    private JTabbedPane tabs;
    private ChatsPanel chats;
    private NetworkPanel network;
    private ChannelsPanel channelsPanel;
    private int channelsTab = -1;
    private AlertBanner banner;
    private final CardLayout cards = new CardLayout();
    private final JPanel root = new JPanel(cards);
    private AppModel.Stage shown;
    private boolean showCodeFirst;

    /** Builds the window for {@code model}; call on the UI thread. */
    public MainWindow(AppModel model, BackgroundWork work) {
        this.model = model;
        this.work = work;
        this.attention = new AttentionSignal(frame);
        frame.setName("main.window");
        frame.setContentPane(root);
        frame.setMinimumSize(new Dimension(720, 520));
        frame.setSize(new Dimension(1100, 740));
        frame.setLocationByPlatform(true);
        model.addListener(this);
        model.channels().addListener(new ChannelsModel.Listener() {
            @Override
            public void channelsChanged() {
                if (channelsPanel != null) {
                    channelsPanel.refresh();
                }
                attention.title(texts.text("app.name"), unreadTotal());
            }

            @Override
            public void urgentPosts(List<ChannelPost> posts) {
                announceUrgent(posts);
            }
        });
        rebuild(model.settings());
    }

    private int unreadTotal() {
        return model.unreadTotal() + model.channels().unreadTotal();
    }

    /** Returns the frame. */
    public JFrame frame() {
        return frame;
    }

    private void rebuild(Settings settings) {
        int tab = tabs == null ? TAB_CHATS : tabs.getSelectedIndex();
        texts = Texts.of(settings.language());
        palette = Themes.palette(settings.theme());
        controls = new Controls(texts);
        frame.getRootPane().getAccessibleContext().setAccessibleName(texts.text("app.name"));
        frame.setLocale(texts.locale());
        root.removeAll();
        root.add(centered(new JLabel(texts.text("app.loading"))), AppModel.Stage.LOADING.name());
        root.add(new FirstRunPanel(controls, model, palette), AppModel.Stage.FIRST_RUN.name());
        root.add(new UnlockPanel(controls, model, palette), AppModel.Stage.LOCKED.name());
        root.add(new WipedPanel(controls, model), AppModel.Stage.WIPED.name());
        chats = null;
        network = null;
        channelsPanel = null;
        if (model.stage() == AppModel.Stage.READY) {
            root.add(mainScreens(), AppModel.Stage.READY.name());
            tabs.setSelectedIndex(Math.max(0, Math.min(tab, tabs.getTabCount() - 1)));
        }
        shown = model.stage();
        cards.show(root, shown.name());
        attention.title(texts.text("app.name"), unreadTotal());
        root.revalidate();
        root.repaint();
    }

    private static JPanel centered(JComponent component) {
        JPanel panel = new JPanel(new GridBagLayout());
        panel.add(component);
        return panel;
    }

    private JComponent mainScreens() {
        chats = new ChatsPanel(controls, model, work, palette);
        tabs = new JTabbedPane();
        tabs.setName("main.tabs");
        addTab("tab.chats", chats, TAB_CHATS);
        // Only the chats are built now; the other tabs on first view, which keeps start-up short.
        addTab("tab.myCode", new LazyTab(() -> new MyCodePanel(controls, model.profile(),
                model.settings().fontScalePercent())), TAB_MY_CODE);
        addTab("tab.network", new LazyTab(() -> {
            network = new NetworkPanel(controls, model, palette);
            return network;
        }), TAB_NETWORK);
        addTab("tab.settings", new LazyTab(() -> new SettingsPanel(controls, model, palette)), TAB_SETTINGS);
        addTab("group.tab", new LazyTab(() -> {
            model.groupsModel().start(AppModel.REFRESH_MILLIS);
            return new GroupsPanel(controls, model.groupsModel(), palette);
        }), TAB_GROUPS);
        channelsTab = Math.min(TAB_CHANNELS, tabs.getTabCount());
        addTab("tab.channels", new LazyTab(() -> {
            channelsPanel = new ChannelsPanel(controls, model.channels(), work, palette,
                    model.settings().fontScalePercent());
            return channelsPanel;
        }), channelsTab);
        // Reports: index 6 once the groups (4) and channels (5) tabs are in; appended after whatever is there.
        addTab("tab.reports", new LazyTab(() -> new ReportsPanel(controls, model, palette)), tabs.getTabCount());
        tabs.addChangeListener(e -> {
            if (tabs.getSelectedComponent() instanceof LazyTab lazy) {
                lazy.build();
            }
        });

        JLabel appName = new JLabel(texts.text("app.name"));
        appName.putClientProperty("FlatLaf.styleClass", "h3");
        JLabel me = new JLabel(texts.format("header.me", model.profile().name()));
        me.setForeground(palette.secondaryText());
        JButton panic = controls.button("panic.button", this::openPanic);
        panic.setName("panic.button");
        panic.setBackground(palette.danger());
        panic.setForeground(palette.onDanger());
        JPanel left = new JPanel(new FlowLayout(FlowLayout.LEFT, 12, 0));
        left.setOpaque(false);
        left.add(appName);
        left.add(me);
        JPanel header = new JPanel(new BorderLayout());
        header.setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 16));
        header.add(left, BorderLayout.WEST);
        header.add(panic, BorderLayout.EAST);
        banner = new AlertBanner(controls, palette, this::openConversation);
        JPanel north = new JPanel(new BorderLayout());
        north.add(header, BorderLayout.NORTH);
        north.add(banner, BorderLayout.SOUTH);
        JPanel main = new JPanel(new BorderLayout());
        main.add(north, BorderLayout.NORTH);
        main.add(tabs, BorderLayout.CENTER);
        return main;
    }

    private void addTab(String key, JComponent content, int index) {
        String raw = texts.raw(key);
        tabs.addTab(Mnemonic.strip(raw), content);
        int code = Mnemonic.keyCode(raw);
        if (code != KeyEvent.VK_UNDEFINED) {
            tabs.setMnemonicAt(index, code);
            tabs.setDisplayedMnemonicIndexAt(index, Mnemonic.index(raw));
        }
        tabs.setToolTipTextAt(index, texts.format("tab.shortcut", index + 1));
        int menu = java.awt.Toolkit.getDefaultToolkit().getMenuShortcutKeyMaskEx();
        tabs.registerKeyboardAction(e -> tabs.setSelectedIndex(index),
                KeyStroke.getKeyStroke(KeyEvent.VK_1 + index, menu), JComponent.WHEN_IN_FOCUSED_WINDOW);
    }

    private void openConversation(String alias) {
        if (tabs != null) {
            tabs.setSelectedIndex(TAB_CHATS);
            model.select(alias);
            chats.focusCompose();
        }
    }

    /** Raises the visual alert for urgent channel posts: banner, window attention and a border flash. */
    private void announceUrgent(List<ChannelPost> posts) {
        ChannelPost last = posts.get(posts.size() - 1);
        String firstLine = last.text().lines().findFirst().orElse("");
        String text = posts.size() == 1 ? texts.format("channel.alert.one", last.channel(), firstLine)
                : texts.format("channel.alert.many", posts.size(), last.channel(), firstLine);
        if (banner != null) {
            banner.announceUrgent(text, () -> openChannel(last.channel()));
        }
        // Urgent alerts always flash the border, whatever the setting for messages: they must not be missed.
        attention.signal(true, palette.danger());
    }

    private void openChannel(String name) {
        if (tabs != null && channelsTab >= 0) {
            tabs.setSelectedIndex(channelsTab);
            model.channels().select(name);
            if (channelsPanel != null) {
                channelsPanel.focusPosts();
            }
        }
    }

    private void openPanic() {
        new PanicDialog(frame, controls, model, palette).setVisible(true);
    }

    @Override
    public void stageChanged(AppModel.Stage stage) {
        if (shown == AppModel.Stage.FIRST_RUN && stage == AppModel.Stage.READY) {
            showCodeFirst = true;
        }
        rebuild(model.settings());
        if (showCodeFirst && tabs != null) {
            tabs.setSelectedIndex(TAB_MY_CODE);
            showCodeFirst = false;
        }
    }

    @Override
    public void conversationsChanged() {
        if (chats != null) {
            chats.refresh();
        }
        attention.title(texts.text("app.name"), unreadTotal());
    }

    @Override
    public void conversationOptionsChanged() {
        if (chats != null) {
            chats.conversationOptionsChanged();
        }
    }

    @Override
    public void networkChanged() {
        if (network != null) {
            network.refresh();
        }
    }

    @Override
    public void messagesArrived(List<String> fromAliases) {
        if (banner != null) {
            banner.announce(fromAliases);
        }
        attention.signal(model.settings().flashBorder(), palette.accent());
    }

    @Override
    public void settingsChanged(Settings settings) {
        Themes.apply(settings.theme(), settings.fontScalePercent());
        rebuild(settings);
        SwingUtilities.updateComponentTreeUI(frame);
    }

    /** Shows tab {@code index} (tests and keyboard shortcuts); {@link #TAB_CHANNELS} finds the channels tab. */
    public void showTab(int index) {
        if (tabs != null) {
            tabs.setSelectedIndex(index == TAB_CHANNELS ? channelsTab : index);
        }
    }
}
