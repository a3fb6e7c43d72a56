package org.habarshy.relay.sms;

import java.util.Objects;
import java.util.regex.Pattern;
import org.habarshy.relay.sms.gateway.PhoneNumber;

/**
 * Another relay reachable by SMS, from the config key {@code sms.peer.<name>=<number>}. The name appears in logs,
 * status and the store's cursor; the number only goes to the gateway ({@link #toString()} prints no digit).
 *
 * @param name a-z, 0-9, {@code _} and {@code -}, at most 32 characters
 * @param number the peer relay's SMS number
 */
public record SmsPeer(String name, PhoneNumber number) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9_-]{1,32}");

    /** Checks the name and that the number is present. */
    public SmsPeer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(number, "number");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("SMS peer names are 1..32 of a-z 0-9 _ -");
        }
    }

    /** Returns the name of this peer's forwarding cursor in the SMS store. */
    public String cursorName() {
        return "peer:" + name;
    }

    /** Returns the budget origin that forwarding to this peer is charged to ({@code sms.budget.per-origin}). */
    public String origin() {
        return "peer:" + name;
    }

    @Override
    public String toString() {
        return "SmsPeer[" + name + "]";
    }
}
