package org.habarshy.desktop.gui.view;

import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.awt.Dimension;
import java.awt.Window;
import java.awt.event.ComponentAdapter;
import java.awt.event.ComponentEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;
import javax.swing.ScrollPaneConstants;
import javax.swing.SwingUtilities;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import org.habarshy.desktop.gui.model.AppModel;
import org.habarshy.desktop.gui.model.BackgroundWork;
import org.habarshy.desktop.gui.model.ContactSummary;
import org.habarshy.desktop.gui.model.MessageRow;
import org.habarshy.desktop.gui.model.UserError;

/**
 * Contacts on the left, the open conversation on the right: its messages with their states, a search field and the
 * compose area (Enter sends, Shift+Enter starts a new line).
 */
final class ChatsPanel extends JPanel {
    private static final long serialVersionUID = 1L;

    private final transient Controls controls;
    private final transient AppModel model;
    private final transient BackgroundWork work;
    private final transient Themes.Palette palette;
    private final DefaultListModel<ContactSummary> contacts = new DefaultListModel<>();
    private final JList<ContactSummary> contactList = new JList<>(contacts);
    private final DefaultListModel<MessageRow> messages = new DefaultListModel<>();
    private final JList<MessageRow> messageList = new JList<>(messages);
    private final JTextArea compose = new JTextArea(3, 30);
    private final JTextField search = new JTextField(16);
    private final JLabel title = new JLabel();
    private final JLabel error;
    private final CardLayout conversationCards = new CardLayout();
    private final JPanel conversationHolder = new JPanel(conversationCards);
    private final JButton send;
    private final ConversationOptions options;
    private final PeerDraftView peerDraft;
    private boolean updating;

    ChatsPanel(Controls controls, AppModel model, BackgroundWork work, Themes.Palette palette) {
        super(new BorderLayout());
        this.controls = controls;
        this.model = model;
        this.work = work;
        this.palette = palette;
        this.error = Forms.errorLabel(palette.danger());
        this.send = controls.button("conversation.send", this::send);
        send.setName("conversation.send");
        this.options = new ConversationOptions(controls, model, palette);
        this.peerDraft = new PeerDraftView(controls, model, palette);
        JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, contactsSide(), conversationSide());
        split.setResizeWeight(0.25);
        split.setBorder(BorderFactory.createEmptyBorder());
        add(split);
        bindKeys();
        refresh();
    }

    private JComponent contactsSide() {
        contactList.setName("contacts.list");
        contactList.setCellRenderer(new ContactCell(controls.texts(), palette));
        contactList.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        controls.describe(contactList, "contacts.title");
        contactList.addListSelectionListener(e -> {
            if (!updating && !e.getValueIsAdjusting()) {
                ContactSummary selected = contactList.getSelectedValue();
                model.select(selected == null ? null : selected.alias());
            }
        });
        JButton add = controls.button("contacts.add", this::openAddContact);
        add.setName("contacts.add");
        JPanel addRow = new JPanel(new BorderLayout());
        addRow.setOpaque(false);
        addRow.add(add, BorderLayout.WEST);
        JPanel header = new JPanel(new BorderLayout(0, 8));
        header.setBorder(BorderFactory.createEmptyBorder(12, 12, 8, 12));
        header.add(controls.heading("contacts.title"), BorderLayout.NORTH);
        header.add(addRow, BorderLayout.SOUTH);
        JScrollPane scroll = new JScrollPane(contactList);
        scroll.setHorizontalScrollBarPolicy(ScrollPaneConstants.HORIZONTAL_SCROLLBAR_NEVER);
        JLabel empty = new JLabel(controls.texts().text("contacts.empty"));
        empty.setBorder(BorderFactory.createEmptyBorder(0, 12, 12, 12));
        empty.setForeground(palette.secondaryText());
        JPanel side = new JPanel(new BorderLayout());
        side.add(header, BorderLayout.NORTH);
        side.add(scroll, BorderLayout.CENTER);
        int em = contactList.getFont().getSize();
        side.setMinimumSize(new Dimension(12 * em, 100));
        side.setPreferredSize(new Dimension(20 * em, 400));
        return side;
    }

    private JComponent conversationSide() {
        messageList.setName("conversation.messages");
        messageList.setCellRenderer(new MessageCell(controls.texts(), palette));
        controls.describe(messageList, "conversation.messages");
        JScrollPane scroll = new JScrollPane(messageList);
        scroll.setHorizontalScrollBarPolicy(ScrollPaneConstants.HORIZONTAL_SCROLLBAR_NEVER);
        scroll.getVerticalScrollBar().setUnitIncrement(24);
        scroll.getViewport().addComponentListener(new ComponentAdapter() {
            @Override
            public void componentResized(ComponentEvent e) {
                // Row heights depend on the width: make the list measure them again.
                messageList.setFixedCellHeight(10);
                messageList.setFixedCellHeight(-1);
            }
        });
        title.setName("conversation.title");
        title.putClientProperty("FlatLaf.styleClass", "h3");
        search.setName("conversation.search");
        search.putClientProperty("JTextField.placeholderText", controls.texts().text("conversation.search"));
        search.putClientProperty("JTextField.showClearButton", true);
        search.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                model.search(search.getText());
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                model.search(search.getText());
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                model.search(search.getText());
            }
        });
        JLabel searchLabel = controls.labelFor("conversation.search", search);
        JButton safety = controls.button("conversation.safety", this::openSafetyNumber);
        safety.setName("conversation.safety");
        JPanel tools = new JPanel(new BorderLayout(8, 0));
        tools.setOpaque(false);
        tools.add(searchLabel, BorderLayout.WEST);
        tools.add(search, BorderLayout.CENTER);
        JPanel titleRow = new JPanel(new BorderLayout(8, 0));
        titleRow.setOpaque(false);
        titleRow.add(title, BorderLayout.CENTER);
        titleRow.add(safety, BorderLayout.EAST);
        JPanel header = new JPanel(new BorderLayout(0, 8));
        header.setBorder(BorderFactory.createEmptyBorder(12, 16, 8, 12));
        header.add(titleRow, BorderLayout.NORTH);
        JPanel toolRows = new JPanel(new BorderLayout(0, 6));
        toolRows.setOpaque(false);
        toolRows.add(tools, BorderLayout.NORTH);
        toolRows.add(options, BorderLayout.SOUTH);
        header.add(toolRows, BorderLayout.SOUTH);

        compose.setName("conversation.compose");
        compose.setLineWrap(true);
        compose.setWrapStyleWord(true);
        compose.putClientProperty("JTextArea.placeholderText", controls.texts().text("conversation.compose.tip"));
        controls.describe(compose, "conversation.compose");
        compose.setFocusTraversalKeys(java.awt.KeyboardFocusManager.FORWARD_TRAVERSAL_KEYS, null);
        compose.setFocusTraversalKeys(java.awt.KeyboardFocusManager.BACKWARD_TRAVERSAL_KEYS, null);
        compose.getInputMap().put(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0), "habarshy-send");
        compose.getInputMap().put(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, InputEvent.SHIFT_DOWN_MASK),
                "insert-break");
        compose.getActionMap().put("habarshy-send", new AbstractAction() {
            private static final long serialVersionUID = 1L;

            @Override
            public void actionPerformed(java.awt.event.ActionEvent e) {
                send();
            }
        });
        compose.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                model.typed(compose.getText());
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                model.typed(compose.getText());
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                // Attribute changes only; the text is the same.
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
        JButton sms = controls.button("relay.sms.open", this::openSms);
        sms.setName("relay.sms.open");
        sendColumn.add(sms, BorderLayout.NORTH);
        composeRow.add(sendColumn, BorderLayout.EAST);
        JPanel hints = new JPanel(new BorderLayout());
        hints.setOpaque(false);
        JLabel hint = new JLabel(controls.texts().text("conversation.hint"));
        hint.setForeground(palette.secondaryText());
        hints.add(error, BorderLayout.CENTER);
        hints.add(hint, BorderLayout.EAST);
        composeRow.add(hints, BorderLayout.SOUTH);

        JPanel bottom = new JPanel(new BorderLayout());
        JPanel above = new JPanel(new BorderLayout());
        above.add(peerDraft, BorderLayout.NORTH);
        above.add(new AttachmentBar(controls, model, palette), BorderLayout.CENTER);
        bottom.add(above, BorderLayout.NORTH);
        bottom.add(composeRow, BorderLayout.CENTER);
        JPanel open = new JPanel(new BorderLayout());
        open.add(header, BorderLayout.NORTH);
        open.add(scroll, BorderLayout.CENTER);
        open.add(bottom, BorderLayout.SOUTH);

        JPanel none = new JPanel(new java.awt.GridBagLayout());
        JLabel pick = new JLabel(controls.texts().text("conversation.none"));
        pick.setForeground(palette.secondaryText());
        none.add(pick);
        conversationHolder.add(none, "none");
        conversationHolder.add(open, "open");
        return conversationHolder;
    }

    private void bindKeys() {
        int menu = java.awt.Toolkit.getDefaultToolkit().getMenuShortcutKeyMaskEx();
        registerKeyboardAction(e -> search.requestFocusInWindow(), KeyStroke.getKeyStroke(KeyEvent.VK_F, menu),
                WHEN_IN_FOCUSED_WINDOW);
        registerKeyboardAction(e -> openAddContact(), KeyStroke.getKeyStroke(KeyEvent.VK_N, menu),
                WHEN_IN_FOCUSED_WINDOW);
        registerKeyboardAction(e -> contactList.requestFocusInWindow(), KeyStroke.getKeyStroke(KeyEvent.VK_L, menu),
                WHEN_IN_FOCUSED_WINDOW);
    }

    /** Shows the model's contacts and open conversation; keeps selection, scrolls to new messages. */
    void refresh() {
        updating = true;
        try {
            List<ContactSummary> fresh = model.contacts();
            if (!sameRows(contacts, fresh)) {
                contacts.clear();
                contacts.addAll(fresh);
            }
            Optional<String> selected = model.selectedAlias();
            int index = -1;
            for (int i = 0; i < contacts.size(); i++) {
                if (selected.isPresent() && contacts.get(i).alias().equals(selected.get())) {
                    index = i;
                }
            }
            if (index >= 0 && contactList.getSelectedIndex() != index) {
                contactList.setSelectedIndex(index);
                contactList.ensureIndexIsVisible(index);
            } else if (index < 0) {
                contactList.clearSelection();
            }
            Optional<ContactSummary> contact = model.selectedContact();
            conversationCards.show(conversationHolder, contact.isPresent() ? "open" : "none");
            contact.ifPresent(c -> title.setText(c.alias() + "  ·  " + c.contact().card().name()));
            List<MessageRow> rows = model.conversation();
            if (!sameRows(messages, rows)) {
                boolean grew = rows.size() > messages.size();
                messages.clear();
                messages.addAll(rows);
                if (grew && !rows.isEmpty()) {
                    SwingUtilities.invokeLater(() -> messageList.ensureIndexIsVisible(messages.size() - 1));
                }
            }
        } finally {
            updating = false;
        }
    }

    private static <T> boolean sameRows(DefaultListModel<T> shown, List<T> fresh) {
        if (shown.size() != fresh.size()) {
            return false;
        }
        for (int i = 0; i < fresh.size(); i++) {
            if (!Objects.equals(shown.get(i), fresh.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Sends the composed text; on success clears the field. */
    void send() {
        String text = compose.getText();
        send.setEnabled(false);
        model.send(text, this::sent);
    }

    private void sent(Optional<UserError> failure) {
        send.setEnabled(true);
        if (failure.isPresent()) {
            error.setText(Errors.text(controls.texts(), failure.get()));
        } else {
            compose.setText("");
            error.setText(" ");
        }
        compose.requestFocusInWindow();
    }

    /** Opens the SMS dialog (named {@code relay.sms.dialog}) with the composed text. */
    void openSms() {
        SmsDialog dialog = new SmsDialog(SwingUtilities.getWindowAncestor(this), controls, model, palette,
                compose.getText());
        dialog.setName("relay.sms.dialog");
        dialog.setVisible(true);
        if (dialog.sent()) {
            compose.setText("");
        }
    }

    /** Opens the add-contact dialog (named {@code addContact.dialog}). */
    void openAddContact() {
        Window owner = SwingUtilities.getWindowAncestor(this);
        CodeEntryDialog dialog = CodeEntryDialog.addContact(owner, controls, model, work, palette);
        dialog.setName("addContact.dialog");
        dialog.setVisible(true);
    }

    private void openSafetyNumber() {
        model.selectedContact().ifPresent(c -> {
            SafetyNumberDialog dialog = new SafetyNumberDialog(SwingUtilities.getWindowAncestor(this), controls, c,
                    model.profile().safetyNumber());
            dialog.setName("safety.dialog");
            dialog.setVisible(true);
        });
    }

    /** Shows the open conversation's real-time text and timer again. */
    void conversationOptionsChanged() {
        options.refresh();
        peerDraft.refresh();
    }

    /** Puts the focus in the compose field. */
    void focusCompose() {
        compose.requestFocusInWindow();
    }
}
