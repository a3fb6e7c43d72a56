package org.habarshy.desktop.gui.view;

import java.awt.BorderLayout;
import java.awt.GridBagLayout;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import org.habarshy.desktop.gui.model.AppModel;
import org.habarshy.desktop.gui.model.UserError;

/** First run: name and optional passphrase, then the identity is created and the "my code" screen opens. */
final class FirstRunPanel extends JPanel {
    private static final long serialVersionUID = 1L;

    private final transient Controls controls;
    private final transient AppModel model;
    private final JTextField name = new JTextField(24);
    private final JPasswordField passphrase = new JPasswordField(24);
    private final JPasswordField repeated = new JPasswordField(24);
    private final JLabel error;
    private final JButton create;

    FirstRunPanel(Controls controls, AppModel model, Themes.Palette palette) {
        super(new GridBagLayout());
        this.controls = controls;
        this.model = model;
        this.error = Forms.errorLabel(palette.danger());
        name.setName("firstRun.name");
        passphrase.setName("firstRun.passphrase");
        repeated.setName("firstRun.repeat");
        create = controls.button("firstRun.create", this::create);
        create.setName("firstRun.create");
        JPanel card = new Forms()
                .add(controls.heading("firstRun.title"), 0)
                .add(Forms.paragraph(controls.texts().text("firstRun.intro")), 12)
                .add(controls.labelFor("firstRun.name", name), 20)
                .add(name, 4)
                .add(controls.labelFor("firstRun.passphrase", passphrase), 16)
                .add(passphrase, 4)
                .add(controls.labelFor("firstRun.repeat", repeated), 10)
                .add(repeated, 4)
                .add(Forms.paragraph(controls.texts().text("firstRun.passphraseHint")), 8)
                .add(error, 12)
                .add(buttonRow(create), 12)
                .done();
        card.setBorder(BorderFactory.createEmptyBorder(24, 32, 24, 32));
        JPanel holder = new JPanel(new BorderLayout());
        holder.setOpaque(false);
        holder.add(card);
        add(holder);
        name.addActionListener(e -> passphrase.requestFocusInWindow());
        passphrase.addActionListener(e -> repeated.requestFocusInWindow());
        repeated.addActionListener(e -> create.doClick());
    }

    private static JPanel buttonRow(JButton button) {
        JPanel row = new JPanel(new BorderLayout());
        row.setOpaque(false);
        row.add(button, BorderLayout.EAST);
        return row;
    }

    @Override
    public void addNotify() {
        super.addNotify();
        SwingUtilities.invokeLater(name::requestFocusInWindow);
    }

    private void create() {
        create.setEnabled(false);
        error.setText(controls.texts().text("firstRun.creating"));
        model.createIdentity(name.getText(), passphrase.getPassword(), repeated.getPassword(), this::finished);
    }

    private void finished(java.util.Optional<UserError> failure) {
        create.setEnabled(true);
        passphrase.setText("");
        repeated.setText("");
        if (failure.isPresent()) {
            error.setText(Errors.text(controls.texts(), failure.get()));
            name.requestFocusInWindow();
        } else {
            error.setText(" ");
        }
    }
}
