package org.habarshy.desktop.gui.view;

import java.awt.Color;
import java.util.List;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextField;
import javax.swing.ListSelectionModel;
import org.habarshy.desktop.gui.i18n.Texts;
import org.habarshy.desktop.gui.model.AppModel;
import org.habarshy.desktop.gui.model.RelayRow;
import org.habarshy.desktop.gui.model.UserError;

/** The settings section for relays: the user's relays, adding one by its code, registering a mailbox at one. */
final class RelaySettings {
    private final Texts texts;
    private final AppModel model;
    private final DefaultListModel<RelayRow> rows = new DefaultListModel<>();
    private final JList<RelayRow> list = new JList<>(rows);
    private final JTextField name = new JTextField(16);
    private final JTextField code = new JTextField(28);
    private final JTextField address = new JTextField(20);
    private final JTextField mailboxCode = new JTextField(28);
    private final JLabel status;
    private final JPanel panel;

    RelaySettings(Controls controls, AppModel model, Color errorColor) {
        this.texts = controls.texts();
        this.model = model;
        this.status = Forms.errorLabel(errorColor);
        status.setName("relay.status");
        list.setName("relay.list");
        list.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        list.setVisibleRowCount(3);
        list.setCellRenderer((l, row, index, selected, focused) -> {
            JLabel cell = new JLabel(describe(row));
            cell.setOpaque(selected);
            if (selected) {
                cell.setBackground(l.getSelectionBackground());
                cell.setForeground(l.getSelectionForeground());
            }
            return cell;
        });
        list.addListSelectionListener(e -> showMailboxCode());
        mailboxCode.setName("relay.mailboxCode");
        mailboxCode.setEditable(false);
        name.setName("relay.name");
        code.setName("relay.code");
        address.setName("relay.address");
        JButton add = controls.button("relay.add", this::add);
        add.setName("relay.add");
        JButton register = controls.button("relay.register", this::register);
        register.setName("relay.register");
        this.panel = new Forms()
                .add(controls.heading("relay.heading"), 0)
                .add(Forms.paragraph(texts.text("relay.hint"), 28), 4)
                .add(controls.labelFor("relay.list", list), 12)
                .add(new JScrollPane(list), 4)
                .add(register, 4)
                .add(controls.labelFor("relay.mailboxCode", mailboxCode), 8)
                .add(mailboxCode, 4)
                .add(controls.labelFor("relay.name", name), 12)
                .add(name, 4)
                .add(controls.labelFor("relay.code", code), 8)
                .add(code, 4)
                .add(controls.labelFor("relay.address", address), 8)
                .add(address, 4)
                .add(add, 8)
                .add(status, 4)
                .done();
        reload();
    }

    /** Returns the section. */
    JPanel panel() {
        return panel;
    }

    private String describe(RelayRow row) {
        if (row == null) {
            return texts.text("relay.none");
        }
        String text = row.name() + "  " + row.address() + "  — "
                + texts.text(row.keepsMailboxes() ? "relay.keepsMailbox" : "relay.noMailbox");
        return row.mailboxCode().isEmpty() ? text : text + "; " + texts.text("relay.yourMailbox");
    }

    private void showMailboxCode() {
        RelayRow selected = list.getSelectedValue();
        mailboxCode.setText(selected == null ? "" : selected.mailboxCode());
    }

    /** Reads the relays again; before an account is open the list stays empty. */
    void reload() {
        model.loadRelays(this::show, error -> { });
    }

    private void show(List<RelayRow> relays) {
        String selected = list.getSelectedValue() == null ? null : list.getSelectedValue().name();
        rows.clear();
        relays.forEach(rows::addElement);
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).name().equals(selected)) {
                list.setSelectedIndex(i);
            }
        }
        showMailboxCode();
    }

    void add() {
        model.addRelay(name.getText(), code.getText(), address.getText(), error -> {
            if (error.isPresent()) {
                status.setText(message(error.get()));
                return;
            }
            status.setText(texts.text("relay.added"));
            name.setText("");
            code.setText("");
            address.setText("");
            reload();
        });
    }

    void register() {
        RelayRow selected = list.getSelectedValue();
        if (selected == null) {
            status.setText(texts.text("relay.select"));
            return;
        }
        model.registerMailbox(selected.name(), code -> {
            status.setText(texts.text("relay.registered"));
            reload();
        }, error -> status.setText(message(error)));
    }

    private String message(UserError error) {
        return error.detail().isEmpty() ? texts.text(error.key()) : texts.text(error.key()) + " (" + error.detail() + ")";
    }
}
