package org.habarshy.desktop.gui.model;

/**
 * One relay in the settings list.
 *
 * @param name the user's name for it
 * @param address {@code host:port}
 * @param keepsMailboxes whether its relay code has a mailbox key
 * @param mailboxCode the user's mailbox code there if registered, else empty
 */
public record RelayRow(String name, String address, boolean keepsMailboxes, String mailboxCode) {
}
