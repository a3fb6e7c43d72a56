package org.habarshy.desktop.gui.view;

import java.awt.BasicStroke;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.util.List;
import javax.swing.JComponent;
import javax.swing.UIManager;
import org.habarshy.core.transport.LinkStatus;
import org.habarshy.desktop.gui.i18n.Texts;
import org.habarshy.desktop.gui.model.NetworkSummary;

/**
 * A live picture of the mesh around this node: this node in the middle, each linked peer on a circle around it, the
 * line thicker the more envelopes crossed it, green when in sync and amber while syncing.
 */
final class MeshPicture extends JComponent {
    private static final long serialVersionUID = 1L;

    private final transient Texts texts;
    private final transient Themes.Palette palette;
    private transient NetworkSummary summary;

    MeshPicture(Texts texts, Themes.Palette palette, NetworkSummary summary) {
        this.texts = texts;
        this.palette = palette;
        this.summary = summary;
        setPreferredSize(new Dimension(360, 300));
        setFocusable(true);
        describe();
    }

    @Override
    public javax.accessibility.AccessibleContext getAccessibleContext() {
        if (accessibleContext == null) {
            accessibleContext = new AccessibleJComponent() {
                private static final long serialVersionUID = 1L;

                @Override
                public javax.accessibility.AccessibleRole getAccessibleRole() {
                    return javax.accessibility.AccessibleRole.CANVAS;
                }
            };
        }
        return accessibleContext;
    }

    void show(NetworkSummary fresh) {
        summary = fresh;
        describe();
        repaint();
    }

    private void describe() {
        getAccessibleContext().setAccessibleName(texts.format("network.picture", summary.links().size(),
                summary.syncing()));
    }

    @Override
    protected void paintComponent(Graphics g) {
        Graphics2D g2 = (Graphics2D) g.create();
        g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        Font font = UIManager.getFont("Label.font");
        g2.setFont(font);
        FontMetrics fm = g2.getFontMetrics();
        int w = getWidth();
        int h = getHeight();
        int cx = w / 2;
        int cy = h / 2;
        int node = Math.max(44, fm.getHeight() * 2);
        int radius = Math.max(node, Math.min(w, h) / 2 - node);
        List<LinkStatus> links = summary.links();
        if (links.isEmpty()) {
            g2.setColor(palette.secondaryText());
            g2.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 8f},
                    0f));
            g2.drawOval(cx - radius, cy - radius, 2 * radius, 2 * radius);
            String none = texts.text(summary.running() ? "network.nobody" : "network.notRunning");
            g2.drawString(none, cx - fm.stringWidth(none) / 2, cy + radius + fm.getAscent() + 6 > h
                    ? h - fm.getDescent() - 2 : cy + radius + fm.getAscent() + 6);
        }
        for (int i = 0; i < links.size(); i++) {
            LinkStatus link = links.get(i);
            double angle = -Math.PI / 2 + 2 * Math.PI * i / links.size();
            int px = cx + (int) (radius * Math.cos(angle));
            int py = cy + (int) (radius * Math.sin(angle));
            long moved = link.received() + link.sent();
            float thickness = 2f + (float) Math.min(8, Math.log10(1 + moved) * 2);
            g2.setColor(link.syncing() ? palette.busy() : palette.good());
            g2.setStroke(new BasicStroke(thickness, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g2.drawLine(cx, cy, px, py);
            drawNode(g2, fm, px, py, node * 3 / 4, link.label(), link.syncing() ? palette.busy() : palette.good());
        }
        drawNode(g2, fm, cx, cy, node, texts.text("network.you"), null);
        g2.dispose();
    }

    /** Draws a node: this one ({@code peerColour} null) in the accent colour with its label inside. */
    private void drawNode(Graphics2D g2, FontMetrics fm, int x, int y, int size, String label,
                          java.awt.Color peerColour) {
        boolean self = peerColour == null;
        g2.setColor(self ? palette.accent() : peerColour);
        g2.fillOval(x - size / 2, y - size / 2, size, size);
        g2.setColor(self ? palette.onAccent() : getForeground());
        g2.setStroke(new BasicStroke(2f));
        g2.drawOval(x - size / 2, y - size / 2, size, size);
        String text = label.length() > 8 ? label.substring(0, 8) : label;
        if (self) {
            g2.drawString(text, x - fm.stringWidth(text) / 2, y + fm.getAscent() / 2 - 2);
        } else {
            int width = fm.stringWidth(text);
            int top = y + size / 2 + 3;
            // A background behind the label keeps it readable over the link lines.
            g2.setColor(UIManager.getColor("Panel.background"));
            g2.fillRoundRect(x - width / 2 - 4, top, width + 8, fm.getHeight(), 6, 6);
            g2.setColor(UIManager.getColor("Label.foreground"));
            g2.drawString(text, x - width / 2, top + fm.getAscent());
        }
    }
}
