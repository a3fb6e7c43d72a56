package org.habarshy.core.api.attachment;

/** Whether a file is whole on this device. Outgoing files are always {@link #COMPLETE}. */
public enum AttachmentState {
    /** Some chunks (or the manifest) have not arrived yet; the file completes when they do. */
    PARTIAL("partial"),
    /** Every chunk arrived and the whole file matches the manifest's SHA-256. */
    COMPLETE("complete"),
    /** The chunks did not match the manifest (wrong hash or length); the chunks were dropped. */
    FAILED("failed");

    private final String label;

    AttachmentState(String label) {
        this.label = label;
    }

    /** Returns the stable lower-case name used by the CLI. */
    public String label() {
        return label;
    }
}
