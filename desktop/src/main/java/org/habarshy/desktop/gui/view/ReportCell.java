package org.habarshy.desktop.gui.view;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.GridLayout;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.ListCellRenderer;
import org.habarshy.core.api.attachment.Transfer;
import org.habarshy.core.api.message.Direction;
import org.habarshy.desktop.gui.i18n.Texts;
import org.habarshy.desktop.gui.model.AttachmentRow;
import org.habarshy.desktop.gui.model.FilesModel;
import org.habarshy.desktop.gui.model.MessageRow;

/**
 * Draws one report: its title, to whom (or from whom) and when, how far the text has travelled, and one line with a
 * progress bar per file. Peer text is never interpreted as HTML; the accessible name repeats it all as a sentence.
 */
final class ReportCell extends JPanel implements ListCellRenderer<FilesModel.ReportView> {
    private static final long serialVersionUID = 1L;

    private final transient Texts texts;
    private final transient Themes.Palette palette;
    private final DateTimeFormatter time;
    private final JLabel title = label();
    private final JLabel meta = label();
    private final JLabel text = label();
    private final JPanel fileLines = new JPanel(new GridLayout(0, 1, 0, 2));

    ReportCell(Texts texts, Themes.Palette palette) {
        super(new BorderLayout(0, 4));
        this.texts = texts;
        this.palette = palette;
        this.time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(texts.locale())
                .withZone(ZoneId.systemDefault());
        setBorder(BorderFactory.createCompoundBorder(BorderFactory.createMatteBorder(0, 0, 1, 0,
                palette.bubbleBorder()), BorderFactory.createEmptyBorder(8, 12, 8, 12)));
        title.putClientProperty("FlatLaf.styleClass", "h4");
        JPanel head = new JPanel(new GridLayout(0, 1, 0, 2));
        head.setOpaque(false);
        head.add(title);
        head.add(meta);
        head.add(text);
        fileLines.setOpaque(false);
        add(head, BorderLayout.NORTH);
        add(fileLines, BorderLayout.CENTER);
    }

    private static JLabel label() {
        JLabel label = new JLabel();
        label.putClientProperty("html.disable", Boolean.TRUE);
        return label;
    }

    @Override
    public Component getListCellRendererComponent(JList<? extends FilesModel.ReportView> list,
                                                  FilesModel.ReportView view, int index, boolean selected,
                                                  boolean focused) {
        boolean outgoing = view.report().direction() == Direction.OUTGOING;
        title.setText(view.report().title());
        meta.setText(texts.format(outgoing ? "report.to" : "report.from", view.alias(),
                time.format(Instant.ofEpochMilli(view.report().sentAt())), view.report().fileCount()));
        String textState = view.report().textTransfer().map(this::transfer)
                .orElse(texts.text("report.received"));
        text.setText(texts.format("report.textState", textState));
        List<String> spoken = new ArrayList<>();
        spoken.add(title.getText());
        spoken.add(meta.getText());
        spoken.add(text.getText());
        fileLines.removeAll();
        for (AttachmentRow row : view.files()) {
            JPanel line = new JPanel(new BorderLayout(8, 0));
            line.setOpaque(false);
            String state = texts.text(row.stateKey());
            if (row.carriedBy() > 0) {
                state = state + " · " + texts.format("file.carriedBy", row.carriedBy());
            }
            JLabel name = label();
            name.setText(row.file().name() + " · " + row.sizeText() + " · " + state);
            name.setForeground(selected ? list.getSelectionForeground() : palette.secondaryText());
            JProgressBar bar = new JProgressBar(0, 100);
            bar.setValue(row.percent());
            bar.setStringPainted(true);
            bar.setString(texts.format("file.percent", row.percent()));
            line.add(name, BorderLayout.CENTER);
            line.add(bar, BorderLayout.EAST);
            fileLines.add(line);
            spoken.add(name.getText() + ", " + bar.getString());
        }
        int missing = view.report().fileCount() - view.files().size();
        if (missing > 0) {
            JLabel waiting = label();
            waiting.setText(texts.format("report.filesWaiting", missing));
            fileLines.add(waiting);
            spoken.add(waiting.getText());
        }
        setBackground(selected ? list.getSelectionBackground() : list.getBackground());
        setOpaque(true);
        for (JLabel l : new JLabel[] {title, meta, text}) {
            l.setForeground(selected ? list.getSelectionForeground() : list.getForeground());
        }
        getAccessibleContext().setAccessibleName(String.join(". ", spoken));
        return this;
    }

    private String transfer(Transfer t) {
        String state = texts.text(MessageRow.stateKey(t.state()));
        return t.carriedBy() > 0 ? state + " · " + texts.format("file.carriedBy", t.carriedBy()) : state;
    }
}
