package org.habarshy.desktop.gui.view;

import java.awt.Color;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.util.List;
import javax.swing.JLabel;
import javax.swing.JPanel;
import org.habarshy.desktop.gui.i18n.Texts;
import org.habarshy.desktop.gui.model.NetworkSummary;
import org.habarshy.desktop.gui.model.TransportStatus;

/**
 * One row per way of reaching others (local network, mDNS, manual peers, relay, SMS): its name, its state as a mark
 * and a word (never colour alone: ▲ up, ▼ down, – off, · not here) and a detail (port, error, how many peers); a tooltip says why a relay or SMS is not here.
 */
final class TransportsView extends JPanel {
    private static final long serialVersionUID = 1L;

    private final transient Texts texts;
    private final transient Themes.Palette palette;
    private final JLabel[] states = new JLabel[TransportStatus.Transport.values().length];
    private final JLabel[] details = new JLabel[TransportStatus.Transport.values().length];

    TransportsView(Texts texts, Themes.Palette palette) {
        super(new GridBagLayout());
        this.texts = texts;
        this.palette = palette;
        setOpaque(false);
        for (TransportStatus.Transport t : TransportStatus.Transport.values()) {
            int row = t.ordinal();
            JLabel name = new JLabel(texts.text("network.transport." + t.name()));
            states[row] = new JLabel();
            states[row].setName("network.state." + t.name());
            details[row] = new JLabel();
            details[row].setForeground(palette.secondaryText());
            name.setLabelFor(states[row]);
            place(name, 0, row, 0);
            place(states[row], 1, row, 0);
            place(details[row], 2, row, 1);
        }
    }

    private void place(JLabel label, int x, int y, double weight) {
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = x;
        c.gridy = y;
        c.weightx = weight;
        c.anchor = GridBagConstraints.WEST;
        c.fill = weight > 0 ? GridBagConstraints.HORIZONTAL : GridBagConstraints.NONE;
        c.insets = new Insets(3, 0, 3, 24);
        add(label, c);
    }

    /** Shows the transports of {@code n}. */
    void show(NetworkSummary n) {
        List<TransportStatus> transports = n.transports();
        for (TransportStatus t : transports) {
            int row = t.transport().ordinal();
            JLabel state = states[row];
            state.setText(mark(t.state()) + " " + texts.text(t.stateKey()));
            state.setForeground(colour(t.state()));
            String detail = detail(t, n);
            details[row].setText(detail);
            state.getAccessibleContext().setAccessibleName(texts.text(t.nameKey()) + ": "
                    + texts.text(t.stateKey()) + (detail.isBlank() ? "" : ", " + detail));
            String why = t.nameKey() + ".tip";
            if (texts.has(why)) {
                state.setToolTipText(texts.text(why));
                state.getAccessibleContext().setAccessibleDescription(texts.text(why));
            }
        }
    }

    private String detail(TransportStatus t, NetworkSummary n) {
        switch (t.transport()) {
            case LAN:
                if (n.running()) {
                    return texts.format("network.transport.port", Integer.toString(n.port()));
                }
                return n.error().isBlank() ? texts.text("network.starting") : texts.format("network.down", n.error());
            case MANUAL_PEERS:
                return n.manualPeers() == 0 ? "" : texts.format("network.transport.configured", n.manualPeers(),
                        n.outgoingLinks());
            default:
                return "";
        }
    }

    private static String mark(TransportStatus.State state) {
        switch (state) {
            case UP:
                return "\u25B2";
            case DOWN:
                return "\u25BC";
            case OFF:
                return "\u2013";
            default:
                return "\u00B7";
        }
    }

    private Color colour(TransportStatus.State state) {
        switch (state) {
            case UP:
                return palette.good();
            case DOWN:
                return palette.danger();
            default:
                return palette.secondaryText();
        }
    }
}
