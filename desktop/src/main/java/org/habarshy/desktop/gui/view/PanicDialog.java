package org.habarshy.desktop.gui.view;

import java.awt.FlowLayout;
import java.awt.Window;
import java.awt.event.KeyEvent;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import org.habarshy.desktop.gui.model.AppModel;

/**
 * Confirms the panic wipe: the user types the confirmation word shown (so neither a stray click nor Enter can wipe),
 * then the keys, contacts and messages are destroyed.
 */
final class PanicDialog extends JDialog {
    private static final long serialVersionUID = 1L;

    PanicDialog(Window owner, Controls controls, AppModel model, Themes.Palette palette) {
        super(owner, controls.texts().text("panic.title"), ModalityType.DOCUMENT_MODAL);
        setName("panic.dialog");
        String word = controls.texts().text("panic.word");
        JTextField typed = new JTextField(16);
        typed.setName("panic.typed");
        JLabel status = Forms.errorLabel(palette.danger());
        JButton wipe = controls.button("panic.wipe", () -> { });
        wipe.setName("panic.wipe");
        wipe.setEnabled(false);
        wipe.putClientProperty("JButton.buttonType", "default");
        wipe.setBackground(palette.danger());
        wipe.setForeground(palette.onDanger());
        typed.getDocument().addDocumentListener(new DocumentListener() {
            private void check() {
                wipe.setEnabled(typed.getText().strip().equalsIgnoreCase(word));
            }

            @Override
            public void insertUpdate(DocumentEvent e) {
                check();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                check();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                check();
            }
        });
        wipe.addActionListener(e -> {
            wipe.setEnabled(false);
            typed.setEnabled(false);
            status.setText(controls.texts().text("panic.wiping"));
            model.panic(report -> dispose());
        });
        JButton cancel = controls.button("common.cancel", this::dispose);
        cancel.setName("panic.cancel");
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT, 8, 0));
        buttons.setOpaque(false);
        buttons.add(cancel);
        buttons.add(wipe);
        JLabel warning = controls.heading("panic.title");
        warning.setForeground(palette.danger());
        JPanel form = new Forms()
                .add(warning, 0)
                .add(Forms.paragraph(controls.texts().format("panic.intro", model.settings().dataDir()), 30), 12)
                .add(Forms.paragraph(controls.texts().text("panic.limits"), 30), 8)
                .add(controls.labelFor("panic.type", typed), 16)
                .add(new JLabel(controls.texts().format("panic.typeWord", word)), 4)
                .add(typed, 4)
                .add(status, 12)
                .add(buttons, 12)
                .done();
        form.setBorder(BorderFactory.createEmptyBorder(16, 20, 16, 20));
        setContentPane(form);
        getRootPane().setDefaultButton(cancel);
        getRootPane().registerKeyboardAction(e -> dispose(), KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0),
                JComponent.WHEN_IN_FOCUSED_WINDOW);
        pack();
        setLocationRelativeTo(owner);
    }
}
