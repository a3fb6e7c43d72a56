package org.habarshy.core.message;

import java.util.Optional;
import org.habarshy.core.crypto.EnvelopeFormat;
import org.habarshy.core.crypto.EnvelopeHeader;
import org.habarshy.core.crypto.MalformedEnvelopeException;
import org.habarshy.core.routing.Rejection;
import org.habarshy.core.sync.EnvelopeRecord;
import org.habarshy.core.sync.SyncLimits;

/**
 * The checks every node applies to an envelope from a peer before storing it (docs/PROTOCOL.md §3,
 * "Acceptance"): size, header, hop limit, expiry, clock skew and lifetime. Pure; no I/O.
 */
final class EnvelopeAcceptance {
    private EnvelopeAcceptance() {
    }

    /** The outcome: the parsed header of an acceptable envelope, or why it is refused. */
    record Verdict(Optional<EnvelopeHeader> header, Optional<Rejection> rejection) {
        static Verdict accept(EnvelopeHeader header) {
            return new Verdict(Optional.of(header), Optional.empty());
        }

        static Verdict refuse(Rejection reason) {
            return new Verdict(Optional.empty(), Optional.of(reason));
        }
    }

    /** Checks {@code record} at time {@code now} (Unix ms). */
    static Verdict check(EnvelopeRecord record, long now) {
        byte[] bytes = record.envelope();
        if (bytes.length > EnvelopeFormat.MAX_BYTES) {
            return Verdict.refuse(Rejection.OVERSIZED);
        }
        EnvelopeHeader header;
        try {
            header = EnvelopeFormat.parseHeader(bytes);
        } catch (MalformedEnvelopeException e) {
            return Verdict.refuse(Rejection.MALFORMED);
        }
        if (record.hops() >= SyncLimits.MAX_HOPS) {
            return Verdict.refuse(Rejection.TOO_MANY_HOPS);
        }
        if (header.expiresAt() <= now) {
            return Verdict.refuse(Rejection.EXPIRED);
        }
        if (header.createdAt() > now + MessageLimits.MAX_CLOCK_SKEW.toMillis()) {
            return Verdict.refuse(Rejection.FUTURE);
        }
        if (header.expiresAt() - header.createdAt() > MessageLimits.MAX_TTL.toMillis()) {
            return Verdict.refuse(Rejection.TOO_LONG_LIVED);
        }
        return Verdict.accept(header);
    }
}
