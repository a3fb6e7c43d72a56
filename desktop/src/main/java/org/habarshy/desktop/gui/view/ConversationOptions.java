package org.habarshy.desktop.gui.view;

import java.awt.BorderLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.swing.DefaultComboBoxModel;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import org.habarshy.desktop.gui.i18n.Texts;
import org.habarshy.desktop.gui.model.AppModel;
import org.habarshy.desktop.gui.model.UserError;

/**
 * The open conversation's options, under its title: real-time text (a switch and what it is doing now) and the
 * disappearing-message timer. Both are keyboard accessible (mnemonics, Space toggles, arrows choose).
 */
final class ConversationOptions extends JPanel {
    private static final long serialVersionUID = 1L;
    /** The timers offered; a timer set elsewhere (the command line) is shown as an extra entry. */
    static final List<Duration> TIMERS = List.of(Duration.ZERO, Duration.ofSeconds(30), Duration.ofMinutes(5),
            Duration.ofHours(1), Duration.ofDays(1), Duration.ofDays(7));

    private final transient Texts texts;
    private final transient AppModel model;
    private final transient Themes.Palette palette;
    private final JCheckBox realTimeText = new JCheckBox();
    private final JLabel status = new JLabel();
    private final JComboBox<TimerChoice> timer = new JComboBox<>();
    private final JLabel error;
    private boolean updating;

    /** One entry of the timer list. */
    record TimerChoice(Duration duration, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    ConversationOptions(Controls controls, AppModel model, Themes.Palette palette) {
        super(new GridBagLayout());
        this.texts = controls.texts();
        this.model = model;
        this.palette = palette;
        this.error = Forms.errorLabel(palette.danger());
        setOpaque(false);
        realTimeText.setName("rtt.toggle");
        realTimeText.setOpaque(false);
        controls.label(realTimeText, "rtt.toggle");
        realTimeText.addActionListener(e -> {
            if (!updating) {
                boolean on = realTimeText.isSelected();
                realTimeText.setEnabled(false);
                model.setRealTimeText(on, this::done);
            }
        });
        status.setName("rtt.status");
        timer.setName("timer.choice");
        JLabel timerLabel = controls.labelFor("timer.label", timer);
        timer.addActionListener(e -> {
            if (!updating && timer.getSelectedItem() instanceof TimerChoice choice) {
                model.setDisappearingTimer(choice.duration(), this::done);
            }
        });
        place(realTimeText, 0, 0, 0);
        place(status, 1, 0, 1);
        place(timerLabel, 0, 1, 0);
        JPanel timerRow = new JPanel(new BorderLayout(8, 0));
        timerRow.setOpaque(false);
        timerRow.add(timer, BorderLayout.WEST);
        timerRow.add(error, BorderLayout.CENTER);
        place(timerRow, 1, 1, 1);
        refresh();
    }

    private void place(javax.swing.JComponent component, int x, int y, double weight) {
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = x;
        c.gridy = y;
        c.weightx = weight;
        c.anchor = GridBagConstraints.WEST;
        c.fill = weight > 0 ? GridBagConstraints.HORIZONTAL : GridBagConstraints.NONE;
        c.insets = new Insets(2, 0, 2, 12);
        add(component, c);
    }

    private void done(Optional<UserError> failure) {
        realTimeText.setEnabled(true);
        error.setText(failure.map(f -> Errors.text(texts, f)).orElse(" "));
        refresh();
    }

    /** Shows the model's options for the open conversation. */
    void refresh() {
        updating = true;
        try {
            boolean on = model.realTimeTextOn();
            realTimeText.setSelected(on);
            String alias = model.selectedAlias().orElse("");
            if (!on) {
                status.setText(texts.text("rtt.status.off"));
                status.setForeground(palette.secondaryText());
            } else if (model.realTimeTextLinked()) {
                status.setText(texts.format("rtt.status.live", alias));
                status.setForeground(palette.good());
            } else {
                status.setText(texts.format("rtt.status.waiting", alias));
                status.setForeground(palette.secondaryText());
            }
            status.getAccessibleContext().setAccessibleName(status.getText());
            Optional<Duration> current = model.disappearingTimer();
            timer.setEnabled(current.isPresent());
            List<TimerChoice> choices = new ArrayList<>();
            for (Duration d : TIMERS) {
                choices.add(new TimerChoice(d, label(d)));
            }
            current.filter(d -> !TIMERS.contains(d)).ifPresent(d -> choices.add(new TimerChoice(d, label(d))));
            DefaultComboBoxModel<TimerChoice> items = new DefaultComboBoxModel<>(choices.toArray(new TimerChoice[0]));
            current.ifPresent(d -> items.setSelectedItem(choices.stream().filter(c -> c.duration().equals(d))
                    .findFirst().orElseThrow()));
            timer.setModel(items);
        } finally {
            updating = false;
        }
    }

    /** Names a timer in the UI's language: off, seconds, minutes, hours, days. */
    private String label(Duration d) {
        if (d.isZero()) {
            return texts.text("timer.off");
        }
        long seconds = d.toSeconds();
        if (seconds % 86_400 == 0) {
            return texts.format("timer.days", seconds / 86_400);
        }
        if (seconds % 3_600 == 0) {
            return texts.format("timer.hours", seconds / 3_600);
        }
        if (seconds % 60 == 0) {
            return texts.format("timer.minutes", seconds / 60);
        }
        return texts.format("timer.seconds", seconds);
    }
}
