package org.habarshy.core.sim;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.habarshy.core.api.message.EnvelopeId;
import org.habarshy.core.api.message.TextContent;
import org.habarshy.core.crypto.AgreementKeyPair;
import org.habarshy.core.crypto.EnvelopeFormat;
import org.habarshy.core.crypto.EnvelopeOpener;
import org.habarshy.core.crypto.EnvelopeSealer;
import org.habarshy.core.crypto.SigningKeyPair;
import org.habarshy.core.wire.ContentCodec;

/**
 * The messages of one simulation, sealed once with the real envelope sealer and shared (read-only) by every policy
 * run: sources and recipients drawn uniformly, creation times uniform over a window, texts of 1 to 40 words.
 * Simulated identities are derived from the seed (so runs repeat byte for byte); they are never real keys.
 */
public final class Workload {
    /** Virtual time 0: 5 January 2022, 00:00 UTC, the day the internet went dark in Kazakhstan. */
    public static final long EPOCH_MILLIS = 1_641_340_800_000L;
    /** Offset of the ephemeral public key in an envelope; it is unique per envelope, so it serves as a lookup key. */
    private static final int EPHEMERAL_OFFSET = 18;
    private static final String[] WORDS = {"сәлем", "привет", "hello", "where", "are", "you", "мы", "дома", "all",
        "safe", "internet", "жоқ", "нет", "связи", "meet", "at", "the", "market", "tomorrow", "10:00", "bread",
        "water", "мама", "папа", "ok", "жақсы", "хорошо", "call", "when", "you", "can"};

    private final List<SimMessage> messages;
    private final byte[][] envelopes;
    private final AgreementKeyPair[] agreementKeys;
    private final Map<EnvelopeId, Integer> byId = new HashMap<>();
    private final Map<Long, Integer> byEphemeral = new HashMap<>();

    private Workload(List<SimMessage> messages, byte[][] envelopes, AgreementKeyPair[] agreementKeys) {
        this.messages = List.copyOf(messages);
        this.envelopes = envelopes;
        this.agreementKeys = agreementKeys;
        for (SimMessage m : messages) {
            byId.put(m.id(), m.index());
            byEphemeral.put(ephemeralPrefix(envelopes[m.index()]), m.index());
        }
    }

    /**
     * Creates {@code count} messages among {@code nodes} nodes, created uniformly in [0, window) and expiring
     * {@code ttlMillis} after creation, sorted by creation time.
     */
    public static Workload generate(int nodes, int count, long windowMillis, long ttlMillis, long seed) {
        if (nodes < 2 || count < 0 || windowMillis <= 0 || ttlMillis <= 0) {
            throw new IllegalArgumentException("invalid workload parameters");
        }
        SplittableRandom random = new SplittableRandom(seed);
        SigningKeyPair[] signing = new SigningKeyPair[nodes];
        AgreementKeyPair[] agreement = new AgreementKeyPair[nodes];
        for (int i = 0; i < nodes; i++) {
            signing[i] = SigningKeyPair.fromSeed(bytes(random, SigningKeyPair.SEED_BYTES));
            agreement[i] = AgreementKeyPair.fromPrivateKey(bytes(random, AgreementKeyPair.PRIVATE_KEY_BYTES));
        }
        long[] created = new long[count];
        for (int i = 0; i < count; i++) {
            created[i] = random.nextLong(windowMillis);
        }
        Arrays.sort(created);
        EnvelopeSealer[] sealers = new EnvelopeSealer[nodes];
        SecureRandom ephemerals = deterministic(random.nextLong());
        ContentCodec codec = new ContentCodec();
        List<SimMessage> messages = new ArrayList<>(count);
        byte[][] envelopes = new byte[count][];
        for (int i = 0; i < count; i++) {
            int source = random.nextInt(nodes);
            int recipient = random.nextInt(nodes - 1);
            if (recipient >= source) {
                recipient++;
            }
            if (sealers[source] == null) {
                sealers[source] = new EnvelopeSealer(signing[source], agreement[source], ephemerals);
            }
            long createdAt = EPOCH_MILLIS + created[i];
            byte[] content = codec.encode(new TextContent(text(random), createdAt));
            byte[] envelope = sealers[source].seal(agreement[recipient].publicKey(), content, createdAt,
                    createdAt + ttlMillis);
            envelopes[i] = envelope;
            messages.add(new SimMessage(i, source, recipient, created[i], created[i] + ttlMillis,
                    EnvelopeFormat.idOf(envelope), envelope.length));
        }
        return new Workload(messages, envelopes, agreement);
    }

    private static SecureRandom deterministic(long seed) {
        try {
            // Seeded before first use, SHA1PRNG is a deterministic stream: simulated ephemeral keys only.
            SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
            r.setSeed(seed);
            return r;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA1PRNG is part of every JDK", e);
        }
    }

    private static byte[] bytes(SplittableRandom random, int length) {
        byte[] out = new byte[length];
        random.nextBytes(out);
        return out;
    }

    private static String text(SplittableRandom random) {
        int words = 1 + random.nextInt(40);
        StringBuilder b = new StringBuilder();
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                b.append(' ');
            }
            b.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return b.toString();
    }

    private static long ephemeralPrefix(byte[] envelope) {
        long v = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            v = (v << 8) | (envelope[EPHEMERAL_OFFSET + i] & 0xff);
        }
        return v;
    }

    /** Returns the messages in creation order. */
    public List<SimMessage> messages() {
        return messages;
    }

    /** Returns the number of messages. */
    public int size() {
        return messages.size();
    }

    /** Returns the number of nodes. */
    public int nodes() {
        return agreementKeys.length;
    }

    /** Returns message {@code index}. */
    public SimMessage message(int index) {
        return messages.get(index);
    }

    /** Returns the sealed envelope of message {@code index}; callers must not modify it. */
    byte[] envelope(int index) {
        return envelopes[index];
    }

    /** Returns the index of the message with envelope id {@code id}. */
    Optional<Integer> indexOf(EnvelopeId id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Returns the index of the message whose envelope is exactly {@code envelope}. */
    Optional<Integer> indexOf(byte[] envelope) {
        if (envelope.length < EPHEMERAL_OFFSET + Long.BYTES) {
            return Optional.empty();
        }
        Integer index = byEphemeral.get(ephemeralPrefix(envelope));
        if (index != null && Arrays.equals(envelopes[index], envelope)) {
            return Optional.of(index);
        }
        return indexOf(EnvelopeFormat.idOf(envelope));
    }

    /** Returns an opener for {@code node}'s envelopes: how a recipient recognises its own by trial decryption. */
    EnvelopeOpener openerFor(int node) {
        return new EnvelopeOpener(agreementKeys[node]);
    }

    /** Returns the total bytes of all envelopes. */
    public long totalBytes() {
        long total = 0;
        for (byte[] e : envelopes) {
            total += e.length;
        }
        return total;
    }

}
