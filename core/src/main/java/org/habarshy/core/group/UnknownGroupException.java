package org.habarshy.core.group;

/** No group, or more than one, answers to the name or id prefix the user gave. */
public final class UnknownGroupException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message for the user. */
    public UnknownGroupException(String message) {
        super(message);
    }
}
