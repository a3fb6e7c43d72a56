package org.habarshy.desktop.gui.view;

import java.awt.BasicStroke;
import java.awt.BorderLayout;
import java.awt.Font;
import java.util.Optional;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextArea;
import org.habarshy.desktop.gui.i18n.Texts;
import org.habarshy.desktop.gui.model.AppModel;

/**
 * The contact's draft as they type it (real-time text), between the messages and the compose field. It looks
 * unlike a message on purpose: a pen mark and "is typing", italic text, a dashed border in the accent colour; it is
 * not a sent message and may still change or vanish. Hidden when there is no draft.
 */
final class PeerDraftView extends JPanel {
    private static final long serialVersionUID = 1L;

    private final transient Texts texts;
    private final transient AppModel model;
    private final JLabel heading = new JLabel();
    private final JTextArea draft = new JTextArea(1, 30);

    PeerDraftView(Controls controls, AppModel model, Themes.Palette palette) {
        super(new BorderLayout(0, 2));
        this.texts = controls.texts();
        this.model = model;
        setName("rtt.peerDraft");
        heading.setForeground(palette.secondaryText());
        draft.setName("rtt.peerDraft.text");
        draft.setEditable(false);
        draft.setLineWrap(true);
        draft.setWrapStyleWord(true);
        draft.setOpaque(false);
        draft.setFocusable(true);
        draft.setForeground(palette.incomingText());
        draft.setBorder(BorderFactory.createCompoundBorder(
                BorderFactory.createStrokeBorder(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                        10f, new float[] {6f, 4f}, 0f), palette.accent()),
                BorderFactory.createEmptyBorder(6, 10, 6, 10)));
        setBorder(BorderFactory.createEmptyBorder(4, 12, 0, 12));
        add(heading, BorderLayout.NORTH);
        add(draft, BorderLayout.CENTER);
        refresh();
    }

    /** Shows the open conversation's contact's draft, or hides. */
    void refresh() {
        Optional<String> text = model.peerDraft();
        String alias = model.selectedAlias().orElse("");
        setVisible(text.isPresent());
        if (text.isEmpty()) {
            return;
        }
        Font font = getFont();
        draft.setFont(font.deriveFont(Font.ITALIC));
        heading.setFont(font.deriveFont(font.getSize2D() * 0.9f));
        heading.setText("\u270E " + texts.format("rtt.typing", alias));
        if (!draft.getText().equals(text.get())) {
            draft.setText(text.get());
        }
        draft.getAccessibleContext().setAccessibleName(texts.format("rtt.peerDraft", alias));
        getAccessibleContext().setAccessibleName(texts.format("rtt.peerDraft", alias));
        revalidate();
    }
}
