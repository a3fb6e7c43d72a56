package org.habarshy.desktop.gui.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.habarshy.desktop.gui.model.Language;

/**
 * The app's texts in one language, from {@code Messages_kk/_ru/_en.properties} (UTF-8). Keys with arguments use
 * {@link MessageFormat} patterns. A missing key shows as {@code !key!} so it is seen, never as a crash.
 */
public final class Texts {
    /** Base name of the resource bundles. */
    public static final String BUNDLE = "org.habarshy.desktop.gui.i18n.Messages";

    private final Language language;
    private final ResourceBundle bundle;

    private Texts(Language language, ResourceBundle bundle) {
        this.language = language;
        this.bundle = bundle;
    }

    /** Loads the texts of {@code language}, without falling back to the JVM's default locale. */
    public static Texts of(Language language) {
        return new Texts(language, bundle(language.locale()));
    }

    /** Loads the raw bundle for {@code locale}; used by the bundle tests. */
    public static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** Returns the language. */
    public Language language() {
        return language;
    }

    /** Returns the locale, for formatting dates and numbers. */
    public Locale locale() {
        return language.locale();
    }

    /** Returns the text for {@code key}, without the mnemonic marker {@code &}. */
    public String text(String key) {
        return Mnemonic.strip(raw(key));
    }

    /** Returns the text for {@code key} as stored, with its mnemonic marker, if any. */
    public String raw(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }

    /** Returns the pattern {@code key} filled with {@code args}. */
    public String format(String key, Object... args) {
        return new MessageFormat(raw(key), locale()).format(args);
    }

    /** Returns whether {@code key} exists. */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }
}
