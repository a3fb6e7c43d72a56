package org.habarshy.desktop.gui.view;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.swing.BorderFactory;
import javax.swing.DefaultListCellRenderer;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSpinner;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.SpinnerNumberModel;
import org.habarshy.desktop.gui.i18n.Texts;
import org.habarshy.desktop.gui.model.AppModel;
import org.habarshy.desktop.gui.model.Language;
import org.habarshy.desktop.gui.model.PeerAddress;
import org.habarshy.desktop.gui.model.Settings;
import org.habarshy.desktop.gui.model.Theme;

/**
 * Language, theme, font size, alerts, data folder, port, mDNS and manual peers, saved with one button; and the
 * relays ({@link RelaySettings}), saved as they are added.
 */
final class SettingsPanel extends JPanel {
    private static final long serialVersionUID = 1L;

    private final transient Texts texts;
    private final transient AppModel model;
    private final JComboBox<Language> language = new JComboBox<>(Language.values());
    private final JComboBox<Theme> theme = new JComboBox<>(Theme.values());
    private final JSpinner fontScale;
    private final JCheckBox flash = new JCheckBox();
    private final JTextField dataDir = new JTextField(28);
    private final JSpinner port;
    private final JCheckBox mdns = new JCheckBox();
    private final JTextArea peers = new JTextArea(3, 28);
    private final JLabel status;

    SettingsPanel(Controls controls, AppModel model, Themes.Palette palette) {
        super(new BorderLayout());
        this.texts = controls.texts();
        this.model = model;
        this.status = Forms.errorLabel(palette.danger());
        Settings s = model.settings();
        language.setName("settings.language");
        language.setSelectedItem(s.language());
        language.setRenderer(new DefaultListCellRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public java.awt.Component getListCellRendererComponent(JList<?> list, Object value, int index,
                                                                   boolean selected, boolean focused) {
                Language l = (Language) value;
                return super.getListCellRendererComponent(list, texts.text("language." + l.tag()), index, selected,
                        focused);
            }
        });
        theme.setName("settings.theme");
        theme.setSelectedItem(s.theme());
        theme.setRenderer(new DefaultListCellRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public java.awt.Component getListCellRendererComponent(JList<?> list, Object value, int index,
                                                                   boolean selected, boolean focused) {
                Theme t = (Theme) value;
                return super.getListCellRendererComponent(list, texts.text("theme." + t.name()), index, selected,
                        focused);
            }
        });
        fontScale = new JSpinner(new SpinnerNumberModel(s.fontScalePercent(), Settings.MIN_FONT_SCALE,
                Settings.MAX_FONT_SCALE, 10));
        fontScale.setName("settings.fontScale");
        controls.label(flash, "settings.flash");
        flash.setSelected(s.flashBorder());
        dataDir.setName("settings.dataDir");
        dataDir.setText(s.dataDir().toString());
        JButton browse = controls.button("settings.browse", this::browse);
        port = new JSpinner(new SpinnerNumberModel(s.port(), 0, 65_535, 1));
        port.setEditor(new JSpinner.NumberEditor(port, "#"));
        port.setName("settings.port");
        controls.label(mdns, "settings.mdns");
        mdns.setSelected(s.mdns());
        peers.setName("settings.peers");
        peers.setText(String.join("\n", s.manualPeers().stream().map(PeerAddress::toString).toList()));
        peers.setFocusTraversalKeys(java.awt.KeyboardFocusManager.FORWARD_TRAVERSAL_KEYS, null);
        peers.setFocusTraversalKeys(java.awt.KeyboardFocusManager.BACKWARD_TRAVERSAL_KEYS, null);
        JButton save = controls.button("settings.save", this::save);
        save.setName("settings.save");

        JPanel dirRow = new JPanel(new BorderLayout(8, 0));
        dirRow.setOpaque(false);
        dirRow.add(dataDir, BorderLayout.CENTER);
        dirRow.add(browse, BorderLayout.EAST);
        JPanel saveRow = new JPanel(new FlowLayout(FlowLayout.LEFT, 0, 0));
        saveRow.setOpaque(false);
        saveRow.add(save);
        saveRow.add(javax.swing.Box.createHorizontalStrut(12));
        saveRow.add(status);

        JPanel appearance = new Forms()
                .add(controls.heading("settings.appearance"), 0)
                .add(controls.labelFor("settings.language", language), 12)
                .add(language, 4)
                .add(controls.labelFor("settings.theme", theme), 12)
                .add(theme, 4)
                .add(controls.labelFor("settings.fontScale", fontScale), 12)
                .add(fontScale, 4)
                .add(flash, 12)
                .add(Forms.paragraph(texts.text("settings.alertsHint"), 24), 4)
                .done();
        JPanel network = new Forms()
                .add(controls.heading("settings.network"), 0)
                .add(controls.labelFor("settings.dataDir", dataDir), 12)
                .add(dirRow, 4)
                .add(controls.labelFor("settings.port", port), 12)
                .add(port, 4)
                .add(mdns, 12)
                .add(controls.labelFor("settings.peers", peers), 12)
                .add(new JScrollPane(peers), 4)
                .done();
        JPanel columns = new JPanel(new java.awt.GridLayout(1, 2, 32, 0));
        columns.setOpaque(false);
        columns.add(appearance);
        columns.add(network);
        JPanel page = new JPanel(new BorderLayout(0, 16));
        page.setBorder(BorderFactory.createEmptyBorder(16, 24, 16, 24));
        page.add(columns, BorderLayout.NORTH);
        page.add(new RelaySettings(controls, model, palette.danger()).panel(), BorderLayout.CENTER);
        page.add(saveRow, BorderLayout.SOUTH);
        JScrollPane scroll = new JScrollPane(page);
        scroll.setBorder(BorderFactory.createEmptyBorder());
        scroll.getVerticalScrollBar().setUnitIncrement(24);
        add(scroll);
    }

    private void browse() {
        JFileChooser chooser = new JFileChooser(dataDir.getText());
        chooser.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
        chooser.setDialogTitle(texts.text("settings.dataDir"));
        if (chooser.showOpenDialog(this) == JFileChooser.APPROVE_OPTION) {
            dataDir.setText(chooser.getSelectedFile().toString());
        }
    }

    /** Checks the form and hands the new settings to the model. */
    void save() {
        Settings changed;
        try {
            List<PeerAddress> manual = new ArrayList<>();
            for (String line : peers.getText().split("\\R")) {
                if (!line.isBlank()) {
                    manual.add(PeerAddress.parse(line));
                }
            }
            Path dir = Path.of(dataDir.getText().strip());
            if (dataDir.getText().isBlank()) {
                throw new IllegalArgumentException(texts.text("settings.dataDirRequired"));
            }
            changed = model.settings().withLanguage((Language) language.getSelectedItem())
                    .withTheme((Theme) theme.getSelectedItem())
                    .withFontScale((Integer) fontScale.getValue())
                    .withFlashBorder(flash.isSelected())
                    .withNetwork(dir, (Integer) port.getValue(), mdns.isSelected(), manual);
        } catch (IllegalArgumentException e) {
            status.setText(texts.text("error.invalid") + " (" + e.getMessage() + ")");
            return;
        }
        status.setText(" ");
        model.applySettings(changed, failure -> failure.ifPresent(
                f -> javax.swing.JOptionPane.showMessageDialog(null, texts.text(f.key()))));
    }
}
