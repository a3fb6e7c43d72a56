package org.habarshy.desktop.gui.view;

import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.event.ComponentAdapter;
import java.awt.event.ComponentEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.DefaultListCellRenderer;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTextArea;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;
import javax.swing.ScrollPaneConstants;
import javax.swing.SwingUtilities;
import org.habarshy.core.channel.ChannelInfo;
import org.habarshy.core.channel.ChannelPost;
import org.habarshy.core.channel.Severity;
import org.habarshy.desktop.gui.model.BackgroundWork;
import org.habarshy.desktop.gui.model.ChannelsModel;
import org.habarshy.desktop.gui.model.UserError;

/**
 * Neighbourhood channels: followed channels with unread counts on the left; the open channel's posts on the right,
 * each with its severity as colour, shape and word; and, where this device holds the posting key, a severity chooser
 * and the alert text (Ctrl+Enter posts).
 */
final class ChannelsPanel extends JPanel {
    private static final long serialVersionUID = 1L;

    private final transient Controls controls;
    private final transient ChannelsModel model;
    private final transient BackgroundWork work;
    private final transient Themes.Palette palette;
    private final transient SeverityStyle style;
    private final int fontScalePercent;
    private final DefaultListModel<ChannelInfo> channels = new DefaultListModel<>();
    private final JList<ChannelInfo> channelList = new JList<>(channels);
    private final DefaultListModel<ChannelPost> posts = new DefaultListModel<>();
    private final JList<ChannelPost> postList = new JList<>(posts);
    private final JComboBox<Severity> severity = new JComboBox<>(Severity.values());
    private final JTextArea compose = new JTextArea(3, 30);
    private final JLabel title = new JLabel();
    private final JTextArea kind = wrapping();
    private final JLabel error;
    private final JButton post;
    private final JButton share;
    private final JButton unsubscribe;
    private final JPanel composeHolder = new JPanel(new BorderLayout());
    private JComponent composeRow;
    private JTextArea readOnly;
    private final CardLayout sideCards = new CardLayout();
    private final JPanel sideHolder = new JPanel(sideCards);
    private boolean updating;

    ChannelsPanel(Controls controls, ChannelsModel model, BackgroundWork work, Themes.Palette palette,
                  int fontScalePercent) {
        super(new BorderLayout());
        setName("channels.panel");
        this.controls = controls;
        this.model = model;
        this.work = work;
        this.palette = palette;
        this.fontScalePercent = fontScalePercent;
        this.style = new SeverityStyle(palette, controls.texts());
        this.error = Forms.errorLabel(palette.danger());
        this.post = controls.button("channel.post", this::post);
        post.setName("channel.post");
        this.share = controls.button("channel.share", this::share);
        share.setName("channel.share");
        this.unsubscribe = controls.button("channel.unsubscribe", this::unsubscribe);
        unsubscribe.setName("channel.unsubscribe");
        JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, channelsSide(), postsSide());
        split.setResizeWeight(0.25);
        split.setBorder(BorderFactory.createEmptyBorder());
        add(split);
        refresh();
        model.refresh();
    }

    private JComponent channelsSide() {
        channelList.setName("channel.list");
        channelList.setCellRenderer(new ChannelCell(controls.texts(), palette));
        channelList.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        controls.describe(channelList, "channel.title");
        channelList.addListSelectionListener(e -> {
            if (!updating && !e.getValueIsAdjusting() && channelList.getSelectedValue() != null) {
                model.select(channelList.getSelectedValue().name());
            }
        });
        JButton subscribe = controls.button("channel.subscribe", this::openSubscribe);
        subscribe.setName("channel.subscribe");
        JButton create = controls.button("channel.create", this::openCreate);
        create.setName("channel.create");
        // One button per row, full width: a flow layout would hide the second one in a narrow column.
        JPanel buttons = new JPanel(new java.awt.GridLayout(0, 1, 0, 6));
        buttons.setOpaque(false);
        buttons.add(subscribe);
        buttons.add(create);
        JPanel header = new JPanel(new BorderLayout(0, 8));
        header.setBorder(BorderFactory.createEmptyBorder(12, 12, 8, 12));
        header.add(controls.heading("channel.title"), BorderLayout.NORTH);
        header.add(buttons, BorderLayout.SOUTH);
        JScrollPane scroll = new JScrollPane(channelList);
        scroll.setHorizontalScrollBarPolicy(ScrollPaneConstants.HORIZONTAL_SCROLLBAR_NEVER);
        JPanel side = new JPanel(new BorderLayout());
        side.add(header, BorderLayout.NORTH);
        side.add(scroll, BorderLayout.CENTER);
        int em = channelList.getFont().getSize();
        // Wide enough for the buttons' whole labels at any font size (200 % included).
        int buttonsWidth = header.getPreferredSize().width;
        side.setMinimumSize(new Dimension(Math.max(12 * em, buttonsWidth), 100));
        side.setPreferredSize(new Dimension(Math.max(20 * em, buttonsWidth), 400));
        return side;
    }

    private JComponent postsSide() {
        postList.setName("channel.posts");
        postList.setCellRenderer(new PostCell(controls.texts(), style, palette));
        controls.describe(postList, "channel.posts");
        JScrollPane scroll = new JScrollPane(postList);
        scroll.setHorizontalScrollBarPolicy(ScrollPaneConstants.HORIZONTAL_SCROLLBAR_NEVER);
        scroll.getVerticalScrollBar().setUnitIncrement(24);
        scroll.getViewport().addComponentListener(new ComponentAdapter() {
            @Override
            public void componentResized(ComponentEvent e) {
                postList.setFixedCellHeight(10);
                postList.setFixedCellHeight(-1);
            }
        });
        title.setName("channel.open.title");
        title.putClientProperty("FlatLaf.styleClass", "h3");
        kind.setForeground(palette.secondaryText());
        JPanel actions = new JPanel(new FlowLayout(FlowLayout.RIGHT, 8, 0));
        actions.setOpaque(false);
        actions.add(share);
        actions.add(unsubscribe);
        JPanel titleRow = new JPanel(new BorderLayout(8, 0));
        titleRow.setOpaque(false);
        titleRow.add(title, BorderLayout.CENTER);
        titleRow.add(actions, BorderLayout.EAST);
        JPanel header = new JPanel(new BorderLayout(0, 4));
        header.setBorder(BorderFactory.createEmptyBorder(12, 16, 8, 12));
        header.add(titleRow, BorderLayout.NORTH);
        header.add(kind, BorderLayout.SOUTH);

        composeRow = composeRow();
        readOnly = wrapping();
        readOnly.setText(controls.texts().text("channel.readOnlyHint"));
        readOnly.setName("channel.readOnlyHint");
        readOnly.getAccessibleContext().setAccessibleName(readOnly.getText());
        readOnly.setForeground(palette.secondaryText());
        readOnly.setBorder(BorderFactory.createEmptyBorder(8, 16, 12, 12));

        JPanel open = new JPanel(new BorderLayout());
        open.add(header, BorderLayout.NORTH);
        open.add(scroll, BorderLayout.CENTER);
        open.add(composeHolder, BorderLayout.SOUTH);
        JLabel none = new JLabel(controls.texts().text("channel.none"), JLabel.CENTER);
        none.setName("channel.none");
        none.setForeground(palette.secondaryText());
        sideHolder.add(none, "none");
        sideHolder.add(open, "open");
        // The split pane squeezes the channel column below its minimum when this side claims too much.
        sideHolder.setMinimumSize(new Dimension(16 * postList.getFont().getSize(), 100));
        return sideHolder;
    }

    /** Text that looks like a label but wraps at the width it gets (long Kazakh and Russian lines at 200 %). */
    private static JTextArea wrapping() {
        JTextArea area = new JTextArea();
        area.setEditable(false);
        area.setFocusable(false);
        area.setOpaque(false);
        area.setLineWrap(true);
        area.setWrapStyleWord(true);
        area.setBorder(BorderFactory.createEmptyBorder());
        area.setFont(javax.swing.UIManager.getFont("Label.font"));
        return area;
    }

    private JComponent composeRow() {
        severity.setName("channel.severity");
        severity.setRenderer(new DefaultListCellRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public Component getListCellRendererComponent(JList<?> list, Object value, int index, boolean selected,
                                                          boolean focused) {
                JLabel label = (JLabel) super.getListCellRendererComponent(list, value, index, selected, focused);
                if (value instanceof Severity s) {
                    label.setText(style.word(s));
                    label.setIcon(style.icon(s, Math.round(label.getFont().getSize2D() * 1.2f)));
                    label.setIconTextGap(8);
                }
                return label;
            }
        });
        JLabel severityLabel = controls.labelFor("channel.severity", severity);
        compose.setName("channel.compose");
        compose.setLineWrap(true);
        compose.setWrapStyleWord(true);
        compose.putClientProperty("JTextArea.placeholderText", controls.texts().text("channel.compose.tip"));
        controls.describe(compose, "channel.compose");
        compose.setFocusTraversalKeys(java.awt.KeyboardFocusManager.FORWARD_TRAVERSAL_KEYS, null);
        compose.setFocusTraversalKeys(java.awt.KeyboardFocusManager.BACKWARD_TRAVERSAL_KEYS, null);
        compose.getInputMap().put(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, InputEvent.CTRL_DOWN_MASK),
                "habarshy-post");
        compose.getActionMap().put("habarshy-post", new AbstractAction() {
            private static final long serialVersionUID = 1L;

            @Override
            public void actionPerformed(java.awt.event.ActionEvent e) {
                post();
            }
        });
        JPanel top = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 0));
        top.setOpaque(false);
        top.add(severityLabel);
        top.add(severity);
        JScrollPane composeScroll = new JScrollPane(compose);
        composeScroll.setHorizontalScrollBarPolicy(ScrollPaneConstants.HORIZONTAL_SCROLLBAR_NEVER);
        JPanel row = new JPanel(new BorderLayout(8, 6));
        row.setBorder(BorderFactory.createEmptyBorder(8, 12, 12, 12));
        row.add(top, BorderLayout.NORTH);
        row.add(composeScroll, BorderLayout.CENTER);
        JPanel postColumn = new JPanel(new BorderLayout());
        postColumn.setOpaque(false);
        postColumn.add(post, BorderLayout.SOUTH);
        row.add(postColumn, BorderLayout.EAST);
        JPanel hints = new JPanel(new BorderLayout());
        hints.setOpaque(false);
        JLabel hint = new JLabel(controls.texts().text("channel.compose.hint"));
        hint.setForeground(palette.secondaryText());
        hints.add(error, BorderLayout.CENTER);
        hints.add(hint, BorderLayout.EAST);
        row.add(hints, BorderLayout.SOUTH);
        return row;
    }

    /** Shows the model's state again (UI thread). */
    void refresh() {
        updating = true;
        try {
            List<ChannelInfo> list = model.channels();
            if (!sameChannels(list)) {
                channels.clear();
                list.forEach(channels::addElement);
            } else {
                for (int i = 0; i < list.size(); i++) {
                    channels.set(i, list.get(i));
                }
            }
            Optional<ChannelInfo> open = model.selectedChannel();
            int index = open.map(list::indexOf).orElse(-1);
            if (index >= 0) {
                channelList.setSelectedIndex(index);
            } else {
                channelList.clearSelection();
            }
            if (open.isEmpty()) {
                sideCards.show(sideHolder, "none");
                return;
            }
            sideCards.show(sideHolder, "open");
            ChannelInfo channel = open.get();
            title.setText(channel.name());
            kind.setText(controls.texts().text(channel.isPrivate() ? "channel.private" : "channel.public") + " · "
                    + controls.texts().text(channel.canPost() ? "channel.canPost" : "channel.readOnly"));
            kind.getAccessibleContext().setAccessibleName(kind.getText());
            JComponent bottom = channel.canPost() ? composeRow : readOnly;
            if (bottom.getParent() != composeHolder) {
                // Only the shown one is in the holder, so that it takes only the height it needs.
                composeHolder.removeAll();
                composeHolder.add(bottom);
                composeHolder.revalidate();
                composeHolder.repaint();
            }
            List<ChannelPost> shown = model.posts();
            if (!samePosts(shown)) {
                posts.clear();
                shown.forEach(posts::addElement);
                if (!shown.isEmpty()) {
                    SwingUtilities.invokeLater(() -> postList.ensureIndexIsVisible(posts.size() - 1));
                }
            }
        } finally {
            updating = false;
        }
    }

    private boolean sameChannels(List<ChannelInfo> list) {
        if (list.size() != channels.size()) {
            return false;
        }
        for (int i = 0; i < list.size(); i++) {
            if (!Objects.equals(list.get(i).name(), channels.get(i).name())) {
                return false;
            }
        }
        return true;
    }

    private boolean samePosts(List<ChannelPost> shown) {
        if (shown.size() != posts.size()) {
            return false;
        }
        for (int i = 0; i < shown.size(); i++) {
            if (!shown.get(i).equals(posts.get(i))) {
                return false;
            }
        }
        return true;
    }

    private void post() {
        post.setEnabled(false);
        model.post((Severity) severity.getSelectedItem(), compose.getText(), failure -> {
            post.setEnabled(true);
            if (failure.isPresent()) {
                error.setText(Errors.text(controls.texts(), failure.get()));
            } else {
                error.setText(" ");
                compose.setText("");
                severity.setSelectedItem(Severity.INFO);
                compose.requestFocusInWindow();
            }
        });
    }

    private void share() {
        model.selected().ifPresent(name -> model.code(name, outcome -> {
            if (outcome.error().isPresent()) {
                error.setText(Errors.text(controls.texts(), outcome.error().get()));
            } else {
                new ChannelCodeDialog(SwingUtilities.getWindowAncestor(this), controls, name,
                        outcome.value().orElseThrow(), false, fontScalePercent).setVisible(true);
            }
        }));
    }

    private void unsubscribe() {
        Optional<String> name = model.selected();
        if (name.isEmpty()) {
            return;
        }
        int answer = javax.swing.JOptionPane.showConfirmDialog(this,
                controls.texts().format("channel.unsubscribe.confirm", name.get()),
                controls.texts().text("channel.unsubscribe"), javax.swing.JOptionPane.OK_CANCEL_OPTION);
        if (answer == javax.swing.JOptionPane.OK_OPTION) {
            model.unsubscribe(name.get(), this::showFailure);
        }
    }

    private void showFailure(Optional<UserError> failure) {
        error.setText(failure.map(f -> Errors.text(controls.texts(), f)).orElse(" "));
    }

    private void openSubscribe() {
        CodeEntryDialog.subscribeChannel(SwingUtilities.getWindowAncestor(this), controls, model, work, palette)
                .setVisible(true);
    }

    private void openCreate() {
        new CreateChannelDialog(SwingUtilities.getWindowAncestor(this), controls, model, palette, fontScalePercent)
                .setVisible(true);
    }

    /** Moves the keyboard focus to the channel list (after an alert was opened). */
    void focusPosts() {
        postList.requestFocusInWindow();
    }
}
