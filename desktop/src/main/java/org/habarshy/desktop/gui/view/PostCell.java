package org.habarshy.desktop.gui.view;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.Font;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JTextArea;
import javax.swing.ListCellRenderer;
import org.habarshy.core.channel.ChannelPost;
import org.habarshy.core.channel.Severity;
import org.habarshy.desktop.gui.i18n.Texts;

/**
 * Draws one channel post: a stripe in the severity's colour, its icon (shape) and word, the time, then the text in
 * the list's own colours so that it stays readable in every theme. Urgent posts get a thick stripe and bold text.
 */
final class PostCell extends JPanel implements ListCellRenderer<ChannelPost> {
    private static final long serialVersionUID = 1L;

    private final transient Texts texts;
    private final transient SeverityStyle style;
    private final transient Themes.Palette palette;
    private final DateTimeFormatter time;
    private final JLabel heading = new JLabel();
    private final JTextArea text = new JTextArea();

    PostCell(Texts texts, SeverityStyle style, Themes.Palette palette) {
        super(new BorderLayout(0, 4));
        this.texts = texts;
        this.style = style;
        this.palette = palette;
        this.time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(texts.locale())
                .withZone(ZoneId.systemDefault());
        text.setLineWrap(true);
        text.setWrapStyleWord(true);
        text.setOpaque(false);
        text.setEditable(false);
        heading.setIconTextGap(8);
        add(heading, BorderLayout.NORTH);
        add(text, BorderLayout.CENTER);
    }

    @Override
    public Component getListCellRendererComponent(JList<? extends ChannelPost> list, ChannelPost post, int index,
                                                  boolean selected, boolean focused) {
        Font font = list.getFont();
        Severity severity = post.severity();
        boolean urgent = severity == Severity.URGENT;
        heading.setFont(font.deriveFont(Font.BOLD));
        heading.setIcon(style.icon(severity, Math.round(font.getSize2D() * 1.4f)));
        String when = time.format(Instant.ofEpochMilli(post.createdAt()));
        String word = style.word(severity);
        heading.setText(word.toUpperCase(texts.locale()) + "  ·  " + when + (post.read() ? ""
                : "  ·  " + texts.text("channel.new")));
        text.setFont(urgent ? font.deriveFont(Font.BOLD) : font);
        text.setText(post.text());
        setBackground(selected ? list.getSelectionBackground() : list.getBackground());
        heading.setForeground(selected ? list.getSelectionForeground() : list.getForeground());
        text.setForeground(selected ? list.getSelectionForeground() : list.getForeground());
        int stripe = urgent ? 10 : 5;
        setBorder(BorderFactory.createCompoundBorder(
                BorderFactory.createMatteBorder(0, 0, 1, 0, palette.bubbleBorder()),
                BorderFactory.createCompoundBorder(
                        BorderFactory.createMatteBorder(focused ? 2 : 0, stripe, focused ? 2 : 0, 0,
                                style.color(severity)),
                        BorderFactory.createEmptyBorder(8, 12, 8, 12))));
        int width = list.getParent() instanceof javax.swing.JViewport viewport ? viewport.getWidth() : list.getWidth();
        int textWidth = Math.max(120, (width > 0 ? width : 600) - stripe - 40);
        text.setSize(new Dimension(textWidth, Short.MAX_VALUE));
        int height = heading.getPreferredSize().height + 4 + text.getPreferredSize().height + 20;
        setPreferredSize(new Dimension(Math.max(width, 200), height));
        getAccessibleContext().setAccessibleName(texts.format("channel.accessiblePost", word, when, post.text()));
        return this;
    }
}
