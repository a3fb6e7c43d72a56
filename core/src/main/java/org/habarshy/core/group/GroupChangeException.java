package org.habarshy.core.group;

/** A membership change or group operation that was refused, with the reason (docs/PROTOCOL.md §11.2). */
public final class GroupChangeException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Reason {
        /** This user is not (or no longer) a member of the group. */
        NOT_A_MEMBER,
        /** The change does not decode or breaks a bound. */
        MALFORMED,
        /** The signature does not verify under the key the change names. */
        FORGED,
        /** The signer is not an admin of the state the change applies to. */
        NOT_ADMIN,
        /** The change does not follow the current state (another change was applied at its epoch first). */
        CONFLICT,
        /** The change follows one this user has not received yet (it is kept and applied when that one comes). */
        AHEAD,
        /** The change was applied already or is older than the current state. */
        REPLAY,
        /** The change is for a group this user does not know and is not a creation. */
        UNKNOWN_GROUP,
        /** The change contradicts the state: adds a member twice, removes a non-member, removes the last admin. */
        INVALID
    }

    private final Reason reason;

    /** Creates the exception. */
    public GroupChangeException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** Returns why. */
    public Reason reason() {
        return reason;
    }
}
