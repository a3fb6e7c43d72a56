package org.habarshy.core.compact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.habarshy.core.api.message.EnvelopeId;
import org.habarshy.core.api.message.ReceiptContent;

/**
 * The receipt plaintext of a compact message (content type 1, docs/PROTOCOL.md §15.2): {@code 0x10 || kind || n ||
 * n × 32-byte envelope id}, kind 1 delivered or 2 read, n 1..{@value #MAX_IDS}, so that a sealed receipt always fits
 * one 8-bit SMS (32 + 3 + 96 = 131 bytes at most). Nothing may follow the last id.
 */
public final class CompactReceiptCodec {
    /** First byte: content type 1 (receipt), method 0. */
    public static final int HEADER = 0x10;
    /** Most ids in one compact receipt. */
    public static final int MAX_IDS = 3;
    private static final int ID_BYTES = 32;

    /** Returns true if {@code plaintext} is of the receipt content type (whatever its method). */
    public static boolean isReceipt(byte[] plaintext) {
        return plaintext.length > 0 && (plaintext[0] & 0xF0) == HEADER;
    }

    /** Encodes {@code receipt}; throws IllegalArgumentException if it names more than {@value #MAX_IDS} ids. */
    public byte[] encode(ReceiptContent receipt) {
        Objects.requireNonNull(receipt, "receipt");
        List<EnvelopeId> ids = receipt.acknowledged();
        if (ids.size() > MAX_IDS) {
            throw new IllegalArgumentException("a compact receipt names at most " + MAX_IDS + " messages");
        }
        byte[] out = new byte[3 + ID_BYTES * ids.size()];
        out[0] = (byte) HEADER;
        out[1] = (byte) (receipt.kind() == ReceiptContent.Kind.READ ? 2 : 1);
        out[2] = (byte) ids.size();
        for (int i = 0; i < ids.size(); i++) {
            System.arraycopy(ids.get(i).bytes(), 0, out, 3 + ID_BYTES * i, ID_BYTES);
        }
        return out;
    }

    /** Decodes a receipt plaintext; anything else than the layout above is refused. */
    public ReceiptContent decode(byte[] plaintext) throws MalformedCompactTextException {
        if (plaintext == null || plaintext.length < 3 || (plaintext[0] & 0xFF) != HEADER) {
            throw new MalformedCompactTextException("not a compact receipt");
        }
        ReceiptContent.Kind kind = switch (plaintext[1]) {
            case 1 -> ReceiptContent.Kind.DELIVERED;
            case 2 -> ReceiptContent.Kind.READ;
            default -> throw new MalformedCompactTextException("unknown compact receipt kind");
        };
        int n = plaintext[2] & 0xFF;
        if (n < 1 || n > MAX_IDS || plaintext.length != 3 + ID_BYTES * n) {
            throw new MalformedCompactTextException("compact receipt length does not match its id count");
        }
        List<EnvelopeId> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(new EnvelopeId(Arrays.copyOfRange(plaintext, 3 + ID_BYTES * i, 3 + ID_BYTES * (i + 1))));
        }
        return new ReceiptContent(kind, ids);
    }
}
