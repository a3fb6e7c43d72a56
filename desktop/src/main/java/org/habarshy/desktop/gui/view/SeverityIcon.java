package org.habarshy.desktop.gui.view;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Component;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import javax.swing.Icon;
import org.habarshy.core.channel.Severity;

/**
 * The shape of a severity, so that it never depends on colour alone: a circle with "i" (info), a triangle with "!"
 * (warning), an octagon with "!!" (urgent). Drawn with shapes, not font glyphs, so it looks the same everywhere and
 * scales with the font size.
 */
final class SeverityIcon implements Icon {
    private final Severity severity;
    private final Color fill;
    private final Color mark;
    private final int size;

    SeverityIcon(Severity severity, Color fill, Color mark, int size) {
        this.severity = severity;
        this.fill = fill;
        this.mark = mark;
        this.size = size;
    }

    @Override
    public void paintIcon(Component c, Graphics g, int x, int y) {
        Graphics2D g2 = (Graphics2D) g.create();
        g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g2.translate(x, y);
        int s = size;
        g2.setColor(fill);
        switch (severity) {
            case INFO -> g2.fillOval(0, 0, s, s);
            case WARNING -> g2.fillPolygon(new Polygon(new int[] {s / 2, s, 0}, new int[] {0, s, s}, 3));
            case URGENT -> g2.fillPolygon(octagon(s));
        }
        g2.setColor(mark);
        g2.setStroke(new BasicStroke(Math.max(2f, s / 8f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        int dot = Math.max(2, s / 8);
        switch (severity) {
            case INFO -> {
                g2.fillOval(s / 2 - dot / 2, s / 5, dot, dot);
                g2.drawLine(s / 2, s * 2 / 5 + 1, s / 2, s * 4 / 5);
            }
            case WARNING -> {
                g2.drawLine(s / 2, s * 3 / 8, s / 2, s * 5 / 8);
                g2.fillOval(s / 2 - dot / 2, s * 3 / 4, dot, dot);
            }
            case URGENT -> {
                for (int dx : new int[] {s * 3 / 8, s * 5 / 8}) {
                    g2.drawLine(dx, s / 4, dx, s * 9 / 16);
                    g2.fillOval(dx - dot / 2, s * 11 / 16, dot, dot);
                }
            }
        }
        g2.dispose();
    }

    private static Polygon octagon(int s) {
        int a = s * 3 / 10;
        return new Polygon(new int[] {a, s - a, s, s, s - a, a, 0, 0}, new int[] {0, 0, a, s - a, s, s, s - a, a}, 8);
    }

    @Override
    public int getIconWidth() {
        return size;
    }

    @Override
    public int getIconHeight() {
        return size;
    }
}
