package org.habarshy.desktop.gui.view;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Font;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.ListCellRenderer;
import javax.swing.UIManager;
import org.habarshy.core.channel.ChannelInfo;
import org.habarshy.desktop.gui.i18n.Texts;

/** Draws one channel: name, public or private and whether this device can post, unread badge; all in its name. */
final class ChannelCell extends JPanel implements ListCellRenderer<ChannelInfo> {
    private static final long serialVersionUID = 1L;

    private final transient Texts texts;
    private final transient Themes.Palette palette;
    private final JLabel name = new JLabel();
    private final JLabel kind = new JLabel();
    private final JLabel badge = new JLabel();

    ChannelCell(Texts texts, Themes.Palette palette) {
        super(new BorderLayout(8, 2));
        this.texts = texts;
        this.palette = palette;
        JPanel lines = new JPanel(new BorderLayout(0, 2));
        lines.setOpaque(false);
        lines.add(name, BorderLayout.NORTH);
        lines.add(kind, BorderLayout.SOUTH);
        add(lines, BorderLayout.CENTER);
        badge.setOpaque(true);
        badge.setHorizontalAlignment(JLabel.CENTER);
        badge.setBorder(BorderFactory.createEmptyBorder(2, 8, 2, 8));
        add(badge, BorderLayout.EAST);
    }

    @Override
    public Component getListCellRendererComponent(JList<? extends ChannelInfo> list, ChannelInfo value, int index,
                                                  boolean selected, boolean focused) {
        Font font = list.getFont();
        name.setFont(font.deriveFont(Font.BOLD));
        kind.setFont(font.deriveFont(font.getSize2D() * 0.9f));
        name.setText(value.name());
        String description = texts.text(value.isPrivate() ? "channel.kind.private" : "channel.kind.public") + " · "
                + texts.text(value.canPost() ? "channel.canPost" : "channel.readOnly");
        kind.setText(description);
        setBackground(selected ? list.getSelectionBackground() : list.getBackground());
        name.setForeground(selected ? list.getSelectionForeground() : list.getForeground());
        kind.setForeground(selected ? list.getSelectionForeground() : palette.secondaryText());
        badge.setVisible(value.unread() > 0);
        badge.setText(Integer.toString(value.unread()));
        badge.setBackground(selected ? list.getSelectionForeground() : palette.accent());
        badge.setForeground(selected ? list.getSelectionBackground() : palette.onAccent());
        badge.setFont(font.deriveFont(Font.BOLD));
        setBorder(BorderFactory.createCompoundBorder(
                focused ? BorderFactory.createLineBorder(UIManager.getColor("Component.focusColor"), 2)
                        : BorderFactory.createEmptyBorder(2, 2, 2, 2),
                BorderFactory.createEmptyBorder(6, 10, 6, 10)));
        getAccessibleContext().setAccessibleName(texts.format("channel.accessibleChannel", value.name(), description,
                value.unread()));
        return this;
    }
}
