package org.habarshy.desktop.gui.model;

/** The colour themes the app offers. */
public enum Theme {
    /** Light background, dark text. */
    LIGHT,
    /** Dark background, light text. */
    DARK,
    /** Black background, white and yellow text, thick focus rings: for low vision. */
    HIGH_CONTRAST
}
