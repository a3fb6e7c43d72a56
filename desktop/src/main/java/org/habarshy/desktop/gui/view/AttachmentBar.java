package org.habarshy.desktop.gui.view;

import java.awt.BorderLayout;
import java.awt.Desktop;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.swing.BorderFactory;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.ListSelectionModel;
import javax.swing.Timer;
import org.habarshy.core.api.attachment.FileId;
import org.habarshy.desktop.gui.image.Thumbnails;
import org.habarshy.desktop.gui.model.AppModel;
import org.habarshy.desktop.gui.model.AttachmentRow;
import org.habarshy.desktop.gui.model.FilesModel;
import org.habarshy.desktop.gui.model.UserError;

/**
 * The files of the open conversation above the compose field: an "Attach file" button, the files with progress
 * (updated every second while shown), and "Save" and "Open" for a complete received file. Photos get a thumbnail.
 * All work runs on the app's worker thread; this only draws.
 */
final class AttachmentBar extends JPanel {
    private static final long serialVersionUID = 1L;
    private static final int THUMBNAIL = 48;

    private final transient Controls controls;
    private final transient AppModel app;
    private final transient FilesModel files;
    private final transient Map<FileId, BufferedImage> thumbnails = new ConcurrentHashMap<>();
    private final DefaultListModel<AttachmentRow> rows = new DefaultListModel<>();
    private final JList<AttachmentRow> list = new JList<>(rows);
    private final JScrollPane scroll = new JScrollPane(list);
    private final JButton attach;
    private final JButton save;
    private final JButton open;
    private final JLabel status;
    private final Timer timer;
    private boolean loading;

    AttachmentBar(Controls controls, AppModel app, Themes.Palette palette) {
        super(new BorderLayout(8, 4));
        this.controls = controls;
        this.app = app;
        this.files = new FilesModel(app);
        setOpaque(false);
        setBorder(BorderFactory.createEmptyBorder(0, 12, 0, 12));
        this.attach = controls.button("file.attach", this::chooseAndSend);
        attach.setName("file.attach");
        this.save = controls.button("file.save", this::saveSelected);
        save.setName("file.save");
        this.open = controls.button("file.open", this::openSelected);
        open.setName("file.open");
        this.status = Forms.errorLabel(palette.danger());
        list.setName("file.list");
        list.setCellRenderer(new AttachmentCell(controls.texts(), palette, thumbnails));
        list.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        list.setVisibleRowCount(3);
        list.addListSelectionListener(e -> updateButtons());
        controls.describe(list, "file.list");
        scroll.setPreferredSize(new Dimension(200, 3 * (THUMBNAIL + 16)));
        scroll.setVisible(false);
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 0));
        buttons.setOpaque(false);
        buttons.add(attach);
        buttons.add(save);
        buttons.add(open);
        buttons.add(status);
        add(scroll, BorderLayout.CENTER);
        add(buttons, BorderLayout.SOUTH);
        updateButtons();
        this.timer = new Timer((int) AppModel.REFRESH_MILLIS, e -> refresh());
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

    /** Reads the open conversation's files again (on the worker) and shows them. */
    void refresh() {
        Optional<String> alias = app.selectedAlias();
        if (loading || alias.isEmpty() || app.stage() != AppModel.Stage.READY) {
            if (alias.isEmpty()) {
                show(List.of());
            }
            return;
        }
        loading = true;
        files.files(alias, fresh -> {
            loading = false;
            if (alias.equals(app.selectedAlias())) {
                show(fresh);
            }
        }, e -> loading = false);
    }

    private void show(List<AttachmentRow> fresh) {
        boolean same = rows.size() == fresh.size();
        for (int i = 0; same && i < fresh.size(); i++) {
            same = Objects.equals(rows.get(i), fresh.get(i));
        }
        if (!same) {
            AttachmentRow selected = list.getSelectedValue();
            rows.clear();
            rows.addAll(fresh);
            if (selected != null) {
                for (int i = 0; i < rows.size(); i++) {
                    if (rows.get(i).file().id().equals(selected.file().id())) {
                        list.setSelectedIndex(i);
                    }
                }
            }
        }
        scroll.setVisible(!rows.isEmpty());
        for (AttachmentRow row : fresh) {
            if (row.previewable() && !thumbnails.containsKey(row.file().id())) {
                thumbnails.put(row.file().id(), new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB));
                files.thumbnail(row, bytes -> Thumbnails.of(bytes, THUMBNAIL), image -> {
                    image.ifPresentOrElse(i -> thumbnails.put(row.file().id(), i),
                            () -> thumbnails.remove(row.file().id()));
                    list.repaint();
                });
            }
        }
        updateButtons();
        revalidate();
    }

    private void updateButtons() {
        AttachmentRow selected = list.getSelectedValue();
        boolean saveable = selected != null && selected.saveable();
        save.setEnabled(saveable);
        open.setEnabled(saveable && Desktop.isDesktopSupported()
                && Desktop.getDesktop().isSupported(Desktop.Action.OPEN));
    }

    private void chooseAndSend() {
        Optional<String> alias = app.selectedAlias();
        if (alias.isEmpty()) {
            return;
        }
        JFileChooser chooser = new JFileChooser();
        chooser.setMultiSelectionEnabled(true);
        chooser.setDialogTitle(controls.texts().text("file.choose"));
        if (chooser.showOpenDialog(this) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        List<Path> chosen = Arrays.stream(chooser.getSelectedFiles()).map(java.io.File::toPath).toList();
        attach.setEnabled(false);
        files.attach(alias.get(), chosen, failure -> {
            attach.setEnabled(true);
            showError(failure);
            refresh();
        });
    }

    private void saveSelected() {
        AttachmentRow row = list.getSelectedValue();
        if (row == null || !row.saveable()) {
            return;
        }
        JFileChooser chooser = new JFileChooser();
        chooser.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
        chooser.setDialogTitle(controls.texts().text("file.saveTo"));
        if (chooser.showSaveDialog(this) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        files.save(row, chooser.getSelectedFile().toPath(),
                path -> status.setText(controls.texts().format("file.saved", path.toString())),
                e -> showError(Optional.of(e)));
    }

    private void openSelected() {
        AttachmentRow row = list.getSelectedValue();
        if (row == null || !row.saveable()) {
            return;
        }
        files.saveForOpening(row, path -> {
            status.setText(controls.texts().format("file.saved", path.toString()));
            Thread opener = new Thread(() -> {
                try {
                    Desktop.getDesktop().open(path.toFile());
                } catch (java.io.IOException | RuntimeException e) {
                    System.getLogger(AttachmentBar.class.getName()).log(System.Logger.Level.WARNING,
                            "the desktop could not open a saved file: " + e.getMessage());
                }
            }, "habarshy-open-file");
            opener.setDaemon(true);
            opener.start();
        }, e -> showError(Optional.of(e)));
    }

    private void showError(Optional<UserError> failure) {
        status.setText(failure.map(f -> Errors.text(controls.texts(), f)).orElse(" "));
    }
}
