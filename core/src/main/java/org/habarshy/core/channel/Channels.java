package org.habarshy.core.channel;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.habarshy.core.api.message.EnvelopeId;
import org.habarshy.core.crypto.ChannelPostFormat;
import org.habarshy.core.crypto.EnvelopeFormat;
import org.habarshy.core.crypto.InvalidChannelPostException;
import org.habarshy.core.crypto.InvalidChannelPostException.Reason;
import org.habarshy.core.crypto.OpenedChannelPost;
import org.habarshy.core.crypto.SigningKeyPair;
import org.habarshy.core.crypto.SubscriberSecret;
import org.habarshy.core.store.ChannelStore;
import org.habarshy.core.store.ChannelStore.HeldEnvelope;
import org.habarshy.core.store.Database;
import org.habarshy.core.store.EnvelopeStore;
import org.habarshy.core.store.FieldCipher;
import org.habarshy.core.store.SettingsStore;
import org.habarshy.core.store.StoreException;
import org.habarshy.core.store.StoreThread;
import org.habarshy.core.store.StoredChannel;
import org.habarshy.core.store.StoredChannelPost;
import org.habarshy.core.store.StoredEnvelope;

/**
 * One account's broadcast channels (docs/PROTOCOL.md §12): create, subscribe with a channel code, share the code or
 * the posting key, post (with the key) and read verified posts. Posts travel as ordinary envelopes of kind 0x03:
 * every node stores and forwards them whether or not it follows the channel; {@link #refresh()} walks the envelopes
 * held since the last walk, keeps those of followed channels whose signature verifies (and, for private channels,
 * that decrypt), and says why it refused the others. Get it from {@code Account.channels()}. Thread-safe; call it
 * from any thread except the account's store thread (GUI: from background work, never the event thread).
 */
public final class Channels {
    /** Longest post text, in UTF-8 bytes. */
    public static final int MAX_TEXT_BYTES = ChannelPostFormat.MAX_TEXT_BYTES;
    /** Settings key of the envelope position {@link #refresh()} has walked up to. */
    static final String CURSOR = "channel-scan-cursor";
    /** Settings key of a counter that changes whenever a channel is added (and the walk must start again). */
    static final String GENERATION = "channel-scan-generation";
    private static final int SCAN_BATCH = 256;

    private final StoreThread store;
    private final ChannelStore channels;
    private final EnvelopeStore envelopes;
    private final SettingsStore settings = new SettingsStore();
    private final Clock clock;
    private final SecureRandom random;
    private final Runnable newEnvelope;
    private final ChannelCodes codes = new ChannelCodes();

    /**
     * Creates the channels of an account; {@code newEnvelope} runs on the store thread after a post was stored, so
     * that a running node offers it at once. Made by the account.
     */
    public Channels(Database db, ExecutorService storeExecutor, FieldCipher cipher, EnvelopeStore envelopes,
                    Clock clock, SecureRandom random, Runnable newEnvelope) {
        this.store = new StoreThread(db, storeExecutor);
        this.channels = new ChannelStore(cipher);
        this.envelopes = Objects.requireNonNull(envelopes, "envelopes");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.newEnvelope = Objects.requireNonNull(newEnvelope, "newEnvelope");
    }

    /**
     * Creates a channel named {@code name} with a new key pair (and, if {@code isPrivate}, a new subscriber secret);
     * this account follows it and holds its posting key, which stays on this device unless exported.
     */
    public ChannelInfo create(String name, boolean isPrivate)
            throws ChannelException, InvalidChannelCodeException, StoreException {
        ChannelCodes.checkName(name);
        SigningKeyPair pair = SigningKeyPair.generate(random);
        Optional<SubscriberSecret> secret = isPrivate ? Optional.of(SubscriberSecret.generate(random))
                : Optional.empty();
        return add(new ChannelCode(name, new ChannelKey(pair.publicKey().bytes()), secret, Optional.of(pair)),
                name);
    }

    /** Follows the channel of {@code code} under {@code alias} (or the name in the code). */
    public ChannelInfo subscribe(String code, Optional<String> alias)
            throws ChannelException, InvalidChannelCodeException, StoreException {
        ChannelCode decoded = codes.decodeCode(code);
        return add(decoded, alias.orElse(decoded.name()));
    }

    /**
     * Imports a posting key: follows its channel if not followed yet (under {@code alias} or the name in it), and
     * from now on this device may post to it.
     */
    public ChannelInfo importPostingKey(String postingKey, Optional<String> alias)
            throws ChannelException, InvalidChannelCodeException, StoreException {
        ChannelCode decoded = codes.decodePostingKey(postingKey);
        byte[] key = decoded.key().bytes();
        byte[] seed = decoded.postingKey().orElseThrow().exportSeed();
        Optional<StoredChannel> existing = store.read(t -> channels.byKey(t, key));
        if (existing.isEmpty()) {
            return add(decoded, alias.orElse(decoded.name()));
        }
        store.write(t -> channels.setPostingSeed(t, key, seed));
        java.util.Arrays.fill(seed, (byte) 0);
        return info(existing.get().name());
    }

    private ChannelInfo add(ChannelCode code, String name)
            throws ChannelException, InvalidChannelCodeException, StoreException {
        ChannelCodes.checkName(name);
        byte[] key = code.key().bytes();
        Optional<byte[]> seed = code.postingKey().map(SigningKeyPair::exportSeed);
        StoredChannel row = new StoredChannel(key, name, code.isPrivate(), code.secret().map(SubscriberSecret::export),
                seed, clock.millis());
        String refusal = store.write(t -> {
            if (channels.byKey(t, key).isPresent()) {
                return "you already follow this channel, as \"" + channels.byKey(t, key).get().name() + "\"";
            }
            if (!channels.insert(t, row)) {
                return "a channel named \"" + name + "\" exists already; choose another name";
            }
            // Posts already held for the new channel become visible: the walk starts again, and a walk under way
            // (another thread or process) sees the new generation and does not move the position.
            settings.put(t, CURSOR, "0");
            settings.put(t, GENERATION, Long.toString(readLong(t, GENERATION) + 1));
            return null;
        });
        seed.ifPresent(s -> java.util.Arrays.fill(s, (byte) 0));
        if (refusal != null) {
            throw new ChannelException(refusal);
        }
        return info(name);
    }

    /** Stops following the channel {@code name} and forgets its posts and keys. */
    public void unsubscribe(String name) throws ChannelException, StoreException {
        if (!store.write(t -> channels.delete(t, name))) {
            throw unknown(name);
        }
    }

    /** Returns the channels this account follows, by name, with their unread counts. */
    public List<ChannelInfo> list() throws StoreException {
        long now = clock.millis();
        return store.read(t -> {
            List<ChannelInfo> out = new ArrayList<>();
            for (StoredChannel c : channels.all(t)) {
                out.add(info(c, channels.unreadCount(t, c.key(), now)));
            }
            return out;
        });
    }

    /** Returns the channel {@code name}. */
    public ChannelInfo info(String name) throws ChannelException, StoreException {
        long now = clock.millis();
        Optional<ChannelInfo> found = store.read(t -> {
            Optional<StoredChannel> c = channels.byName(t, name);
            if (c.isEmpty()) {
                return Optional.<ChannelInfo>empty();
            }
            return Optional.of(info(c.get(), channels.unreadCount(t, c.get().key(), now)));
        });
        return found.orElseThrow(() -> unknown(name));
    }

    /** Returns the channel code others use to follow {@code name} (for a private channel it holds the secret). */
    public String code(String name) throws ChannelException, StoreException {
        StoredChannel c = channel(name);
        return codes.code(c.name(), new ChannelKey(c.key()), c.secret().map(SubscriberSecret::of));
    }

    /** Returns the posting key of {@code name}: whoever holds it can post as the channel. */
    public String exportPostingKey(String name) throws ChannelException, StoreException {
        StoredChannel c = channel(name);
        byte[] seed = c.postingSeed().orElseThrow(() -> noPostingKey(name));
        try {
            return codes.postingKey(c.name(), SigningKeyPair.fromSeed(seed), c.secret().map(SubscriberSecret::of));
        } finally {
            java.util.Arrays.fill(seed, (byte) 0);
        }
    }

    /** Posts {@code text} to {@code name} with the default lifetime of three days. */
    public ChannelPost post(String name, Severity severity, String text) throws ChannelException, StoreException {
        return post(name, severity, text, PostLifetime.DEFAULT);
    }

    /**
     * Signs (and for a private channel encrypts) {@code text} as a post of {@code name} and stores it durably, to
     * be carried like any envelope; it lives {@code lifetime} (1 minute to 30 days).
     *
     * @throws ChannelException if there is no such channel or this device does not hold its posting key
     * @throws IllegalArgumentException if the text is empty or longer than 4096 UTF-8 bytes, or the lifetime is out
     *     of range
     */
    public ChannelPost post(String name, Severity severity, String text, Duration lifetime)
            throws ChannelException, StoreException {
        Objects.requireNonNull(severity, "severity");
        if (lifetime.compareTo(Duration.ofMinutes(1)) < 0 || lifetime.compareTo(PostLifetime.MAX) > 0) {
            throw new IllegalArgumentException("a post lives between 1 minute and 30 days");
        }
        StoredChannel c = channel(name);
        byte[] seed = c.postingSeed().orElseThrow(() -> noPostingKey(name));
        SigningKeyPair pair = SigningKeyPair.fromSeed(seed);
        java.util.Arrays.fill(seed, (byte) 0);
        long now = clock.millis();
        long sequence = Math.max(now, store.read(t -> channels.maxSequence(t, c.key())) + 1);
        long expiresAt = now + lifetime.toMillis();
        byte[] bytes = ChannelPostFormat.seal(pair, c.secret().map(SubscriberSecret::of), sequence,
                severity.code(), text, now, expiresAt, random);
        EnvelopeId id = EnvelopeFormat.idOf(bytes);
        StoredChannelPost row = new StoredChannelPost(id, c.key(), sequence, severity.code(), now, expiresAt, text,
                now, true);
        ChannelStore.PostInsert result = store.write(t -> {
            ChannelStore.PostInsert inserted = channels.insertPost(t, row);
            if (inserted == ChannelStore.PostInsert.ADDED) {
                envelopes.insert(t, new StoredEnvelope(id, bytes, now, expiresAt, 0, now));
            }
            return inserted;
        });
        if (result != ChannelStore.PostInsert.ADDED) {
            throw new ChannelException("another post of this channel took the same sequence number; try again");
        }
        store.execute(newEnvelope);
        return new ChannelPost(c.name(), id, sequence, severity, now, expiresAt, text, true);
    }

    /** Returns the newest {@code limit} unexpired posts of {@code name}, oldest first; marks nothing. */
    public List<ChannelPost> posts(String name, int limit) throws ChannelException, StoreException {
        StoredChannel c = channel(name);
        long now = clock.millis();
        List<StoredChannelPost> rows = store.read(t -> channels.posts(t, c.key(), now, limit));
        List<ChannelPost> out = new ArrayList<>(rows.size());
        for (StoredChannelPost p : rows) {
            out.add(toPost(c.name(), p));
        }
        return out;
    }

    /** Marks every post of {@code name} as seen; returns how many were unread. */
    public int markRead(String name) throws ChannelException, StoreException {
        StoredChannel c = channel(name);
        return store.write(t -> channels.markRead(t, c.key()));
    }

    /**
     * Verifies and stores the posts of followed channels among the envelopes this node received since the last
     * call, and deletes expired posts. Crypto runs on the calling thread, the database on the store thread.
     */
    public RefreshResult refresh() throws StoreException {
        List<ChannelPost> added = new ArrayList<>();
        Map<Reason, Integer> refused = new EnumMap<>(Reason.class);
        long now = clock.millis();
        // A read transaction when nothing changed: the GUI calls this every second.
        Position position = store.read(t -> new Position(readLong(t, CURSOR), readLong(t, GENERATION),
                envelopes.maxSeq(t), channels.hasExpiredPosts(t, now)));
        if (position.expiredPosts()) {
            store.write(t -> channels.deleteExpiredPosts(t, now));
        }
        long cursor = position.cursor();
        long upTo = position.upTo();
        if (cursor >= upTo) {
            return new RefreshResult(added, refused);
        }
        List<Followed> followed = new ArrayList<>();
        for (StoredChannel c : store.read(channels::all)) {
            followed.add(new Followed(c, c.secret().map(SubscriberSecret::of)));
        }
        if (followed.isEmpty()) {
            store.write(t -> advance(t, position.generation(), upTo));
            return new RefreshResult(added, refused);
        }
        while (cursor < upTo) {
            long from = cursor;
            List<HeldEnvelope> batch = store.read(t -> channels.postEnvelopes(t, from, upTo, now, SCAN_BATCH));
            List<Verified> verified = new ArrayList<>();
            for (HeldEnvelope held : batch) {
                verify(held, followed, now, refused).ifPresent(verified::add);
            }
            long next = batch.size() < SCAN_BATCH ? upTo : batch.get(batch.size() - 1).seq();
            boolean advanced = store.write(t -> {
                if (!advance(t, position.generation(), next)) {
                    return false; // a channel was added meanwhile: the next walk starts again from 0
                }
                for (Verified v : verified) {
                    ChannelStore.PostInsert result = channels.insertPost(t, v.row());
                    if (result == ChannelStore.PostInsert.ADDED) {
                        added.add(toPost(v.channel().name(), v.row()));
                    } else if (result == ChannelStore.PostInsert.SEQUENCE_TAKEN) {
                        refused.merge(Reason.REPLAYED, 1, Integer::sum);
                    }
                }
                return true;
            });
            if (!advanced) {
                break;
            }
            cursor = next;
        }
        return new RefreshResult(added, refused);
    }

    /**
     * Moves the walk position to {@code to} unless a channel was added since the walk began ({@code generation}
     * changed: the walk must start again, and that must not be lost); returns whether it moved.
     */
    private boolean advance(org.habarshy.core.store.Transaction t, long generation, long to) throws StoreException {
        if (readLong(t, GENERATION) != generation) {
            return false;
        }
        settings.put(t, CURSOR, Long.toString(to));
        return true;
    }

    /** Returns a non-negative number setting; missing or damaged reads as 0 (the walk then starts again). */
    private long readLong(org.habarshy.core.store.Transaction t, String name) throws StoreException {
        try {
            return Math.max(0, settings.get(t, name).map(Long::parseLong).orElse(0L));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Finds the followed channel {@code held} belongs to and opens it; counts a refusal by reason. */
    private Optional<Verified> verify(HeldEnvelope held, List<Followed> followed, long now,
                                      Map<Reason, Integer> refused) {
        byte[] bytes = held.bytes();
        try {
            byte[] field = ChannelPostFormat.channelField(bytes);
            boolean isPrivate = ChannelPostFormat.mode(bytes) == ChannelPostFormat.MODE_PRIVATE;
            for (Followed f : followed) {
                StoredChannel c = f.channel();
                Optional<SubscriberSecret> secret = f.secret();
                boolean candidate = isPrivate
                        ? secret.isPresent() && secret.get().matchesTag(field)
                        : secret.isEmpty() && java.security.MessageDigest.isEqual(field, c.key());
                if (!candidate) {
                    continue;
                }
                OpenedChannelPost opened = ChannelPostFormat.open(bytes,
                        new org.habarshy.core.api.identity.IdentityKey(c.key()), secret);
                PostLifetime.check(opened, now);
                return Optional.of(new Verified(c, new StoredChannelPost(held.id(), c.key(), opened.sequence(),
                        opened.severity(), opened.createdAt(), opened.expiresAt(), opened.text(), now, false)));
            }
        } catch (InvalidChannelPostException e) {
            refused.merge(e.reason(), 1, Integer::sum);
        }
        return Optional.empty();
    }

    private StoredChannel channel(String name) throws ChannelException, StoreException {
        return store.read(t -> channels.byName(t, name)).orElseThrow(() -> unknown(name));
    }

    private static ChannelInfo info(StoredChannel c, int unread) {
        return new ChannelInfo(c.name(), new ChannelKey(c.key()), c.isPrivate(), c.postingSeed().isPresent(), unread);
    }

    private static ChannelPost toPost(String channel, StoredChannelPost p) {
        return new ChannelPost(channel, p.id(), p.sequence(), Severity.ofCode(p.severity()), p.createdAt(),
                p.expiresAt(), p.text(), p.read());
    }

    private static ChannelException unknown(String name) {
        return new ChannelException("no channel named \"" + name + "\"");
    }

    private static ChannelException noPostingKey(String name) {
        return new ChannelException("this device does not hold the posting key of \"" + name + "\"");
    }

    /** Where the walk stands: cursor, generation, the newest held envelope, and whether stored posts expired. */
    private record Position(long cursor, long generation, long upTo, boolean expiredPosts) {
    }

    /** A followed channel with its subscriber secret derived once per walk. */
    private record Followed(StoredChannel channel, Optional<SubscriberSecret> secret) {
    }

    /** A post that verified, with the channel it belongs to. */
    private record Verified(StoredChannel channel, StoredChannelPost row) {
    }
}
