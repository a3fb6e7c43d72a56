package org.habarshy.desktop.gui.view;

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
import org.habarshy.desktop.gui.model.BackgroundWork;
import org.habarshy.desktop.gui.model.ChannelsModel;
import org.habarshy.desktop.gui.model.UserError;
import org.habarshy.desktop.gui.qr.QrCodes;

/** Follows a channel from a pasted channel code or a QR image file, under an optional name of the user's own. */
final class SubscribeChannelDialog extends JDialog {
    private static final long serialVersionUID = 1L;

    private final transient Controls controls;
    private final transient ChannelsModel model;
    private final transient BackgroundWork work;
    private final JTextArea code = new JTextArea(4, 34);
    private final JTextField alias = new JTextField(20);
    private final JLabel error;
    private final JButton subscribe;

    SubscribeChannelDialog(Window owner, Controls controls, ChannelsModel model, BackgroundWork work,
                           Themes.Palette palette) {
        super(owner, controls.texts().text("channel.subscribe.title"), ModalityType.DOCUMENT_MODAL);
        setName("channel.subscribe.dialog");
        this.controls = controls;
        this.model = model;
        this.work = work;
        this.error = Forms.errorLabel(palette.danger());
        code.setName("channel.subscribe.code");
        code.setLineWrap(true);
        code.putClientProperty("FlatLaf.styleClass", "monospaced");
        code.setFocusTraversalKeys(java.awt.KeyboardFocusManager.FORWARD_TRAVERSAL_KEYS, null);
        code.setFocusTraversalKeys(java.awt.KeyboardFocusManager.BACKWARD_TRAVERSAL_KEYS, null);
        alias.setName("channel.subscribe.alias");
        JButton load = controls.button("channel.subscribe.loadQr", this::chooseQrFile);
        load.setName("channel.subscribe.loadQr");
        subscribe = controls.button("channel.subscribe.ok", this::subscribe);
        subscribe.setName("channel.subscribe.ok");
        JButton cancel = controls.button("common.cancel", this::dispose);
        JPanel loadRow = new JPanel(new FlowLayout(FlowLayout.LEFT, 0, 0));
        loadRow.setOpaque(false);
        loadRow.add(load);
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT, 8, 0));
        buttons.setOpaque(false);
        buttons.add(cancel);
        buttons.add(subscribe);
        JPanel form = new Forms()
                .add(Forms.paragraph(controls.texts().text("channel.subscribe.intro"), 30), 0)
                .add(controls.labelFor("channel.subscribe.code", code), 16)
                .add(new JScrollPane(code), 4)
                .add(loadRow, 8)
                .add(controls.labelFor("channel.subscribe.alias", alias), 16)
                .add(alias, 4)
                .add(error, 12)
                .add(buttons, 12)
                .done();
        form.setBorder(BorderFactory.createEmptyBorder(16, 20, 16, 20));
        setContentPane(form);
        getRootPane().setDefaultButton(subscribe);
        getRootPane().registerKeyboardAction(e -> dispose(), KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0),
                JComponent.WHEN_IN_FOCUSED_WINDOW);
        pack();
        setLocationRelativeTo(owner);
    }

    private void chooseQrFile() {
        JFileChooser chooser = new JFileChooser();
        chooser.setDialogTitle(controls.texts().text("channel.subscribe.loadQr"));
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

    private void subscribe() {
        subscribe.setEnabled(false);
        model.subscribe(code.getText(), alias.getText(), this::finished);
    }

    private void finished(Optional<UserError> failure) {
        subscribe.setEnabled(true);
        if (failure.isPresent()) {
            error.setText(Errors.text(controls.texts(), failure.get()));
        } else {
            dispose();
        }
    }
}
