package org.habarshy.desktop.gui.view;

import java.awt.BorderLayout;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.table.AbstractTableModel;
import org.habarshy.core.transport.LinkStatus;
import org.habarshy.desktop.gui.i18n.Texts;
import org.habarshy.desktop.gui.model.AppModel;
import org.habarshy.desktop.gui.model.NetworkSummary;

/**
 * The node's network: transports and their state (local network, mDNS, manual peers, relay, SMS), traffic, envelopes held and carried for others, sync progress, a
 * table of links and the mesh picture.
 */
final class NetworkPanel extends JPanel {
    private static final long serialVersionUID = 1L;

    private final transient Texts texts;
    private final transient Themes.Palette palette;
    private final transient AppModel model;
    private final JLabel traffic = new JLabel();
    private final JLabel held = new JLabel();
    private final JLabel carried = new JLabel();
    private final JLabel quota = new JLabel();
    private final TransportsView transports;
    private final JLabel refused = new JLabel();
    private final JProgressBar sync = new JProgressBar(0, 100);
    private final LinksTable table;
    private final MeshPicture picture;

    NetworkPanel(Controls controls, AppModel model, Themes.Palette palette) {
        super(new BorderLayout());
        this.texts = controls.texts();
        this.palette = palette;
        this.model = model;
        this.table = new LinksTable(texts);
        this.transports = new TransportsView(texts, palette);
        this.picture = new MeshPicture(texts, palette, model.network());
        picture.setName("network.picture");
        sync.setStringPainted(true);
        controls.describe(sync, "network.sync");
        JPanel facts = new JPanel(new java.awt.GridBagLayout());
        facts.setOpaque(false);
        fact(facts, 0, new JLabel(texts.text("network.traffic")), traffic);
        fact(facts, 1, new JLabel(texts.text("network.held")), held);
        fact(facts, 2, new JLabel(texts.text("network.carried")), carried);
        fact(facts, 3, new JLabel(texts.text("network.quota")), quota);
        fact(facts, 4, new JLabel(texts.text("network.refused")), refused);
        fact(facts, 5, controls.labelFor("network.sync", sync), sync);
        JPanel top = new Forms()
                .add(controls.heading("network.title"), 0)
                .add(transports, 12)
                .add(facts, 12)
                .add(Forms.paragraph(texts.text("network.later"), 40), 12)
                .done();
        top.setBorder(BorderFactory.createEmptyBorder(16, 20, 8, 20));
        JTable links = new JTable(table);
        links.setName("network.links");
        links.setFillsViewportHeight(true);
        links.setRowHeight(links.getFontMetrics(links.getFont()).getHeight() + 10);
        controls.describe(links, "network.links");
        JScrollPane linksScroll = new JScrollPane(links);
        int em = links.getFont().getSize();
        linksScroll.setPreferredSize(new java.awt.Dimension(44 * em, 16 * em));
        picture.setPreferredSize(new java.awt.Dimension(18 * em, 16 * em));
        JSplitPane bottom = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, linksScroll, picture);
        bottom.setResizeWeight(0.65);
        links.setAutoResizeMode(JTable.AUTO_RESIZE_ALL_COLUMNS);
        bottom.setBorder(BorderFactory.createEmptyBorder(0, 20, 16, 20));
        JPanel left = new JPanel(new BorderLayout());
        left.add(top, BorderLayout.NORTH);
        left.add(bottom, BorderLayout.CENTER);
        add(left);
        refresh();
    }

    private static void fact(JPanel facts, int row, JLabel label, javax.swing.JComponent value) {
        java.awt.GridBagConstraints c = new java.awt.GridBagConstraints();
        c.gridy = row;
        c.gridx = 0;
        c.anchor = java.awt.GridBagConstraints.WEST;
        c.insets = new java.awt.Insets(4, 0, 4, 24);
        facts.add(label, c);
        c.gridx = 1;
        c.weightx = 1;
        c.fill = value instanceof JProgressBar ? java.awt.GridBagConstraints.NONE
                : java.awt.GridBagConstraints.HORIZONTAL;
        c.insets = new java.awt.Insets(4, 0, 4, 0);
        if (value instanceof JProgressBar bar) {
            bar.setPreferredSize(new java.awt.Dimension(label.getFont().getSize() * 22,
                    bar.getPreferredSize().height + 6));
        }
        facts.add(value, c);
    }

    /** Shows the model's network summary. */
    void refresh() {
        NetworkSummary n = model.network();
        traffic.setText(texts.format("network.trafficValue", NetworkSummary.formatBytes(n.bytesIn()),
                NetworkSummary.formatBytes(n.bytesOut())));
        held.setText(Long.toString(n.held()));
        carried.setText(Long.toString(n.carried()));
        quota.setText(n.carryQuotaBytes() == 0 ? "\u2013" : texts.format("network.quotaValue",
                NetworkSummary.formatBytes(n.carryUsedBytes()), NetworkSummary.formatBytes(n.carryQuotaBytes())));
        transports.show(n);
        refused.setText(Long.toString(n.rejected()));
        sync.setValue(n.syncPercent());
        sync.setString(n.links().isEmpty() ? texts.text("network.noLinks")
                : texts.format("network.syncValue", n.links().size() - n.syncing(), n.links().size()));
        table.show(n);
        picture.show(n);
    }

    /** The links of the node as table rows. */
    private static final class LinksTable extends AbstractTableModel {
        private static final long serialVersionUID = 1L;
        private static final String[] COLUMNS = {"network.col.peer", "network.col.direction", "network.col.since",
            "network.col.state", "network.col.received", "network.col.sent"};

        private final transient Texts texts;
        private final transient DateTimeFormatter time;
        private transient java.util.List<LinkStatus> rows = java.util.List.of();

        LinksTable(Texts texts) {
            this.texts = texts;
            this.time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(texts.locale())
                    .withZone(ZoneId.systemDefault());
        }

        void show(NetworkSummary summary) {
            if (!summary.links().equals(rows)) {
                rows = summary.links();
                fireTableDataChanged();
            }
        }

        @Override
        public int getRowCount() {
            return rows.size();
        }

        @Override
        public int getColumnCount() {
            return COLUMNS.length;
        }

        @Override
        public String getColumnName(int column) {
            return texts.text(COLUMNS[column]);
        }

        @Override
        public Object getValueAt(int row, int column) {
            LinkStatus link = rows.get(row);
            switch (column) {
                case 0:
                    return link.label();
                case 1:
                    return texts.text(link.outgoing() ? "network.outgoing" : "network.incoming");
                case 2:
                    return time.format(Instant.ofEpochMilli(link.since()));
                case 3:
                    return texts.text(link.syncing() ? "network.syncing" : "network.inSync");
                case 4:
                    return link.received();
                default:
                    return link.sent();
            }
        }
    }
}
