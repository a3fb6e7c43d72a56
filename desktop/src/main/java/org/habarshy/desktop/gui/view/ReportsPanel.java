package org.habarshy.desktop.gui.view;

import java.awt.BorderLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javax.swing.BorderFactory;
import javax.swing.DefaultComboBoxModel;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.ListSelectionModel;
import javax.swing.Timer;
import org.habarshy.core.api.message.Direction;
import org.habarshy.desktop.gui.model.AppModel;
import org.habarshy.desktop.gui.model.ContactSummary;
import org.habarshy.desktop.gui.model.FilesModel;
import org.habarshy.desktop.gui.model.UserError;

/**
 * The reports tab (for journalists): on the left a form to send a titled report with text and files to an editor
 * contact, on the right every report with how far its text and each file have travelled (queued, carried by N,
 * delivered, read), updated every second while shown.
 */
final class ReportsPanel extends JPanel {
    private static final long serialVersionUID = 1L;

    private final transient Controls controls;
    private final transient AppModel app;
    private final transient FilesModel files;
    private final DefaultComboBoxModel<String> editors = new DefaultComboBoxModel<>();
    private final JComboBox<String> editor = new JComboBox<>(editors);
    private final JTextField title = new JTextField(24);
    private final JTextArea text = new JTextArea(8, 24);
    private final DefaultListModel<Path> chosen = new DefaultListModel<>();
    private final JList<Path> chosenList = new JList<>(chosen);
    private final DefaultListModel<FilesModel.ReportView> reports = new DefaultListModel<>();
    private final JList<FilesModel.ReportView> reportList = new JList<>(reports);
    private final JLabel error;
    private final JButton send;
    private final Timer timer;
    private boolean loading;

    ReportsPanel(Controls controls, AppModel app, Themes.Palette palette) {
        super(new BorderLayout());
        this.controls = controls;
        this.app = app;
        this.files = new FilesModel(app);
        this.error = Forms.errorLabel(palette.danger());
        this.send = controls.button("report.send", this::sendReport);
        send.setName("report.send");
        reportList.setName("report.list");
        reportList.setCellRenderer(new ReportCell(controls.texts(), palette));
        reportList.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        reportList.addListSelectionListener(e -> {
            FilesModel.ReportView selected = reportList.getSelectedValue();
            if (!e.getValueIsAdjusting() && selected != null
                    && selected.report().direction() == Direction.INCOMING) {
                files.markRead(selected);
            }
        });
        controls.describe(reportList, "report.list");
        JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, form(), reportsSide());
        split.setResizeWeight(0.4);
        split.setBorder(BorderFactory.createEmptyBorder());
        add(split);
        this.timer = new Timer((int) AppModel.REFRESH_MILLIS, e -> refresh());
    }

    private JComponent form() {
        editor.setName("report.editor");
        title.setName("report.title");
        text.setName("report.text");
        text.setLineWrap(true);
        text.setWrapStyleWord(true);
        chosenList.setName("report.files");
        chosenList.setVisibleRowCount(4);
        JButton add = controls.button("report.addFiles", this::chooseFiles);
        add.setName("report.addFiles");
        JButton remove = controls.button("report.removeFile", () -> {
            int i = chosenList.getSelectedIndex();
            if (i >= 0) {
                chosen.remove(i);
            }
        });
        remove.setName("report.removeFile");
        JPanel panel = new JPanel(new GridBagLayout());
        panel.setBorder(BorderFactory.createEmptyBorder(12, 16, 12, 12));
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = 0;
        c.gridy = 0;
        c.anchor = GridBagConstraints.WEST;
        c.fill = GridBagConstraints.HORIZONTAL;
        c.weightx = 1;
        c.insets = new Insets(0, 0, 6, 0);
        panel.add(controls.heading("report.heading"), c);
        c.gridy++;
        panel.add(controls.labelFor("report.editor", editor), c);
        c.gridy++;
        panel.add(editor, c);
        c.gridy++;
        panel.add(controls.labelFor("report.title", title), c);
        c.gridy++;
        panel.add(title, c);
        c.gridy++;
        panel.add(controls.labelFor("report.text", text), c);
        c.gridy++;
        c.fill = GridBagConstraints.BOTH;
        c.weighty = 1;
        panel.add(new JScrollPane(text), c);
        c.gridy++;
        c.weighty = 0;
        c.fill = GridBagConstraints.HORIZONTAL;
        panel.add(controls.labelFor("report.files", chosenList), c);
        c.gridy++;
        panel.add(new JScrollPane(chosenList), c);
        JPanel buttons = new JPanel(new java.awt.FlowLayout(java.awt.FlowLayout.LEFT, 8, 0));
        buttons.add(add);
        buttons.add(remove);
        buttons.add(send);
        c.gridy++;
        panel.add(buttons, c);
        c.gridy++;
        panel.add(error, c);
        return panel;
    }

    private JComponent reportsSide() {
        JPanel panel = new JPanel(new BorderLayout(0, 8));
        panel.setBorder(BorderFactory.createEmptyBorder(12, 12, 12, 16));
        panel.add(controls.heading("report.listHeading"), BorderLayout.NORTH);
        panel.add(new JScrollPane(reportList), BorderLayout.CENTER);
        return panel;
    }

    @Override
    public void addNotify() {
        super.addNotify();
        timer.start();
        refresh();
    }

    @Override
    public void removeNotify() {
        timer.stop();
        super.removeNotify();
    }

    /** Reads the editors and the reports again (reports on the worker) and shows them. */
    void refresh() {
        List<String> aliases = app.contacts().stream().map(ContactSummary::alias).toList();
        boolean sameEditors = editors.getSize() == aliases.size();
        for (int i = 0; sameEditors && i < aliases.size(); i++) {
            sameEditors = editors.getElementAt(i).equals(aliases.get(i));
        }
        if (!sameEditors) {
            Object selected = editors.getSelectedItem();
            editors.removeAllElements();
            editors.addAll(aliases);
            if (selected != null && aliases.contains(selected)) {
                editors.setSelectedItem(selected);
            } else if (!aliases.isEmpty()) {
                editors.setSelectedItem(aliases.get(0));
            }
        }
        if (loading || app.stage() != AppModel.Stage.READY) {
            return;
        }
        loading = true;
        files.reports(fresh -> {
            loading = false;
            boolean same = reports.size() == fresh.size();
            for (int i = 0; same && i < fresh.size(); i++) {
                same = Objects.equals(reports.get(i), fresh.get(i));
            }
            if (!same) {
                int selected = reportList.getSelectedIndex();
                reports.clear();
                reports.addAll(fresh);
                if (selected >= 0 && selected < reports.size()) {
                    reportList.setSelectedIndex(selected);
                }
            }
        }, e -> loading = false);
    }

    private void chooseFiles() {
        JFileChooser chooser = new JFileChooser();
        chooser.setMultiSelectionEnabled(true);
        chooser.setDialogTitle(controls.texts().text("file.choose"));
        if (chooser.showOpenDialog(this) == JFileChooser.APPROVE_OPTION) {
            Arrays.stream(chooser.getSelectedFiles()).map(java.io.File::toPath).forEach(chosen::addElement);
        }
    }

    /** Sends the form's report; on success clears the form. */
    void sendReport() {
        String alias = (String) editor.getSelectedItem();
        List<Path> paths = java.util.Collections.list(chosen.elements());
        send.setEnabled(false);
        files.sendReport(alias, title.getText(), text.getText(), paths, this::sent);
    }

    private void sent(java.util.Optional<UserError> failure) {
        send.setEnabled(true);
        if (failure.isPresent()) {
            error.setText(Errors.text(controls.texts(), failure.get()));
            return;
        }
        error.setText(" ");
        title.setText("");
        text.setText("");
        chosen.clear();
        refresh();
    }
}
