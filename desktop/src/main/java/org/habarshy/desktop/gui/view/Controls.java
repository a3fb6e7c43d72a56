package org.habarshy.desktop.gui.view;

import java.awt.event.KeyEvent;
import javax.swing.AbstractButton;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import org.habarshy.desktop.gui.i18n.Mnemonic;
import org.habarshy.desktop.gui.i18n.Texts;

/**
 * Makes labelled controls from resource keys: text, mnemonic, tooltip ({@code key.tip}) and the accessible name and
 * description screen readers announce.
 */
final class Controls {
    private final Texts texts;

    Controls(Texts texts) {
        this.texts = texts;
    }

    Texts texts() {
        return texts;
    }

    /** A button for {@code key} that runs {@code action}. */
    JButton button(String key, Runnable action) {
        JButton button = new JButton();
        label(button, key);
        button.addActionListener(e -> action.run());
        return button;
    }

    /** Sets text, mnemonic, tooltip and accessible texts of {@code button} from {@code key}. */
    void label(AbstractButton button, String key) {
        String raw = texts.raw(key);
        button.setText(Mnemonic.strip(raw));
        int code = Mnemonic.keyCode(raw);
        if (code != KeyEvent.VK_UNDEFINED) {
            button.setMnemonic(code);
            button.setDisplayedMnemonicIndex(Mnemonic.index(raw));
        }
        describe(button, key);
    }

    /** A label for {@code field}: its mnemonic moves the focus there. */
    JLabel labelFor(String key, JComponent field) {
        String raw = texts.raw(key);
        JLabel label = new JLabel(Mnemonic.strip(raw));
        int code = Mnemonic.keyCode(raw);
        if (code != KeyEvent.VK_UNDEFINED) {
            label.setDisplayedMnemonic(code);
            label.setDisplayedMnemonicIndex(Mnemonic.index(raw));
        }
        label.setLabelFor(field);
        describe(field, key);
        return label;
    }

    /** Sets the accessible name (the text of {@code key}) and description and tooltip ({@code key.tip}). */
    void describe(JComponent component, String key) {
        String name = texts.text(key);
        component.getAccessibleContext().setAccessibleName(name);
        if (texts.has(key + ".tip")) {
            component.setToolTipText(texts.text(key + ".tip"));
            component.getAccessibleContext().setAccessibleDescription(texts.text(key + ".tip"));
        }
    }

    /** A heading label. */
    JLabel heading(String key) {
        JLabel label = new JLabel(texts.text(key));
        label.putClientProperty("FlatLaf.styleClass", "h2");
        return label;
    }
}
