package org.habarshy.desktop.gui.view;

import java.awt.BorderLayout;
import java.util.function.Supplier;
import javax.swing.JComponent;
import javax.swing.JPanel;

/** A tab whose contents are built the first time it is shown. */
final class LazyTab extends JPanel {
    private static final long serialVersionUID = 1L;

    private transient Supplier<JComponent> contents;

    LazyTab(Supplier<JComponent> contents) {
        super(new BorderLayout());
        this.contents = contents;
    }

    /** Builds the contents if not yet built. */
    void build() {
        if (contents != null) {
            add(contents.get());
            contents = null;
            revalidate();
            repaint();
        }
    }
}
