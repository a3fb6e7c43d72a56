package org.habarshy.desktop.gui.view;

import java.awt.BasicStroke;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
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
import javax.swing.UIManager;
import org.habarshy.desktop.gui.i18n.Texts;
import org.habarshy.desktop.gui.model.MessageRow;

/**
 * Draws one message as a bubble: right-aligned for this user's messages with their state, left-aligned for received
 * ones. The text wraps at about 70 % of the list's width; heights are computed for the current width.
 */
final class MessageCell extends JPanel implements ListCellRenderer<MessageRow> {
    private static final long serialVersionUID = 1L;
    private static final int PAD = 10;

    private final transient Texts texts;
    private final transient Themes.Palette palette;
    private final DateTimeFormatter time;
    private final Bubble bubble = new Bubble();
    private final JTextArea text = new JTextArea();
    private final JLabel meta = new JLabel();
    private boolean outgoing;
    private boolean focused;
    /** The state line split in two (time and state, then "carried by N"), for bubbles too narrow for one. */
    private String metaLines;

    MessageCell(Texts texts, Themes.Palette palette) {
        super(null);
        this.texts = texts;
        this.palette = palette;
        this.time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(texts.locale())
                .withZone(ZoneId.systemDefault());
        setOpaque(true);
        text.setLineWrap(true);
        text.setWrapStyleWord(true);
        text.setOpaque(false);
        text.setEditable(false);
        text.setBorder(BorderFactory.createEmptyBorder());
        bubble.setLayout(new BorderLayout(0, 4));
        bubble.setOpaque(false);
        bubble.setBorder(BorderFactory.createEmptyBorder(PAD, PAD + 2, PAD, PAD + 2));
        bubble.add(text, BorderLayout.CENTER);
        bubble.add(meta, BorderLayout.SOUTH);
        add(bubble);
    }

    @Override
    public Component getListCellRendererComponent(JList<? extends MessageRow> list, MessageRow row, int index,
                                                  boolean selected, boolean hasFocus) {
        outgoing = row.outgoing();
        focused = hasFocus;
        Font font = list.getFont();
        text.setFont(font);
        meta.setFont(font.deriveFont(font.getSize2D() * 0.85f));
        text.setText(row.message().text());
        String when = time.format(Instant.ofEpochMilli(row.message().sentAt()));
        String stateText = texts.text(row.stateKey()) + carried(row);
        String state = outgoing ? "  " + stateMark(row.message().state()) + " " + stateText : "";
        meta.setText(when + state);
        metaLines = outgoing && row.message().carriedBy() > 0
                ? "<html>" + Forms.escape(when + "  " + stateMark(row.message().state()) + " "
                        + texts.text(row.stateKey())) + "<br>" + Forms.escape(texts.format("state.carriedBy",
                        row.message().carriedBy())) + "</html>"
                : null;
        meta.setHorizontalAlignment(outgoing ? JLabel.RIGHT : JLabel.LEFT);
        Color fg = outgoing ? palette.outgoingText() : palette.incomingText();
        text.setForeground(fg);
        meta.setForeground(palette.secondaryText());
        setBackground(list.getBackground());
        int width = list.getParent() instanceof javax.swing.JViewport viewport ? viewport.getWidth() : list.getWidth();
        layoutFor(width > 0 ? width : 600, font);
        getAccessibleContext().setAccessibleName(texts.format(outgoing ? "conversation.accessibleOut"
                : "conversation.accessibleIn", row.message().text(), when, outgoing ? stateText : ""));
        return this;
    }

    /** " · carried by N" for an outgoing message that N link sessions took or hold, else nothing. */
    private String carried(MessageRow row) {
        int n = row.message().carriedBy();
        return row.outgoing() && n > 0 ? " \u00B7 " + texts.format("state.carriedBy", n) : "";
    }

    /** A mark that tells the states apart without colour: ○ queued, ✓ passed to a peer, ✓✓ delivered, ◉ read. */
    static String stateMark(org.habarshy.core.api.message.MessageState state) {
        switch (state) {
            case QUEUED:
                return "\u25CB";
            case SENT_TO_PEER:
                return "\u2713";
            case READ:
                return "\u25C9";
            default:
                return "\u2713\u2713";
        }
    }

    private void layoutFor(int listWidth, Font font) {
        int maxText = Math.max(120, (int) (listWidth * 0.7) - 2 * PAD - 8);
        FontMetrics fm = getFontMetrics(font);
        int longest = 0;
        for (String line : text.getText().split("\n", -1)) {
            longest = Math.max(longest, fm.stringWidth(line));
        }
        if (metaLines != null && meta.getPreferredSize().width > maxText) {
            meta.setText(metaLines);
        }
        int metaWidth = meta.getPreferredSize().width;
        int textWidth = Math.min(maxText, Math.max(longest + 4, metaWidth));
        text.setSize(new Dimension(textWidth, Short.MAX_VALUE));
        int textHeight = text.getPreferredSize().height;
        int bubbleWidth = textWidth + 2 * PAD + 4;
        int bubbleHeight = textHeight + 4 + meta.getPreferredSize().height + 2 * PAD;
        int x = outgoing ? listWidth - bubbleWidth - 16 : 12;
        bubble.setBounds(x, 5, bubbleWidth, bubbleHeight);
        bubble.doLayout();
        setPreferredSize(new Dimension(listWidth, bubbleHeight + 10));
        setSize(listWidth, bubbleHeight + 10);
    }

    /** The rounded background of a message. */
    private final class Bubble extends JPanel {
        private static final long serialVersionUID = 1L;

        @Override
        protected void paintComponent(Graphics g) {
            Graphics2D g2 = (Graphics2D) g.create();
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setColor(outgoing ? palette.outgoingBubble() : palette.incomingBubble());
            g2.fillRoundRect(0, 0, getWidth() - 1, getHeight() - 1, 18, 18);
            g2.setColor(focused ? UIManager.getColor("Component.focusColor") : palette.bubbleBorder());
            g2.setStroke(new BasicStroke(focused ? 3f : 1f));
            g2.drawRoundRect(1, 1, getWidth() - 3, getHeight() - 3, 18, 18);
            g2.dispose();
        }
    }
}
