package org.habarshy.desktop.gui.i18n;

import java.awt.event.KeyEvent;

/**
 * A label's mnemonic, written in the bundle as {@code &} before the letter ({@code &Send}, {@code &Жіберу}).
 * {@code &&} is a literal ampersand.
 */
public final class Mnemonic {
    private Mnemonic() {
    }

    /** Returns {@code text} without the marker. */
    public static String strip(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '&' && i + 1 < text.length()) {
                i++;
                out.append(text.charAt(i));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Returns the index in the stripped text of the marked letter, or -1. */
    public static int index(String text) {
        int removed = 0;
        for (int i = 0; i < text.length() - 1; i++) {
            if (text.charAt(i) == '&') {
                if (text.charAt(i + 1) != '&') {
                    return i - removed;
                }
                removed++;
                i++;
            }
        }
        return -1;
    }

    /** Returns the key code of the marked letter (extended codes for Cyrillic), or {@link KeyEvent#VK_UNDEFINED}. */
    public static int keyCode(String text) {
        int index = index(text);
        if (index < 0) {
            return KeyEvent.VK_UNDEFINED;
        }
        return KeyEvent.getExtendedKeyCodeForChar(strip(text).charAt(index));
    }
}
