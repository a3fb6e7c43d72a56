package org.habarshy.desktop.gui.view;

import java.awt.FlowLayout;
import java.awt.Window;
import java.awt.event.KeyEvent;
import java.util.Optional;
import javax.swing.BorderFactory;
import javax.swing.ButtonGroup;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JRadioButton;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import org.habarshy.desktop.gui.model.AppModel;
import org.habarshy.desktop.gui.model.UserError;

/**
 * Sends the composed text by SMS, in one of two clearly separated ways: an end-to-end encrypted compact message to
 * the open conversation (1–2 SMS through SMS relays), or, for a phone without Habarshy, an <b>UNENCRYPTED</b> plain SMS
 * to a number, which needs a tick in "I understand this SMS is not encrypted" before its button is enabled. Nothing
 * here is chosen by default for the user: encrypted is preselected, plain needs the tick.
 */
final class SmsDialog extends JDialog {
    private static final long serialVersionUID = 1L;

    private final transient Controls controls;
    private final transient AppModel model;
    private final JRadioButton encrypted;
    private final JRadioButton plain;
    private final JTextField number = new JTextField(18);
    private final JCheckBox understood;
    private final JTextArea text = new JTextArea(4, 34);
    private final JLabel warning;
    private final JLabel error;
    private final JButton send;
    private boolean sent;

    SmsDialog(Window owner, Controls controls, AppModel model, Themes.Palette palette, String composed) {
        super(owner, controls.texts().text("relay.sms.title"), ModalityType.DOCUMENT_MODAL);
        this.controls = controls;
        this.model = model;
        this.error = Forms.errorLabel(palette.danger());
        encrypted = new JRadioButton();
        controls.label(encrypted, "relay.sms.encrypted");
        encrypted.setName("relay.sms.encrypted");
        plain = new JRadioButton();
        controls.label(plain, "relay.sms.plain");
        plain.setName("relay.sms.plain");
        ButtonGroup group = new ButtonGroup();
        group.add(encrypted);
        group.add(plain);
        encrypted.setSelected(true);
        understood = new JCheckBox();
        controls.label(understood, "relay.sms.understood");
        understood.setName("relay.sms.understood");
        number.setName("relay.sms.number");
        text.setName("relay.sms.text");
        text.setLineWrap(true);
        text.setWrapStyleWord(true);
        text.setText(composed);
        warning = Forms.paragraph(controls.texts().text("relay.sms.warning"), 30);
        warning.setForeground(palette.danger());
        warning.setName("relay.sms.warning");
        send = controls.button("relay.sms.send", this::sendNow);
        send.setName("relay.sms.send");
        JButton cancel = controls.button("common.cancel", this::dispose);
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT, 8, 0));
        buttons.setOpaque(false);
        buttons.add(cancel);
        buttons.add(send);
        JPanel form = new Forms()
                .add(encrypted, 0)
                .add(Forms.paragraph(controls.texts().text("relay.sms.encrypted.about"), 30), 2)
                .add(plain, 12)
                .add(warning, 4)
                .add(controls.labelFor("relay.sms.number", number), 8)
                .add(number, 4)
                .add(understood, 8)
                .add(controls.labelFor("relay.sms.text", text), 16)
                .add(new JScrollPane(text), 4)
                .add(error, 12)
                .add(buttons, 12)
                .done();
        form.setBorder(BorderFactory.createEmptyBorder(16, 20, 16, 20));
        setContentPane(form);
        encrypted.addActionListener(e -> update());
        plain.addActionListener(e -> update());
        understood.addActionListener(e -> update());
        update();
        getRootPane().registerKeyboardAction(e -> dispose(), KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0),
                JComponent.WHEN_IN_FOCUSED_WINDOW);
        model.smsNumberOfOpenConversation(found -> found.ifPresent(n -> {
            if (number.getText().isBlank()) {
                number.setText(n);
            }
        }));
        pack();
        setLocationRelativeTo(owner);
    }

    /** Plain fields only count for a plain SMS; its send button needs the tick. */
    private void update() {
        boolean isPlain = plain.isSelected();
        number.setEnabled(isPlain);
        understood.setEnabled(isPlain);
        warning.setEnabled(isPlain);
        if (!isPlain) {
            understood.setSelected(false);
        }
        controls.label(send, isPlain ? "relay.sms.sendPlain" : "relay.sms.send");
        send.setEnabled(!isPlain || understood.isSelected());
    }

    private void sendNow() {
        send.setEnabled(false);
        if (plain.isSelected()) {
            if (!understood.isSelected()) {
                return;
            }
            model.sendPlainSms(number.getText(), text.getText(), this::finished);
        } else {
            model.sendBySms(text.getText(), this::finished);
        }
    }

    private void finished(Optional<UserError> failure) {
        update();
        if (failure.isPresent()) {
            error.setText(Errors.text(controls.texts(), failure.get()));
        } else {
            sent = true;
            dispose();
        }
    }

    /** Returns true once a message was sent (the composed text can then be cleared). */
    boolean sent() {
        return sent;
    }

    /** Returns true if the plain SMS button can be pressed now (tests). */
    boolean plainSendEnabled() {
        return plain.isSelected() && send.isEnabled();
    }
}
