package org.habarshy.desktop.gui.view;

import org.habarshy.desktop.gui.i18n.Texts;
import org.habarshy.desktop.gui.model.UserError;

/** Turns a {@link UserError} into the text shown. */
final class Errors {
    private Errors() {
    }

    static String text(Texts texts, UserError error) {
        String headline = texts.text(error.key());
        return error.detail().isBlank() ? headline : headline + " (" + error.detail() + ")";
    }
}
