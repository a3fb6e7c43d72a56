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
import javax.swing.KeyStroke;
import org.habarshy.desktop.gui.model.ContactSummary;

/** Shows a contact's safety number next to this user's, to compare in person or on a call. */
final class SafetyNumberDialog extends JDialog {
    private static final long serialVersionUID = 1L;

    SafetyNumberDialog(Window owner, Controls controls, ContactSummary contact, String ownNumber) {
        super(owner, controls.texts().format("safety.title", contact.alias()), ModalityType.DOCUMENT_MODAL);
        JLabel theirs = number(contact.safetyNumber());
        theirs.setName("safety.theirs");
        JLabel mine = number(ownNumber);
        JButton close = controls.button("common.close", this::dispose);
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT, 0, 0));
        buttons.setOpaque(false);
        buttons.add(close);
        JPanel form = new Forms()
                .add(Forms.paragraph(controls.texts().format("safety.intro", contact.alias()), 30), 0)
                .add(new JLabel(controls.texts().format("safety.theirs", contact.alias(), contact.contact().card()
                        .name())), 16)
                .add(theirs, 4)
                .add(new JLabel(controls.texts().text("safety.mine")), 16)
                .add(mine, 4)
                .add(Forms.paragraph(controls.texts().text("safety.mismatch"), 30), 16)
                .add(buttons, 16)
                .done();
        form.setBorder(BorderFactory.createEmptyBorder(16, 20, 16, 20));
        setContentPane(form);
        getRootPane().setDefaultButton(close);
        getRootPane().registerKeyboardAction(e -> dispose(), KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0),
                JComponent.WHEN_IN_FOCUSED_WINDOW);
        pack();
        setLocationRelativeTo(owner);
    }

    private static JLabel number(String digits) {
        JLabel label = new JLabel(digits);
        label.putClientProperty("FlatLaf.styleClass", "h2");
        label.getAccessibleContext().setAccessibleName(digits);
        label.setFocusable(true);
        return label;
    }
}
