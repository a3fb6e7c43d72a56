package org.habarshy.core.node;

import java.util.Objects;

/**
 * A contact code was added under the alias of an existing contact whose identity key differs: either the
 * contact made a new identity (a new device, a reinstall) or someone is impersonating them. Nothing was changed.
 */
public final class ContactKeyChangedException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String alias;
    private final String oldSafetyNumber;
    private final String newSafetyNumber;

    /** Creates the exception for {@code alias} and the safety numbers of the saved and the offered key. */
    public ContactKeyChangedException(String alias, String oldSafetyNumber, String newSafetyNumber,
                                      boolean wasVerified) {
        super("WARNING: the identity key of contact '" + alias + "' would change (safety number "
                + oldSafetyNumber + (wasVerified ? ", verified" : ", not verified") + " -> " + newSafetyNumber
                + "). This happens when they reinstalled or changed device, or when someone impersonates them."
                + " Nothing was changed. Compare the new safety number with them in person or by phone, then"
                + " add the code again with --replace");
        this.alias = Objects.requireNonNull(alias, "alias");
        this.oldSafetyNumber = Objects.requireNonNull(oldSafetyNumber, "oldSafetyNumber");
        this.newSafetyNumber = Objects.requireNonNull(newSafetyNumber, "newSafetyNumber");
    }

    /** Returns the alias of the existing contact. */
    public String alias() {
        return alias;
    }

    /** Returns the safety number of the key saved now. */
    public String oldSafetyNumber() {
        return oldSafetyNumber;
    }

    /** Returns the safety number of the key in the offered code. */
    public String newSafetyNumber() {
        return newSafetyNumber;
    }
}
