package org.habarshy.desktop.gui.view;

import java.awt.Color;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.UIManager;

/** A vertical form: rows of label above field, full width, in a grid-bag panel. */
final class Forms {
    private final JPanel panel = new JPanel(new GridBagLayout());
    private int row;

    Forms() {
        panel.setOpaque(false);
    }

    /** Adds a component spanning the width. */
    Forms add(JComponent component) {
        return add(component, 8);
    }

    /** Adds a component spanning the width with {@code gapAbove} pixels above. */
    Forms add(JComponent component, int gapAbove) {
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = 0;
        c.gridy = row++;
        c.weightx = 1;
        c.fill = GridBagConstraints.HORIZONTAL;
        c.anchor = GridBagConstraints.WEST;
        c.insets = new Insets(gapAbove, 0, 0, 0);
        panel.add(component, c);
        return this;
    }

    /** Adds vertical glue so rows stay at the top. */
    JPanel done() {
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = 0;
        c.gridy = row++;
        c.weighty = 1;
        panel.add(new JLabel(), c);
        return panel;
    }

    /** A wrapping paragraph about {@code ems} font sizes wide (HTML, so its height follows the wrapping). */
    static JLabel paragraph(String text, int ems) {
        int width = Math.round(UIManager.getFont("Label.font").getSize2D() * ems);
        JLabel label = new JLabel("<html><body style='width: " + width + "px'>" + escape(text) + "</body></html>");
        label.getAccessibleContext().setAccessibleName(text);
        return label;
    }

    /** A paragraph 34 font sizes wide. */
    static JLabel paragraph(String text) {
        return paragraph(text, 34);
    }

    /** Escapes text for an HTML label; line breaks become {@code <br>}. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>");
    }

    /** A label for error messages, empty until set. */
    static JLabel errorLabel(Color color) {
        JLabel label = new JLabel(" ");
        label.setForeground(color);
        return label;
    }
}
