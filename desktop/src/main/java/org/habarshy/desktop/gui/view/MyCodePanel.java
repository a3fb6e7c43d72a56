package org.habarshy.desktop.gui.view;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.FlowLayout;
import java.awt.Toolkit;
import java.awt.datatransfer.StringSelection;
import javax.swing.BorderFactory;
import javax.swing.ImageIcon;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.Timer;
import org.habarshy.desktop.gui.model.AppModel;
import org.habarshy.desktop.gui.qr.QrCodes;

/** This user's QR code, contact code (with a copy button) and safety number. */
final class MyCodePanel extends JPanel {
    private static final long serialVersionUID = 1L;

    MyCodePanel(Controls controls, AppModel.Profile profile, int fontScalePercent) {
        super(new BorderLayout(24, 0));
        setBorder(BorderFactory.createEmptyBorder(20, 24, 20, 24));
        int qrSize = 240 * fontScalePercent / 100;
        JLabel qr = new JLabel(new ImageIcon(QrCodes.draw(profile.contactCode(), qrSize)));
        qr.setName("myCode.qr");
        qr.setBorder(BorderFactory.createLineBorder(Color.WHITE, 6));
        qr.getAccessibleContext().setAccessibleName(controls.texts().text("myCode.qr"));
        JPanel left = new JPanel(new BorderLayout());
        left.setOpaque(false);
        left.add(qr, BorderLayout.NORTH);

        JTextArea code = new JTextArea(profile.contactCode(), 4, 30);
        code.setName("myCode.code");
        code.setEditable(false);
        code.setLineWrap(true);
        code.putClientProperty("FlatLaf.styleClass", "monospaced");
        JLabel copied = new JLabel(" ");
        JButton copy = controls.button("myCode.copy", () -> { });
        copy.setName("myCode.copy");
        Timer clear = new Timer(4000, e -> copied.setText(" "));
        clear.setRepeats(false);
        copy.addActionListener(e -> {
            Toolkit.getDefaultToolkit().getSystemClipboard().setContents(new StringSelection(profile.contactCode()),
                    null);
            copied.setText(controls.texts().text("myCode.copied"));
            clear.restart();
        });
        JPanel copyRow = new JPanel(new FlowLayout(FlowLayout.LEFT, 0, 0));
        copyRow.setOpaque(false);
        copyRow.add(copy);
        copyRow.add(javax.swing.Box.createHorizontalStrut(12));
        copyRow.add(copied);
        JLabel safety = new JLabel(profile.safetyNumber());
        safety.setName("myCode.safety");
        safety.putClientProperty("FlatLaf.styleClass", "h3");
        JPanel right = new Forms()
                .add(controls.heading("myCode.title"), 0)
                .add(new JLabel(profile.name()), 8)
                .add(Forms.paragraph(controls.texts().text("myCode.intro"), 30), 12)
                .add(controls.labelFor("myCode.code", code), 16)
                .add(new JScrollPane(code), 4)
                .add(copyRow, 8)
                .add(controls.labelFor("myCode.safety", safety), 20)
                .add(safety, 4)
                .add(Forms.paragraph(controls.texts().text("myCode.safetyHint"), 30), 8)
                .done();
        add(left, BorderLayout.WEST);
        add(right, BorderLayout.CENTER);
    }
}
