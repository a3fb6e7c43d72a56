package org.habarshy.desktop.gui.view;

import java.awt.FlowLayout;
import java.awt.Window;
import java.awt.event.KeyEvent;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import org.habarshy.desktop.gui.model.ChannelsModel;

/** Creates a channel (public or private); then shows its code to share. The posting key stays on this device. */
final class CreateChannelDialog extends JDialog {
    private static final long serialVersionUID = 1L;

    private final transient Controls controls;
    private final transient ChannelsModel model;
    private final JTextField name = new JTextField(24);
    private final JCheckBox isPrivate = new JCheckBox();
    private final JLabel error;
    private final JButton create;
    private final int fontScalePercent;

    CreateChannelDialog(Window owner, Controls controls, ChannelsModel model, Themes.Palette palette,
                        int fontScalePercent) {
        super(owner, controls.texts().text("channel.create.title"), ModalityType.DOCUMENT_MODAL);
        setName("channel.create.dialog");
        this.controls = controls;
        this.model = model;
        this.fontScalePercent = fontScalePercent;
        this.error = Forms.errorLabel(palette.danger());
        name.setName("channel.create.name");
        isPrivate.setName("channel.create.private");
        controls.label(isPrivate, "channel.create.private");
        create = controls.button("channel.create.ok", this::create);
        create.setName("channel.create.ok");
        JButton cancel = controls.button("common.cancel", this::dispose);
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT, 8, 0));
        buttons.setOpaque(false);
        buttons.add(cancel);
        buttons.add(create);
        JPanel form = new Forms()
                .add(Forms.paragraph(controls.texts().text("channel.create.intro"), 30), 0)
                .add(controls.labelFor("channel.create.name", name), 16)
                .add(name, 4)
                .add(isPrivate, 12)
                .add(Forms.paragraph(controls.texts().text("channel.create.private.tip"), 30), 4)
                .add(error, 12)
                .add(buttons, 12)
                .done();
        form.setBorder(BorderFactory.createEmptyBorder(16, 20, 16, 20));
        setContentPane(form);
        getRootPane().setDefaultButton(create);
        getRootPane().registerKeyboardAction(e -> dispose(), KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0),
                JComponent.WHEN_IN_FOCUSED_WINDOW);
        pack();
        setLocationRelativeTo(owner);
    }

    private void create() {
        create.setEnabled(false);
        String channel = name.getText().strip();
        model.create(channel, isPrivate.isSelected(), outcome -> {
            create.setEnabled(true);
            if (outcome.error().isPresent()) {
                error.setText(Errors.text(controls.texts(), outcome.error().get()));
                return;
            }
            dispose();
            new ChannelCodeDialog(getOwner(), controls, channel, outcome.value().orElseThrow(), true,
                    fontScalePercent).setVisible(true);
        });
    }
}
