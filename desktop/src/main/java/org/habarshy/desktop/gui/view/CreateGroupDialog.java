package org.habarshy.desktop.gui.view;

import java.awt.FlowLayout;
import java.awt.Window;
import java.awt.event.KeyEvent;
import java.util.Optional;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;
import org.habarshy.desktop.gui.model.GroupsModel;
import org.habarshy.desktop.gui.model.UserError;

/** Creates a group: a name and the contacts to invite (several may be chosen with Ctrl or Shift, or Space). */
final class CreateGroupDialog extends JDialog {
    private static final long serialVersionUID = 1L;

    private final transient Controls controls;
    private final transient GroupsModel model;
    private final JTextField name = new JTextField(24);
    private final JList<String> members;
    private final JLabel error;
    private final JButton create;

    CreateGroupDialog(Window owner, Controls controls, GroupsModel model, Themes.Palette palette) {
        super(owner, controls.texts().text("group.create.title"), ModalityType.DOCUMENT_MODAL);
        this.controls = controls;
        this.model = model;
        this.error = Forms.errorLabel(palette.danger());
        name.setName("group.create.name");
        members = new JList<>(model.contactAliases().toArray(new String[0]));
        members.setName("group.create.members");
        members.setSelectionMode(ListSelectionModel.MULTIPLE_INTERVAL_SELECTION);
        members.setVisibleRowCount(8);
        create = controls.button("group.create.ok", this::createGroup);
        create.setName("group.create.ok");
        JButton cancel = controls.button("common.cancel", this::dispose);
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT, 8, 0));
        buttons.setOpaque(false);
        buttons.add(cancel);
        buttons.add(create);
        JPanel form = new Forms()
                .add(Forms.paragraph(controls.texts().text("group.create.intro"), 30), 0)
                .add(controls.labelFor("group.create.name", name), 16)
                .add(name, 4)
                .add(controls.labelFor("group.create.members", members), 16)
                .add(new JScrollPane(members), 4)
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

    private void createGroup() {
        create.setEnabled(false);
        model.create(name.getText(), members.getSelectedValuesList(), this::finished);
    }

    private void finished(Optional<UserError> failure) {
        create.setEnabled(true);
        if (failure.isPresent()) {
            error.setText(Errors.text(controls.texts(), failure.get()));
        } else {
            dispose();
        }
    }
}
