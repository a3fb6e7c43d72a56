package org.habarshy.desktop.gui.model;

import org.habarshy.core.api.identity.Contact;

/**
 * One row of the contact list.
 *
 * @param contact the stored contact
 * @param safetyNumber its safety number, to compare in person
 * @param unread incoming messages not yet seen in this app
 * @param lastText the newest message with this contact, or empty
 * @param lastAt when the newest message was written, Unix ms, or 0
 */
public record ContactSummary(Contact contact, String safetyNumber, int unread, String lastText, long lastAt) {
    /** Returns the local alias. */
    public String alias() {
        return contact.alias();
    }
}
