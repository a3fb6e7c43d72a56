package org.habarshy.desktop.gui.view;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.Font;
import java.util.List;
import java.util.function.Consumer;
import javax.accessibility.AccessibleRole;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import org.habarshy.desktop.gui.i18n.Texts;

/**
 * A coloured strip at the top of the window announcing new messages (never a sound). It stays until the user opens
 * the conversation or closes it, so a message that arrived while they looked away is not missed.
 */
final class AlertBanner extends JPanel {
    private static final long serialVersionUID = 1L;

    private final transient Texts texts;
    private final JLabel message = new JLabel();
    private final transient Themes.Palette palette;
    private String lastAlias;
    private transient Runnable openAlert;

    AlertBanner(Controls controls, Themes.Palette palette, Consumer<String> open) {
        super(new BorderLayout(12, 0));
        this.texts = controls.texts();
        this.palette = palette;
        setName("alert.banner");
        setBackground(palette.accent());
        setBorder(BorderFactory.createCompoundBorder(
                BorderFactory.createMatteBorder(0, 0, 2, 0, palette.onAccent()),
                BorderFactory.createEmptyBorder(8, 16, 8, 12)));
        message.setName("alert.message");
        message.setForeground(palette.onAccent());
        message.setFont(message.getFont().deriveFont(Font.BOLD));
        JButton show = controls.button("alert.open", () -> {
            if (openAlert != null) {
                openAlert.run();
            } else if (lastAlias != null) {
                open.accept(lastAlias);
            }
            openAlert = null;
            setVisible(false);
        });
        show.setName("alert.open");
        JButton dismiss = controls.button("alert.dismiss", () -> {
            openAlert = null;
            setVisible(false);
        });
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT, 8, 0));
        buttons.setOpaque(false);
        buttons.add(show);
        buttons.add(dismiss);
        add(message, BorderLayout.CENTER);
        add(buttons, BorderLayout.EAST);
        setVisible(false);
    }

    /** Announces messages from {@code aliases} (one entry per message). */
    void announce(List<String> aliases) {
        lastAlias = aliases.get(aliases.size() - 1);
        long senders = aliases.stream().distinct().count();
        String text = senders == 1 ? texts.format("alert.newFrom", aliases.size(), lastAlias)
                : texts.format("alert.newMany", aliases.size(), senders);
        if (openAlert != null && isVisible()) {
            return; // an urgent channel alert stays until seen; the title and taskbar still signal the messages
        }
        colours(palette.accent(), palette.onAccent());
        display(text);
    }

    /**
     * Announces an urgent channel alert in the danger colour (the text itself says it is urgent, so colour is never
     * the only signal); the open button runs {@code open}.
     */
    void announceUrgent(String text, Runnable open) {
        openAlert = open;
        colours(palette.danger(), palette.onDanger());
        display(text);
    }

    private void colours(java.awt.Color background, java.awt.Color foreground) {
        setBackground(background);
        message.setForeground(foreground);
        setBorder(BorderFactory.createCompoundBorder(BorderFactory.createMatteBorder(0, 0, 2, 0, foreground),
                BorderFactory.createEmptyBorder(8, 16, 8, 12)));
    }

    private void display(String text) {
        message.setText(text);
        getAccessibleContext().setAccessibleName(text);
        setVisible(true);
        revalidate();
        // Screen readers announce a change of the accessible name of an alert.
        getAccessibleContext().firePropertyChange(javax.accessibility.AccessibleContext.ACCESSIBLE_NAME_PROPERTY,
                null, text);
    }

    @Override
    public javax.accessibility.AccessibleContext getAccessibleContext() {
        if (accessibleContext == null) {
            accessibleContext = new AccessibleJPanel() {
                private static final long serialVersionUID = 1L;

                @Override
                public AccessibleRole getAccessibleRole() {
                    return AccessibleRole.ALERT;
                }
            };
        }
        return accessibleContext;
    }

    /** Returns the text shown. */
    String text() {
        return message.getText();
    }
}
