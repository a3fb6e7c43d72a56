package org.habarshy.desktop.gui.view;

import java.awt.Color;
import javax.swing.Icon;
import org.habarshy.core.channel.Severity;
import org.habarshy.desktop.gui.i18n.Texts;

/** How a severity looks in the current theme: a colour, always together with its shape and its word. */
final class SeverityStyle {
    private final Themes.Palette palette;
    private final Texts texts;

    SeverityStyle(Themes.Palette palette, Texts texts) {
        this.palette = palette;
        this.texts = texts;
    }

    /** Returns the colour of the stripe and icon. */
    Color color(Severity severity) {
        return switch (severity) {
            case INFO -> palette.accent();
            case WARNING -> palette.busy();
            case URGENT -> palette.danger();
        };
    }

    /** Returns the colour of the mark drawn on the icon. */
    Color onColor(Severity severity) {
        return switch (severity) {
            case INFO -> palette.onAccent();
            case WARNING -> Color.BLACK;
            case URGENT -> palette.onDanger();
        };
    }

    /** Returns the icon of {@code severity}, {@code size} pixels. */
    Icon icon(Severity severity, int size) {
        return new SeverityIcon(severity, color(severity), onColor(severity), size);
    }

    /** Returns the word for {@code severity} in the user's language. */
    String word(Severity severity) {
        return texts.text(key(severity));
    }

    /** Returns the resource key of the word for {@code severity}. */
    static String key(Severity severity) {
        return "channel.severity." + severity.name().toLowerCase(java.util.Locale.ROOT);
    }
}
