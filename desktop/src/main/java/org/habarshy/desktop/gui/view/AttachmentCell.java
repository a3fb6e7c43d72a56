package org.habarshy.desktop.gui.view;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.image.BufferedImage;
import java.util.Map;
import javax.swing.BorderFactory;
import javax.swing.ImageIcon;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.ListCellRenderer;
import org.habarshy.core.api.attachment.FileId;
import org.habarshy.desktop.gui.i18n.Texts;
import org.habarshy.desktop.gui.model.AttachmentRow;

/**
 * Draws one file: a thumbnail for a received photo, its name (never interpreted as HTML), size and state, and a
 * progress bar whose percentage is also written as text and in the accessible name for screen readers.
 */
final class AttachmentCell extends JPanel implements ListCellRenderer<AttachmentRow> {
    private static final long serialVersionUID = 1L;

    private final transient Texts texts;
    private final transient Themes.Palette palette;
    private final transient Map<FileId, BufferedImage> thumbnails;
    private final JLabel icon = new JLabel();
    private final JLabel name = new JLabel();
    private final JLabel detail = new JLabel();
    private final JProgressBar progress = new JProgressBar(0, 100);

    AttachmentCell(Texts texts, Themes.Palette palette, Map<FileId, BufferedImage> thumbnails) {
        super(new BorderLayout(8, 2));
        this.texts = texts;
        this.palette = palette;
        this.thumbnails = thumbnails;
        setBorder(BorderFactory.createEmptyBorder(4, 8, 4, 8));
        name.putClientProperty("html.disable", Boolean.TRUE);
        detail.putClientProperty("html.disable", Boolean.TRUE);
        progress.setStringPainted(true);
        JPanel text = new JPanel(new BorderLayout(0, 2));
        text.setOpaque(false);
        text.add(name, BorderLayout.NORTH);
        text.add(detail, BorderLayout.CENTER);
        text.add(progress, BorderLayout.SOUTH);
        add(icon, BorderLayout.WEST);
        add(text, BorderLayout.CENTER);
    }

    @Override
    public Component getListCellRendererComponent(JList<? extends AttachmentRow> list, AttachmentRow row, int index,
                                                  boolean selected, boolean focused) {
        BufferedImage thumb = thumbnails.get(row.file().id());
        icon.setIcon(thumb == null ? null : new ImageIcon(thumb));
        icon.setVisible(thumb != null);
        name.setText((row.outgoing() ? "↑ " : "↓ ") + row.file().name());
        String state = texts.text(row.stateKey());
        if (row.carriedBy() > 0) {
            state = state + " · " + texts.format("file.carriedBy", row.carriedBy());
        }
        detail.setText(row.sizeText() + " · " + state);
        progress.setValue(row.percent());
        progress.setString(texts.format("file.percent", row.percent()));
        setBackground(selected ? list.getSelectionBackground() : list.getBackground());
        name.setForeground(selected ? list.getSelectionForeground() : list.getForeground());
        detail.setForeground(selected ? list.getSelectionForeground() : palette.secondaryText());
        setOpaque(true);
        getAccessibleContext().setAccessibleName(texts.format(row.outgoing() ? "file.accessibleOut"
                : "file.accessibleIn", row.file().name(), row.sizeText(), state, row.percent()));
        return this;
    }
}
