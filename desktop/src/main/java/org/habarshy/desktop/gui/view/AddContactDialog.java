package org.habarshy.desktop.gui.view;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.Window;
import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.util.Optional;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.filechooser.FileNameExtensionFilter;
import org.habarshy.desktop.gui.model.AppModel;
import org.habarshy.desktop.gui.model.BackgroundWork;
import org.habarshy.desktop.gui.model.UserError;
import org.habarshy.desktop.gui.qr.QrCodes;

/** Adds a contact from a pasted code or a QR image file, under an alias the user picks. */
final class AddContactDialog extends JDialog {
    private static final long serialVersionUID = 1L;

    private final transient Controls controls;
    private final transient AppModel model;
    private final transient BackgroundWork work;
    private final JTextArea code = new JTextArea(4, 34);
    private final JTextField alias = new JTextField(20);
    private final JLabel error;
    private final JButton add;

    AddContactDialog(Window owner, Controls controls, AppModel model, BackgroundWork work, Themes.Palette palette) {
        super(owner, controls.texts().text("addContact.title"), ModalityType.DOCUMENT_MODAL);
        this.controls = controls;
        this.model = model;
        this.work = work;
        this.error = Forms.errorLabel(palette.danger());
        code.setName("addContact.code");
        code.setLineWrap(true);
        code.putClientProperty("FlatLaf.styleClass", "monospaced");
        // Tab leaves the code field instead of inserting a tab character.
        code.setFocusTraversalKeys(java.awt.KeyboardFocusManager.FORWARD_TRAVERSAL_KEYS, null);
        code.setFocusTraversalKeys(java.awt.KeyboardFocusManager.BACKWARD_TRAVERSAL_KEYS, null);
        alias.setName("addContact.alias");
        JButton load = controls.button("addContact.loadQr", this::chooseQrFile);
        load.setName("addContact.loadQr");
        add = controls.button("addContact.add", this::addContact);
        add.setName("addContact.add");
        JButton cancel = controls.button("common.cancel", this::dispose);
        JPanel loadRow = new JPanel(new FlowLayout(FlowLayout.LEFT, 0, 0));
        loadRow.setOpaque(false);
        loadRow.add(load);
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT, 8, 0));
        buttons.setOpaque(false);
        buttons.add(cancel);
        buttons.add(add);
        JPanel form = new Forms()
                .add(Forms.paragraph(controls.texts().text("addContact.intro"), 30), 0)
                .add(controls.labelFor("addContact.code", code), 16)
                .add(new JScrollPane(code), 4)
                .add(loadRow, 8)
                .add(controls.labelFor("addContact.alias", alias), 16)
                .add(alias, 4)
                .add(error, 12)
                .add(buttons, 12)
                .done();
        form.setBorder(BorderFactory.createEmptyBorder(16, 20, 16, 20));
        setContentPane(form);
        getRootPane().setDefaultButton(add);
        getRootPane().registerKeyboardAction(e -> dispose(), KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0),
                JComponent.WHEN_IN_FOCUSED_WINDOW);
        pack();
        setLocationRelativeTo(owner);
    }

    private void chooseQrFile() {
        JFileChooser chooser = new JFileChooser();
        chooser.setDialogTitle(controls.texts().text("addContact.loadQr"));
        chooser.setFileFilter(new FileNameExtensionFilter(controls.texts().text("addContact.images"),
                "png", "jpg", "jpeg", "gif", "bmp"));
        if (chooser.showOpenDialog(this) == JFileChooser.APPROVE_OPTION) {
            loadQrFile(chooser.getSelectedFile().toPath());
        }
    }

    /** Reads the QR code in {@code file} off the UI thread and puts its text in the code field. */
    void loadQrFile(Path file) {
        error.setText(controls.texts().text("addContact.reading"));
        work.submit(() -> QrCodes.read(file), text -> {
            code.setText(text);
            error.setText(" ");
            alias.requestFocusInWindow();
        }, e -> error.setText(controls.texts().text("error.qr") + " (" + e.getMessage() + ")"));
    }

    private void addContact() {
        add.setEnabled(false);
        model.addContact(code.getText(), alias.getText(), this::finished);
    }

    private void finished(Optional<UserError> failure) {
        add.setEnabled(true);
        if (failure.isPresent()) {
            error.setText(Errors.text(controls.texts(), failure.get()));
        } else {
            dispose();
        }
    }
}
