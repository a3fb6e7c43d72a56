package org.habarshy.core.crypto;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Message keys of messages not received yet (skipped by later ones), keyed by (ratchet public key, message
 * number), oldest first. At most {@link #MAX_STORED} are kept: storing more drops the oldest. A key older than
 * {@link #LIFETIME_MILLIS} is dropped, since no envelope lives that long. Not thread-safe.
 */
final class SkippedMessageKeys {
    /** Most keys kept per session. */
    static final int MAX_STORED = 2000;
    /** How long a skipped key is kept: a day more than the longest envelope lifetime (30 days). */
    static final long LIFETIME_MILLIS = 31L * 24 * 60 * 60 * 1000;
    /** Bytes per key in the serialised form: ratchet key, number, time stored, message key. */
    static final int ENTRY_BYTES = 32 + 4 + 8 + 32;

    private final LinkedHashMap<Slot, Entry> keys = new LinkedHashMap<>();

    private record Slot(String ratchetKeyHex, long number) {
    }

    private record Entry(byte[] ratchetKey, long number, long storedAt, byte[] messageKey) {
    }

    /** Returns a deep copy. */
    SkippedMessageKeys copy() {
        SkippedMessageKeys copy = new SkippedMessageKeys();
        for (Map.Entry<Slot, Entry> e : keys.entrySet()) {
            Entry v = e.getValue();
            copy.keys.put(e.getKey(), new Entry(v.ratchetKey.clone(), v.number, v.storedAt, v.messageKey.clone()));
        }
        return copy;
    }

    /** Stores the key of message {@code number} of the chain of {@code ratchetKey}, dropping the oldest if full. */
    void put(byte[] ratchetKey, long number, byte[] messageKey, long now) {
        keys.put(slot(ratchetKey, number), new Entry(ratchetKey.clone(), number, now, messageKey.clone()));
        while (keys.size() > MAX_STORED) {
            Iterator<Entry> oldest = keys.values().iterator();
            Arrays.fill(oldest.next().messageKey, (byte) 0);
            oldest.remove();
        }
    }

    /** Removes and returns the key of that message, or null if none is stored (or it expired). */
    byte[] take(byte[] ratchetKey, long number, long now) {
        Entry e = keys.remove(slot(ratchetKey, number));
        if (e == null || now - e.storedAt > LIFETIME_MILLIS) {
            return null;
        }
        return e.messageKey;
    }

    /** Drops every key stored more than {@link #LIFETIME_MILLIS} before {@code now}. */
    void expire(long now) {
        Iterator<Entry> it = keys.values().iterator();
        while (it.hasNext()) {
            Entry e = it.next();
            if (now - e.storedAt > LIFETIME_MILLIS) {
                Arrays.fill(e.messageKey, (byte) 0);
                it.remove();
            }
        }
    }

    /** Returns how many keys are stored. */
    int size() {
        return keys.size();
    }

    /** Writes {@code count (uint16) || entries}, oldest first. */
    void writeTo(ByteBuffer out) {
        out.putShort((short) keys.size());
        for (Entry e : keys.values()) {
            out.put(e.ratchetKey).putInt((int) e.number).putLong(e.storedAt).put(e.messageKey);
        }
    }

    /** Returns the serialised length. */
    int encodedLength() {
        return 2 + keys.size() * ENTRY_BYTES;
    }

    /** Reads what {@link #writeTo} wrote; the caller checked {@code in} holds enough bytes for the count. */
    static SkippedMessageKeys readFrom(ByteBuffer in) throws RatchetException {
        int count = in.getShort() & 0xffff;
        if (count > MAX_STORED || in.remaining() != count * ENTRY_BYTES) {
            throw new RatchetException(RatchetException.Reason.MALFORMED, "saved ratchet state has a bad key count");
        }
        SkippedMessageKeys skipped = new SkippedMessageKeys();
        for (int i = 0; i < count; i++) {
            byte[] ratchetKey = new byte[32];
            in.get(ratchetKey);
            long number = in.getInt() & 0xffff_ffffL;
            long storedAt = in.getLong();
            byte[] messageKey = new byte[32];
            in.get(messageKey);
            skipped.keys.put(slot(ratchetKey, number), new Entry(ratchetKey, number, storedAt, messageKey));
        }
        return skipped;
    }

    private static Slot slot(byte[] ratchetKey, long number) {
        Objects.requireNonNull(ratchetKey, "ratchetKey");
        return new Slot(java.util.HexFormat.of().formatHex(ratchetKey), number);
    }
}
