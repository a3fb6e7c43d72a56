package org.habarshy.desktop.gui.view;

import java.awt.GridBagLayout;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JPanel;
import org.habarshy.desktop.gui.model.AppModel;

/** After a panic wipe: says what happened and offers to start again. */
final class WipedPanel extends JPanel {
    private static final long serialVersionUID = 1L;

    WipedPanel(Controls controls, AppModel model) {
        super(new GridBagLayout());
        JButton again = controls.button("wiped.again", model::startAgain);
        again.setName("wiped.again");
        JPanel card = new Forms()
                .add(controls.heading("wiped.title"), 0)
                .add(Forms.paragraph(controls.texts().text("wiped.intro")), 12)
                .add(again, 16)
                .done();
        card.setBorder(BorderFactory.createEmptyBorder(24, 32, 24, 32));
        add(card);
    }
}
