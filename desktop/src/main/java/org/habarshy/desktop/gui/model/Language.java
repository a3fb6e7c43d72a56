package org.habarshy.desktop.gui.model;

import java.util.Locale;

/** The languages the app speaks; every one has a complete resource bundle. */
public enum Language {
    /** Kazakh (Cyrillic). */
    KK("kk"),
    /** Russian. */
    RU("ru"),
    /** English. */
    EN("en");

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    /** Returns the locale whose bundle holds this language's texts. */
    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }

    /** Returns the BCP 47 tag stored in the settings file. */
    public String tag() {
        return tag;
    }

    /** Returns the language with this tag, or {@code fallback} for an unknown one. */
    public static Language ofTag(String tag, Language fallback) {
        for (Language language : values()) {
            if (language.tag.equalsIgnoreCase(tag)) {
                return language;
            }
        }
        return fallback;
    }
}
