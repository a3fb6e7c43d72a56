package org.habarshy.desktop.gui.view;

import java.awt.Color;
import java.awt.FlowLayout;
import java.awt.Toolkit;
import java.awt.Window;
import java.awt.datatransfer.StringSelection;
import java.awt.event.KeyEvent;
import javax.swing.BorderFactory;
import javax.swing.ImageIcon;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.KeyStroke;
import org.habarshy.desktop.gui.qr.QrCodes;

/** Shows a channel code as a QR image and as text with a copy button, to share it with future subscribers. */
final class ChannelCodeDialog extends JDialog {
    private static final long serialVersionUID = 1L;

    ChannelCodeDialog(Window owner, Controls controls, String channel, String code, boolean justCreated,
                      int fontScalePercent) {
        super(owner, controls.texts().format("channel.code.title", channel), ModalityType.DOCUMENT_MODAL);
        setName("channel.code.dialog");
        JLabel qr = new JLabel(new ImageIcon(QrCodes.draw(code, 220 * fontScalePercent / 100)));
        qr.setName("channel.code.qr");
        qr.setBorder(BorderFactory.createLineBorder(Color.WHITE, 6));
        qr.getAccessibleContext().setAccessibleName(controls.texts().text("channel.code.qr"));
        JTextArea text = new JTextArea(code, 4, 34);
        text.setName("channel.code.text");
        text.setEditable(false);
        text.setLineWrap(true);
        text.putClientProperty("FlatLaf.styleClass", "monospaced");
        JLabel copied = new JLabel(" ");
        JButton copy = controls.button("channel.code.copy", () -> {
            Toolkit.getDefaultToolkit().getSystemClipboard().setContents(new StringSelection(code), null);
            copied.setText(controls.texts().text("myCode.copied"));
        });
        copy.setName("channel.code.copy");
        JButton close = controls.button("common.close", this::dispose);
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT, 8, 0));
        buttons.setOpaque(false);
        buttons.add(copied);
        buttons.add(copy);
        buttons.add(close);
        Forms form = new Forms()
                .add(Forms.paragraph(controls.texts().text("channel.code.intro"), 30), 0)
                .add(qr, 12)
                .add(controls.labelFor("channel.code.text", text), 12)
                .add(new JScrollPane(text), 4);
        if (justCreated) {
            form.add(Forms.paragraph(controls.texts().text("channel.create.keyStays"), 30), 12);
        }
        JPanel content = form.add(buttons, 12).done();
        content.setBorder(BorderFactory.createEmptyBorder(16, 20, 16, 20));
        setContentPane(content);
        getRootPane().setDefaultButton(close);
        getRootPane().registerKeyboardAction(e -> dispose(), KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0),
                JComponent.WHEN_IN_FOCUSED_WINDOW);
        pack();
        setLocationRelativeTo(owner);
    }
}
