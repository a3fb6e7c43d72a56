package org.habarshy.core.sync.reconcile;

/** Mode numbers of ranges on the wire (docs/PROTOCOL.md, section 7). */
final class WireModes {
    static final int SKIP = 0;
    static final int FINGERPRINT = 1;
    static final int ID_LIST = 2;
    static final int DIFFERENCE = 3;

    private WireModes() {
    }
}
