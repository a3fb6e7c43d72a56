package org.habarshy.core.api.message;

import java.util.Objects;

/**
 * An <b>unencrypted</b> SMS this user asked an SMS relay to send to a phone without Habarshy, as kept in the history.
 * The operator, the SMS centre, the relay and anyone with the phone can read it.
 *
 * @param id the id of the sealed envelope that carried the request to the relay
 * @param number the phone number it was sent to
 * @param text the text, as sent in clear
 * @param sentAt when the user sent it, Unix milliseconds
 */
public record PlainSms(EnvelopeId id, String number, String text, long sentAt) {
    /** Checks no component is null. */
    public PlainSms {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(text, "text");
    }

    /** Names neither the number nor the text. */
    @Override
    public String toString() {
        return "PlainSms[" + id + "]";
    }
}
