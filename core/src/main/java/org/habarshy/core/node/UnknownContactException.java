package org.habarshy.core.node;

/** No contact has the given alias. */
public final class UnknownContactException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Creates the exception for {@code alias}. */
    public UnknownContactException(String alias) {
        super("no contact with alias '" + alias + "'; add one with 'habarshy contact add CODE --alias " + alias + "'");
    }
}
