package org.habarshy.core.compact;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.habarshy.core.api.message.ReceiptContent;
import org.habarshy.core.crypto.CompactFormat;
import org.habarshy.core.crypto.EnvelopeFormat;
import org.habarshy.core.crypto.MalformedEnvelopeException;
import org.junit.jupiter.api.Tag;

/**
 * Fuzzes the decoders of compact messages that a node runs on bytes from the mesh or from SMS (PROTOCOL.md §9.2,
 * §15): the carrier envelope, the compact text and the compact receipt. Documented outcomes: a value that re-encodes
 * to the same bytes (carrier, receipt) or a bounded text, and {@link MalformedEnvelopeException} /
 * {@link MalformedCompactTextException}; anything else is a finding.
 */
@Tag("jazzer")
class CompactDecodersFuzzTest {
    private static final CompactTextCodec TEXTS = new CompactTextCodec(new SmsCharset(),
            CompressionDictionaries.builtIn());
    private static final CompactReceiptCodec RECEIPTS = new CompactReceiptCodec();

    @FuzzTest
    void unwrapCarrier(byte[] envelope) {
        byte[] compact;
        try {
            compact = CompactCarrier.unwrap(envelope);
        } catch (MalformedEnvelopeException e) {
            return;
        }
        try {
            if (!java.util.Arrays.equals(CompactCarrier.wrap(compact), envelope)
                    || compact.length > CompactFormat.OVERHEAD_BYTES + CompactFormat.MAX_PLAINTEXT_BYTES
                    || envelope.length < EnvelopeFormat.MIN_BYTES) {
                throw new AssertionError("a carrier that does not re-wrap to itself");
            }
        } catch (MalformedEnvelopeException e) {
            throw new AssertionError("unwrapped a compact message that does not wrap", e);
        }
    }

    @FuzzTest
    void text(byte[] plaintext) {
        try {
            String text = TEXTS.decode(plaintext);
            if (text.length() > CompactTextCodec.MAX_TEXT_BYTES) {
                throw new AssertionError("decoded beyond the bound: " + text.length());
            }
        } catch (MalformedCompactTextException e) {
            // documented outcome
        }
    }

    @FuzzTest
    void receipt(byte[] plaintext) {
        ReceiptContent receipt;
        try {
            receipt = RECEIPTS.decode(plaintext);
        } catch (MalformedCompactTextException e) {
            return;
        }
        if (!java.util.Arrays.equals(RECEIPTS.encode(receipt), plaintext)) {
            throw new AssertionError("a receipt that does not re-encode to itself");
        }
    }
}
