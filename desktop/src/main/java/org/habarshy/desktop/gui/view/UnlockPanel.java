package org.habarshy.desktop.gui.view;

import java.awt.BorderLayout;
import java.awt.GridBagLayout;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.SwingUtilities;
import org.habarshy.desktop.gui.model.AppModel;

/** Asks for the passphrase of an encrypted identity. */
final class UnlockPanel extends JPanel {
    private static final long serialVersionUID = 1L;

    private final JPasswordField passphrase = new JPasswordField(24);

    UnlockPanel(Controls controls, AppModel model, Themes.Palette palette) {
        super(new GridBagLayout());
        JLabel error = Forms.errorLabel(palette.danger());
        passphrase.setName("unlock.passphrase");
        JButton open = controls.button("unlock.open", () -> { });
        open.setName("unlock.open");
        open.addActionListener(e -> {
            open.setEnabled(false);
            error.setText(controls.texts().text("unlock.opening"));
            model.unlock(passphrase.getPassword(), failure -> {
                open.setEnabled(true);
                passphrase.setText("");
                error.setText(failure.map(f -> Errors.text(controls.texts(), f)).orElse(" "));
                passphrase.requestFocusInWindow();
            });
        });
        passphrase.addActionListener(e -> open.doClick());
        JPanel row = new JPanel(new BorderLayout());
        row.setOpaque(false);
        row.add(open, BorderLayout.EAST);
        JPanel card = new Forms()
                .add(controls.heading("unlock.title"), 0)
                .add(Forms.paragraph(controls.texts().format("unlock.intro", model.settings().dataDir())), 12)
                .add(controls.labelFor("unlock.passphrase", passphrase), 20)
                .add(passphrase, 4)
                .add(error, 12)
                .add(row, 12)
                .done();
        card.setBorder(BorderFactory.createEmptyBorder(24, 32, 24, 32));
        add(card);
    }

    @Override
    public void addNotify() {
        super.addNotify();
        SwingUtilities.invokeLater(passphrase::requestFocusInWindow);
    }
}
