package org.habarshy.desktop.gui.view;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Component;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Taskbar;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.Timer;

/**
 * Visual signals for new messages, for users who cannot hear alerts (and no sound at all): the window asks for
 * the user's attention (taskbar or dock, where the desktop supports it), the title shows the unread count, and,
 * when chosen in the settings, a thick border flashes around the window three times.
 */
final class AttentionSignal {
    private final JFrame frame;
    private final BorderFlash flash = new BorderFlash();
    private Timer timer;

    AttentionSignal(JFrame frame) {
        this.frame = frame;
    }

    /** Asks for attention if the window is not focused; flashes the border if {@code flashBorder}. */
    void signal(boolean flashBorder, Color color) {
        if (!frame.isFocused()) {
            if (Taskbar.isTaskbarSupported()
                    && Taskbar.getTaskbar().isSupported(Taskbar.Feature.USER_ATTENTION_WINDOW)) {
                Taskbar.getTaskbar().requestWindowUserAttention(frame);
            } else {
                frame.toFront();
            }
        }
        if (flashBorder) {
            flash(color);
        }
    }

    /** Shows the unread count in the window title (and so on the taskbar). */
    void title(String base, int unread) {
        frame.setTitle(unread > 0 ? "(" + unread + ") " + base : base);
    }

    private void flash(Color color) {
        if (timer != null) {
            timer.stop();
        }
        Component previous = frame.getGlassPane();
        flash.color = color;
        frame.setGlassPane(flash);
        int[] ticks = {0};
        timer = new Timer(250, e -> {
            ticks[0]++;
            flash.setVisible(ticks[0] % 2 == 1 && ticks[0] < 6);
            if (ticks[0] >= 6) {
                ((Timer) e.getSource()).stop();
                frame.setGlassPane(previous);
            }
        });
        flash.setVisible(true);
        timer.start();
    }

    /** A glass pane that draws only a thick border. */
    private static final class BorderFlash extends JComponent {
        private static final long serialVersionUID = 1L;
        private transient Color color = Color.ORANGE;

        @Override
        protected void paintComponent(Graphics g) {
            Graphics2D g2 = (Graphics2D) g.create();
            g2.setColor(color);
            g2.setStroke(new BasicStroke(12f));
            g2.drawRect(6, 6, getWidth() - 12, getHeight() - 12);
            g2.dispose();
        }
    }
}
