package org.habarshy.desktop.gui.view;

import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.GridLayout;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.DefaultListCellRenderer;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTextArea;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;
import javax.swing.ScrollPaneConstants;
import javax.swing.SwingUtilities;
import org.habarshy.core.api.group.GroupMember;
import org.habarshy.core.api.group.GroupSummary;
import org.habarshy.desktop.gui.model.GroupsModel;
import org.habarshy.desktop.gui.model.UserError;

/**
 * The groups tab: the user's groups on the left; the open group's messages with their senders, its members, and a
 * compose area (Enter sends, Shift+Enter starts a new line); buttons to create a group and, for admins, to add and
 * remove members. Keyboard first: every control has a mnemonic or a shortcut and an accessible name.
 */
final class GroupsPanel extends JPanel {
    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());

    private final transient Controls controls;
    private final transient GroupsModel model;
    private final transient Themes.Palette palette;
    private final DefaultListModel<GroupSummary> groups = new DefaultListModel<>();
    private final JList<GroupSummary> groupList = new JList<>(groups);
    private final DefaultListModel<GroupsModel.Line> lines = new DefaultListModel<>();
    private final JList<GroupsModel.Line> messageList = new JList<>(lines);
    private final DefaultListModel<GroupMember> members = new DefaultListModel<>();
    private final JList<GroupMember> memberList = new JList<>(members);
    private final JTextArea compose = new JTextArea(3, 30);
    private final JLabel title = new JLabel();
    private final JLabel error;
    private final JButton send;
    private final JButton addMember;
    private final JButton removeMember;
    private final JButton leave;
    private final CardLayout cards = new CardLayout();
    private final JPanel holder = new JPanel(cards);
    private boolean updating;

    GroupsPanel(Controls controls, GroupsModel model, Themes.Palette palette) {
        super(new BorderLayout());
        this.controls = controls;
        this.model = model;
        this.palette = palette;
        this.error = Forms.errorLabel(palette.danger());
        this.send = controls.button("group.send", this::send);
        send.setName("group.send");
        this.addMember = controls.button("group.addMember", this::chooseMemberToAdd);
        addMember.setName("group.addMember");
        this.removeMember = controls.button("group.removeMember", this::removeSelectedMember);
        removeMember.setName("group.removeMember");
        this.leave = controls.button("group.leave", this::leaveGroup);
        leave.setName("group.leave");
        JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, groupsSide(), conversationSide());
        split.setResizeWeight(0.25);
        split.setBorder(BorderFactory.createEmptyBorder());
        add(split);
        int menu = java.awt.Toolkit.getDefaultToolkit().getMenuShortcutKeyMaskEx();
        registerKeyboardAction(e -> openCreate(), KeyStroke.getKeyStroke(KeyEvent.VK_G, menu),
                WHEN_IN_FOCUSED_WINDOW);
        model.setListener(this::refresh);
        refresh();
    }

    private JComponent groupsSide() {
        groupList.setName("group.list");
        groupList.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        groupList.setCellRenderer(new DefaultListCellRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public Component getListCellRendererComponent(JList<?> list, Object value, int index, boolean selected,
                                                          boolean focus) {
                GroupSummary g = (GroupSummary) value;
                String role = !g.member() ? controls.texts().text("group.role.removed")
                        : g.admin() ? controls.texts().text("group.role.admin") : "";
                String text = g.name() + "  ·  " + controls.texts().format("group.memberCount", g.members().size())
                        + (role.isEmpty() ? "" : "  ·  " + role);
                Component c = super.getListCellRendererComponent(list, text, index, selected, focus);
                ((JComponent) c).getAccessibleContext().setAccessibleName(text);
                return c;
            }
        });
        controls.describe(groupList, "group.list");
        groupList.addListSelectionListener(e -> {
            if (!updating && !e.getValueIsAdjusting()) {
                GroupSummary g = groupList.getSelectedValue();
                model.select(g == null ? null : g.id());
            }
        });
        JButton create = controls.button("group.create", this::openCreate);
        create.setName("group.create");
        JPanel header = new JPanel(new BorderLayout(0, 8));
        header.setBorder(BorderFactory.createEmptyBorder(12, 12, 8, 12));
        header.add(controls.heading("group.list"), BorderLayout.NORTH);
        header.add(create, BorderLayout.WEST);
        JPanel side = new JPanel(new BorderLayout());
        side.add(header, BorderLayout.NORTH);
        JScrollPane scroll = new JScrollPane(groupList);
        scroll.setHorizontalScrollBarPolicy(ScrollPaneConstants.HORIZONTAL_SCROLLBAR_NEVER);
        side.add(scroll, BorderLayout.CENTER);
        int em = groupList.getFont().getSize();
        side.setMinimumSize(new Dimension(12 * em, 100));
        side.setPreferredSize(new Dimension(20 * em, 400));
        return side;
    }

    private JComponent conversationSide() {
        messageList.setName("group.messages");
        messageList.setCellRenderer(new DefaultListCellRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public Component getListCellRendererComponent(JList<?> list, Object value, int index, boolean selected,
                                                          boolean focus) {
                GroupsModel.Line line = (GroupsModel.Line) value;
                String who = line.outgoing() ? controls.texts().text("group.you") : line.sender();
                String text = "<html><b>" + Forms.escape(who) + "</b> <small>"
                        + TIME.format(Instant.ofEpochMilli(line.sentAt())) + "</small><br>"
                        + Forms.escape(line.text()).replace("\n", "<br>") + "</html>";
                Component c = super.getListCellRendererComponent(list, text, index, selected, focus);
                ((JComponent) c).getAccessibleContext().setAccessibleName(
                        controls.texts().format("group.accessibleLine", who, line.text()));
                return c;
            }
        });
        controls.describe(messageList, "group.messages");
        JScrollPane scroll = new JScrollPane(messageList);
        scroll.setHorizontalScrollBarPolicy(ScrollPaneConstants.HORIZONTAL_SCROLLBAR_NEVER);

        memberList.setName("group.members");
        memberList.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        memberList.setCellRenderer(new DefaultListCellRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public Component getListCellRendererComponent(JList<?> list, Object value, int index, boolean selected,
                                                          boolean focus) {
                GroupMember m = (GroupMember) value;
                String text = m.name() + (m.admin() ? "  ·  " + controls.texts().text("group.role.admin") : "");
                return super.getListCellRendererComponent(list, text, index, selected, focus);
            }
        });
        controls.describe(memberList, "group.members");
        memberList.addListSelectionListener(e -> updateButtons());
        JPanel memberButtons = new JPanel(new GridLayout(3, 1, 0, 4));
        memberButtons.setOpaque(false);
        memberButtons.add(addMember);
        memberButtons.add(removeMember);
        memberButtons.add(leave);
        JPanel membersSide = new JPanel(new BorderLayout(0, 8));
        membersSide.setBorder(BorderFactory.createEmptyBorder(0, 8, 0, 12));
        membersSide.add(controls.labelFor("group.members", memberList), BorderLayout.NORTH);
        JScrollPane memberScroll = new JScrollPane(memberList);
        memberScroll.setHorizontalScrollBarPolicy(ScrollPaneConstants.HORIZONTAL_SCROLLBAR_NEVER);
        membersSide.add(memberScroll, BorderLayout.CENTER);
        membersSide.add(memberButtons, BorderLayout.SOUTH);
        int em = memberList.getFont().getSize();
        membersSide.setPreferredSize(new Dimension(Math.max(16 * em, memberButtons.getPreferredSize().width + 24),
                100));

        title.setName("group.title");
        title.putClientProperty("FlatLaf.styleClass", "h3");
        JPanel header = new JPanel(new BorderLayout());
        header.setBorder(BorderFactory.createEmptyBorder(12, 16, 8, 12));
        header.add(title, BorderLayout.CENTER);

        compose.setName("group.compose");
        compose.setLineWrap(true);
        compose.setWrapStyleWord(true);
        compose.putClientProperty("JTextArea.placeholderText", controls.texts().text("group.compose.tip"));
        controls.describe(compose, "group.compose");
        compose.setFocusTraversalKeys(java.awt.KeyboardFocusManager.FORWARD_TRAVERSAL_KEYS, null);
        compose.setFocusTraversalKeys(java.awt.KeyboardFocusManager.BACKWARD_TRAVERSAL_KEYS, null);
        compose.getInputMap().put(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0), "habarshy-group-send");
        compose.getInputMap().put(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, InputEvent.SHIFT_DOWN_MASK),
                "insert-break");
        compose.getActionMap().put("habarshy-group-send", new AbstractAction() {
            private static final long serialVersionUID = 1L;

            @Override
            public void actionPerformed(java.awt.event.ActionEvent e) {
                send();
            }
        });
        JScrollPane composeScroll = new JScrollPane(compose);
        composeScroll.setHorizontalScrollBarPolicy(ScrollPaneConstants.HORIZONTAL_SCROLLBAR_NEVER);
        JPanel composeRow = new JPanel(new BorderLayout(8, 4));
        composeRow.setBorder(BorderFactory.createEmptyBorder(8, 12, 12, 12));
        composeRow.add(composeScroll, BorderLayout.CENTER);
        JPanel sendColumn = new JPanel(new BorderLayout());
        sendColumn.setOpaque(false);
        sendColumn.add(send, BorderLayout.SOUTH);
        composeRow.add(sendColumn, BorderLayout.EAST);
        JPanel hints = new JPanel(new BorderLayout());
        hints.setOpaque(false);
        JLabel hint = new JLabel(controls.texts().text("conversation.hint"));
        hint.setForeground(palette.secondaryText());
        hints.add(error, BorderLayout.CENTER);
        hints.add(hint, BorderLayout.EAST);
        composeRow.add(hints, BorderLayout.SOUTH);

        JPanel center = new JPanel(new BorderLayout());
        center.add(scroll, BorderLayout.CENTER);
        center.add(membersSide, BorderLayout.EAST);
        JPanel open = new JPanel(new BorderLayout());
        open.add(header, BorderLayout.NORTH);
        open.add(center, BorderLayout.CENTER);
        open.add(composeRow, BorderLayout.SOUTH);

        JPanel none = new JPanel(new java.awt.GridBagLayout());
        JLabel pick = new JLabel(controls.texts().text("group.none"));
        pick.setForeground(palette.secondaryText());
        none.add(pick);
        holder.add(none, "none");
        holder.add(open, "open");
        return holder;
    }

    /** Shows the model's groups and the open group; keeps the selection, scrolls to new messages. */
    void refresh() {
        updating = true;
        try {
            replace(groups, model.groups());
            Optional<GroupSummary> open = model.selected();
            int index = -1;
            for (int i = 0; i < groups.size(); i++) {
                if (open.isPresent() && groups.get(i).id().equals(open.get().id())) {
                    index = i;
                }
            }
            if (index >= 0 && groupList.getSelectedIndex() != index) {
                groupList.setSelectedIndex(index);
            } else if (index < 0) {
                groupList.clearSelection();
            }
            cards.show(holder, open.isPresent() ? "open" : "none");
            open.ifPresent(g -> title.setText(g.name() + "  ·  "
                    + controls.texts().format("group.memberCount", g.members().size())
                    + (g.member() ? "" : "  ·  " + controls.texts().text("group.role.removed"))));
            replace(members, open.map(GroupSummary::members).orElse(List.of()));
            List<GroupsModel.Line> fresh = model.conversation();
            boolean grew = fresh.size() > lines.size();
            if (replace(lines, fresh) && grew && !fresh.isEmpty()) {
                SwingUtilities.invokeLater(() -> messageList.ensureIndexIsVisible(lines.size() - 1));
            }
            compose.setEnabled(open.map(GroupSummary::member).orElse(false));
            updateButtons();
        } finally {
            updating = false;
        }
    }

    private void updateButtons() {
        boolean manage = model.canManage();
        addMember.setEnabled(manage);
        GroupMember chosen = memberList.getSelectedValue();
        removeMember.setEnabled(manage && chosen != null && !chosen.admin());
        leave.setEnabled(model.canLeave());
        send.setEnabled(model.selected().map(GroupSummary::member).orElse(false));
    }

    private static <T> boolean replace(DefaultListModel<T> shown, List<T> fresh) {
        if (shown.size() == fresh.size()) {
            boolean same = true;
            for (int i = 0; i < fresh.size() && same; i++) {
                same = Objects.equals(shown.get(i), fresh.get(i));
            }
            if (same) {
                return false;
            }
        }
        shown.clear();
        shown.addAll(fresh);
        return true;
    }

    /** Sends the composed text; on success clears the field. */
    void send() {
        send.setEnabled(false);
        model.send(compose.getText(), failure -> {
            updateButtons();
            show(failure);
            if (failure.isEmpty()) {
                compose.setText("");
            }
            compose.requestFocusInWindow();
        });
    }

    private void show(Optional<UserError> failure) {
        error.setText(failure.map(f -> Errors.text(controls.texts(), f)).orElse(" "));
    }

    /** Opens the create-group dialog (named {@code group.create.dialog}). */
    void openCreate() {
        CreateGroupDialog dialog = new CreateGroupDialog(SwingUtilities.getWindowAncestor(this), controls, model,
                palette);
        dialog.setName("group.create.dialog");
        dialog.setVisible(true);
    }

    private void chooseMemberToAdd() {
        List<String> candidates = model.contactAliases();
        if (candidates.isEmpty()) {
            show(Optional.of(new UserError("group.error.noContacts", "")));
            return;
        }
        Object chosen = JOptionPane.showInputDialog(this, controls.texts().text("group.addMember.prompt"),
                controls.texts().text("group.addMember.title"), JOptionPane.PLAIN_MESSAGE, null,
                candidates.toArray(), candidates.get(0));
        if (chosen != null) {
            model.addMember((String) chosen, this::show);
        }
    }

    private void leaveGroup() {
        Optional<GroupSummary> group = model.selected();
        if (group.isEmpty()) {
            return;
        }
        int answer = JOptionPane.showConfirmDialog(this,
                controls.texts().format("group.leave.confirm", group.get().name()),
                controls.texts().text("group.leave.title"), JOptionPane.OK_CANCEL_OPTION);
        if (answer == JOptionPane.OK_OPTION) {
            model.leave(this::show);
        }
    }

    private void removeSelectedMember() {
        GroupMember member = memberList.getSelectedValue();
        if (member == null) {
            return;
        }
        int answer = JOptionPane.showConfirmDialog(this,
                controls.texts().format("group.removeMember.confirm", member.name()),
                controls.texts().text("group.removeMember.title"), JOptionPane.OK_CANCEL_OPTION);
        if (answer == JOptionPane.OK_OPTION) {
            model.removeMember(member, this::show);
        }
    }
}
