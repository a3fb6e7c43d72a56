package org.habarshy.relay.config;

/** A configuration file that cannot be used; the message names the key and what is wrong. */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message for the operator. */
    public ConfigException(String message) {
        super(message);
    }
}
