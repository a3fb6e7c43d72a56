package org.habarshy.desktop.gui.view;

import java.awt.FlowLayout;
import java.awt.Window;
import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
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
import org.habarshy.desktop.gui.model.ChannelsModel;
import org.habarshy.desktop.gui.model.UserError;
import org.habarshy.desktop.gui.qr.QrCodes;

/**
 * Takes a code pasted or read from a QR image file, and a name of the user's own for it: a contact code
 * ({@link #addContact}) or a channel code ({@link #subscribeChannel}). Every text key and component name starts with
 * the dialog's prefix ({@code addContact.} or {@code channel.subscribe.}).
 */
final class CodeEntryDialog extends JDialog {
    private static final long serialVersionUID = 1L;

    /** What the dialog does with the code and the name; {@code done} gets the error, if any (UI thread). */
    @FunctionalInterface
    interface Submit {
        /** Starts the work for {@code code} and {@code name}. */
        void submit(String code, String name, Consumer<Optional<UserError>> done);
    }

    private final transient Controls controls;
    private final transient BackgroundWork work;
    private final transient Submit action;
    private final String prefix;
    private final JTextArea code = new JTextArea(4, 34);
    private final JTextField alias = new JTextField(20);
    private final JLabel error;
    private final JButton ok;

    /** The add-contact dialog (keys {@code addContact.*}). */
    static CodeEntryDialog addContact(Window owner, Controls controls, AppModel model, BackgroundWork work,
                                      Themes.Palette palette) {
        return new CodeEntryDialog(owner, controls, work, palette, "addContact.", "title", "add",
                model::addContact);
    }

    /** The follow-a-channel dialog (keys {@code channel.subscribe.*}, named {@code channel.subscribe.dialog}). */
    static CodeEntryDialog subscribeChannel(Window owner, Controls controls, ChannelsModel model,
                                            BackgroundWork work, Themes.Palette palette) {
        CodeEntryDialog dialog = new CodeEntryDialog(owner, controls, work, palette, "channel.subscribe.", "title",
                "ok", model::subscribe);
        dialog.setName("channel.subscribe.dialog");
        return dialog;
    }

    private CodeEntryDialog(Window owner, Controls controls, BackgroundWork work, Themes.Palette palette,
                            String prefix, String titleKey, String okKey, Submit action) {
        super(owner, controls.texts().text(prefix + titleKey), ModalityType.DOCUMENT_MODAL);
        this.controls = controls;
        this.work = work;
        this.action = action;
        this.prefix = prefix;
        this.error = Forms.errorLabel(palette.danger());
        code.setName(prefix + "code");
        code.setLineWrap(true);
        code.putClientProperty("FlatLaf.styleClass", "monospaced");
        // Tab leaves the code field instead of inserting a tab character.
        code.setFocusTraversalKeys(java.awt.KeyboardFocusManager.FORWARD_TRAVERSAL_KEYS, null);
        code.setFocusTraversalKeys(java.awt.KeyboardFocusManager.BACKWARD_TRAVERSAL_KEYS, null);
        alias.setName(prefix + "alias");
        JButton load = controls.button(prefix + "loadQr", this::chooseQrFile);
        load.setName(prefix + "loadQr");
        ok = controls.button(prefix + okKey, this::submit);
        ok.setName(prefix + okKey);
        JButton cancel = controls.button("common.cancel", this::dispose);
        JPanel loadRow = new JPanel(new FlowLayout(FlowLayout.LEFT, 0, 0));
        loadRow.setOpaque(false);
        loadRow.add(load);
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT, 8, 0));
        buttons.setOpaque(false);
        buttons.add(cancel);
        buttons.add(ok);
        JPanel form = new Forms()
                .add(Forms.paragraph(controls.texts().text(prefix + "intro"), 30), 0)
                .add(controls.labelFor(prefix + "code", code), 16)
                .add(new JScrollPane(code), 4)
                .add(loadRow, 8)
                .add(controls.labelFor(prefix + "alias", alias), 16)
                .add(alias, 4)
                .add(error, 12)
                .add(buttons, 12)
                .done();
        form.setBorder(BorderFactory.createEmptyBorder(16, 20, 16, 20));
        setContentPane(form);
        getRootPane().setDefaultButton(ok);
        getRootPane().registerKeyboardAction(e -> dispose(), KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0),
                JComponent.WHEN_IN_FOCUSED_WINDOW);
        pack();
        setLocationRelativeTo(owner);
    }

    private void chooseQrFile() {
        JFileChooser chooser = new JFileChooser();
        chooser.setDialogTitle(controls.texts().text(prefix + "loadQr"));
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

    private void submit() {
        ok.setEnabled(false);
        action.submit(code.getText(), alias.getText(), this::finished);
    }

    private void finished(Optional<UserError> failure) {
        ok.setEnabled(true);
        if (failure.isPresent()) {
            error.setText(Errors.text(controls.texts(), failure.get()));
        } else {
            dispose();
        }
    }
}
