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
import org.habarshy.desktop.gui.i18n.Texts;
import org.habarshy.desktop.gui.model.ContactSummary;

/** Draws one contact: alias, newest message, unread badge. Its accessible name says all three. */
final class ContactCell extends JPanel implements ListCellRenderer<ContactSummary> {
    private static final long serialVersionUID = 1L;

    private final transient Texts texts;
    private final transient Themes.Palette palette;
    private final JLabel alias = new JLabel();
    private final JLabel preview = new JLabel();
    private final JLabel badge = new JLabel();

    ContactCell(Texts texts, Themes.Palette palette) {
        super(new BorderLayout(8, 2));
        this.texts = texts;
        this.palette = palette;
        setBorder(BorderFactory.createEmptyBorder(8, 12, 8, 12));
        JPanel lines = new JPanel(new BorderLayout(0, 2));
        lines.setOpaque(false);
        lines.add(alias, BorderLayout.NORTH);
        lines.add(preview, BorderLayout.SOUTH);
        add(lines, BorderLayout.CENTER);
        badge.setOpaque(true);
        badge.setHorizontalAlignment(JLabel.CENTER);
        badge.setBorder(BorderFactory.createEmptyBorder(2, 8, 2, 8));
        add(badge, BorderLayout.EAST);
    }

    @Override
    public Component getListCellRendererComponent(JList<? extends ContactSummary> list, ContactSummary value,
                                                  int index, boolean selected, boolean focused) {
        Font font = list.getFont();
        alias.setFont(font.deriveFont(Font.BOLD));
        preview.setFont(font.deriveFont(font.getSize2D() * 0.9f));
        alias.setText(value.alias());
        String last = value.lastText().isEmpty() ? texts.text("contacts.noMessages")
                : value.lastText().lines().findFirst().orElse("");
        preview.setText(last);
        setBackground(selected ? list.getSelectionBackground() : list.getBackground());
        alias.setForeground(selected ? list.getSelectionForeground() : list.getForeground());
        preview.setForeground(selected ? list.getSelectionForeground() : palette.secondaryText());
        badge.setVisible(value.unread() > 0);
        badge.setText(Integer.toString(value.unread()));
        badge.setBackground(selected ? list.getSelectionForeground() : palette.accent());
        badge.setForeground(selected ? list.getSelectionBackground() : palette.onAccent());
        badge.setFont(font.deriveFont(Font.BOLD));
        setBorder(BorderFactory.createCompoundBorder(
                focused ? BorderFactory.createLineBorder(UIManager.getColor("Component.focusColor"), 2)
                        : BorderFactory.createEmptyBorder(2, 2, 2, 2),
                BorderFactory.createEmptyBorder(6, 10, 6, 10)));
        getAccessibleContext().setAccessibleName(value.unread() > 0
                ? texts.format("contacts.accessibleUnread", value.alias(), value.unread(), last)
                : texts.format("contacts.accessible", value.alias(), last));
        return this;
    }
}
