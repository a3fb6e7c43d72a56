package org.habarshy.core.node;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.habarshy.core.api.identity.AgreementKey;
import org.habarshy.core.api.identity.Contact;
import org.habarshy.core.api.identity.ContactCard;
import org.habarshy.core.api.identity.IdentityKey;
import org.habarshy.core.api.message.EnvelopeId;
import org.habarshy.core.api.message.Message;
import org.habarshy.core.api.message.MessageState;
import org.habarshy.core.api.message.PlainSms;
import org.habarshy.core.api.message.ReceiptContent;
import org.habarshy.core.api.message.TextContent;
import org.habarshy.core.attachment.Attachments;
import org.habarshy.core.channel.Channels;
import org.habarshy.core.compact.CompactTextCodec;
import org.habarshy.core.compact.CompressionDictionaries;
import org.habarshy.core.compact.SmsCharset;
import org.habarshy.core.crypto.CompactSealer;
import org.habarshy.core.crypto.DerivedSigningKeys;
import org.habarshy.core.crypto.EnvelopeFormat;
import org.habarshy.core.crypto.EnvelopeHeader;
import org.habarshy.core.crypto.EnvelopeSealer;
import org.habarshy.core.crypto.MalformedEnvelopeException;
import org.habarshy.core.crypto.SigningKeyPair;
import org.habarshy.core.crypto.StorageCipher;
import org.habarshy.core.group.Groups;
import org.habarshy.core.identity.ContactCodes;
import org.habarshy.core.identity.IdentityFile;
import org.habarshy.core.identity.IdentityKeys;
import org.habarshy.core.identity.InvalidContactCodeException;
import org.habarshy.core.identity.SafetyNumbers;
import org.habarshy.core.message.CompactOutbox;
import org.habarshy.core.message.ForwardSecrecy;
import org.habarshy.core.message.MessageLimits;
import org.habarshy.core.message.Outbox;
import org.habarshy.core.store.ContactStore;
import org.habarshy.core.store.Database;
import org.habarshy.core.store.EnvelopeRef;
import org.habarshy.core.store.EnvelopeStore;
import org.habarshy.core.store.FieldCipher;
import org.habarshy.core.store.MessageStore;
import org.habarshy.core.store.PeerStore;
import org.habarshy.core.store.RatchetSessionStore;
import org.habarshy.core.store.SettingsStore;
import org.habarshy.core.store.SmsNumberStore;
import org.habarshy.core.store.StoreException;
import org.habarshy.core.store.StoreThread;
import org.habarshy.core.store.StoredEnvelope;
import org.habarshy.core.sms.SmsRelayRequest;
import org.habarshy.core.store.Transaction;

/**
 * One user's data directory: identity, contacts, messages and carried envelopes. Every database
 * access runs on the account's single store thread, whether or not a {@link Node} is running, so
 * callers on any thread (CLI, GUI) are safe. Several processes may open the same directory (a CLI
 * {@code send} while the node runs): SQLite's WAL mode and locking keep them consistent.
 */
public final class Account implements AutoCloseable {
    /** Database file name inside the data directory. */
    public static final String DATABASE_FILE = "habarshy.db";
    private static final char[] NO_PASSPHRASE = new char[0];
    private static final String READ_RECEIPTS = "read-receipts";
    private static final String SMS_RELAY_KEY = "sms-relay-key";
    /** HKDF label of the per-relay mailbox keys (docs/PROTOCOL.md 8.4). */
    private static final String MAILBOX_KEY_LABEL = "habarshy/v1/mailbox-key";

    private final Path dataDir;
    private final IdentityKeys keys;
    private final Database db;
    private final ExecutorService storeExecutor;
    private final Clock clock;
    private final SecureRandom random;
    private final EnvelopeStore envelopes = new EnvelopeStore();
    private final MessageStore messages;
    private final ContactStore contacts = new ContactStore();
    private final PeerStore peers = new PeerStore();
    private final SettingsStore settings = new SettingsStore();
    private final Outbox outbox;
    private final ForwardSecrecy forwardSecrecy;
    private final Groups groups;
    private final Channels channels;
    private final Attachments attachments;
    private final CompactTextCodec compactTexts = new CompactTextCodec(new SmsCharset(),
            CompressionDictionaries.builtIn());
    private final CompactOutbox compactOutbox;
    private final SmsNumberStore smsNumbers;
    private final EnvelopeSealer requestSealer;

    private Account(Path dataDir, IdentityKeys keys, Database db, ExecutorService storeExecutor, Clock clock,
                    SecureRandom random) {
        this.dataDir = dataDir;
        this.keys = keys;
        this.db = db;
        this.storeExecutor = storeExecutor;
        this.clock = clock;
        this.random = random;
        FieldCipher cipher = new StorageFieldCipher(StorageCipher.of(keys.agreement(), random));
        this.messages = new MessageStore(cipher);
        this.outbox = new Outbox(new EnvelopeSealer(keys.signing(), keys.agreement(), random), envelopes, messages,
                clock);
        this.forwardSecrecy = new ForwardSecrecy(keys.agreement(), new RatchetSessionStore(cipher), random, clock);
        this.groups = new Groups(db, storeExecutor, cipher, contacts, envelopes, outbox, forwardSecrecy,
                keys.signing(), keys.card(), clock, random, this::announceNewEnvelopes);
        this.channels = new Channels(db, storeExecutor, cipher, envelopes, clock, random,
                this::announceNewEnvelopes);
        this.attachments = new Attachments(db, storeExecutor, cipher, envelopes, contacts, outbox, forwardSecrecy,
                random, clock, this::announceNewEnvelopes,
                t -> settings.get(t, READ_RECEIPTS).map(Boolean::parseBoolean).orElse(true));
        this.compactOutbox = new CompactOutbox(new CompactSealer(keys.agreement(), random), compactTexts, envelopes,
                messages, clock);
        this.smsNumbers = new SmsNumberStore(cipher);
        this.requestSealer = new EnvelopeSealer(keys.signing(), keys.agreement(), random);
    }

    /** Returns this account's broadcast channels (docs/PROTOCOL.md §12). */
    public Channels channels() {
        return channels;
    }

    /** Returns the files and reports of this account (sending, listing, saving). */
    public Attachments attachments() {
        return attachments;
    }

    /** Creates a new, unencrypted identity and database in {@code dataDir}; refuses if an identity exists. */
    public static Account create(Path dataDir, String name, Clock clock) throws IOException, StoreException {
        return create(dataDir, name, clock, NO_PASSPHRASE);
    }

    /**
     * Creates a new identity and database in {@code dataDir}; refuses if an identity exists. The identity file is
     * encrypted under {@code passphrase}, or left unencrypted if it is empty; the caller wipes the passphrase.
     * A directory this creates is readable by its owner only.
     */
    public static Account create(Path dataDir, String name, Clock clock, char[] passphrase)
            throws IOException, StoreException {
        IdentityFile file = new IdentityFile(dataDir);
        if (file.exists()) {
            throw new FileAlreadyExistsException(dataDir.toString(), null,
                    "an identity already exists in this data directory");
        }
        createOwnerOnlyDirectories(dataDir);
        SecureRandom random = new SecureRandom();
        IdentityKeys keys = IdentityKeys.generate(name, random, clock.millis());
        openDatabase(dataDir).close();
        file.create(keys, passphrase);
        return open(dataDir, keys, clock);
    }

    /** Opens an existing data directory with an unencrypted identity; fails with a clear message otherwise. */
    public static Account open(Path dataDir, Clock clock) throws IOException, StoreException {
        return open(dataDir, clock, NO_PASSPHRASE);
    }

    /**
     * Opens an existing data directory, decrypting the identity with {@code passphrase} if it is encrypted; the
     * caller wipes the passphrase. Fails with a clear message ({@code IdentityFileException}) if there is no
     * identity, or the passphrase is missing or wrong, before anything on disk is touched.
     */
    public static Account open(Path dataDir, Clock clock, char[] passphrase) throws IOException, StoreException {
        return open(dataDir, new IdentityFile(dataDir).load(passphrase), clock);
    }

    private static Account open(Path dataDir, IdentityKeys keys, Clock clock) throws StoreException {
        ExecutorService store = Executors.newSingleThreadExecutor(new NamedThreads("habarshy-store", false));
        try {
            Database db = call(store, () -> openDatabase(dataDir));
            Account account = new Account(dataDir, keys, db, store, clock, new SecureRandom());
            account.tidyHistory();
            return account;
        } catch (StoreException | RuntimeException e) {
            store.shutdownNow();
            throw e;
        }
    }

    /** Seals message text an older version stored in clear, and deletes disappearing messages that expired. */
    private void tidyHistory() throws StoreException {
        call(storeExecutor, () -> db.write(t -> {
            while (messages.sealClearText(t, 1000) > 0) {
                // sealed one batch; the loop ends when none is left in clear
            }
            return messages.deleteExpired(t, clock.millis());
        }));
    }

    /**
     * Deletes disappearing messages whose time has come; returns how many. The node runs this periodically.
     * Store executor only.
     */
    int deleteExpiredMessages() throws StoreException {
        return db.write(t -> messages.deleteExpired(t, clock.millis()));
    }

    private static void createOwnerOnlyDirectories(Path dataDir) throws IOException {
        if (Files.isDirectory(dataDir)) {
            return;
        }
        try {
            Files.createDirectories(dataDir, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(dataDir);
        }
    }

    private static Database openDatabase(Path dataDir) throws StoreException {
        return Database.open(dataDir.resolve(DATABASE_FILE));
    }

    /** Returns this user's contact card. */
    public ContactCard card() {
        return keys.card();
    }

    /** Returns this user's one-line contact code. */
    public String contactCode() {
        return new ContactCodes().encode(keys);
    }

    /** Returns the safety number of this user's identity key. */
    public String safetyNumber() {
        return SafetyNumbers.of(keys.card().identityKey());
    }

    /**
     * Verifies {@code code} and stores it as a new, unverified contact named {@code alias}. A code whose identity
     * key differs from that of an existing contact of the same alias is refused with
     * {@link ContactKeyChangedException}; use {@link #addContact(String, String, boolean)} to replace it.
     */
    public Contact addContact(String code, String alias)
            throws InvalidContactCodeException, ContactKeyChangedException, StoreException {
        return addContact(code, alias, false);
    }

    /**
     * Verifies {@code code} and stores it as a contact named {@code alias}, unverified. If a contact of that alias
     * exists with another identity key, the code replaces it only if {@code replaceChangedKey} is true (the
     * contact is then unverified, and forward-secret sessions with the old key are dropped); otherwise nothing
     * changes and {@link ContactKeyChangedException} says what happened.
     */
    public Contact addContact(String code, String alias, boolean replaceChangedKey)
            throws InvalidContactCodeException, ContactKeyChangedException, StoreException {
        ContactCard card = new ContactCodes().decode(code);
        if (card.identityKey().equals(keys.card().identityKey())) {
            throw new InvalidContactCodeException("that is your own contact code");
        }
        Contact contact = new Contact(alias, card, clock.millis(), false);
        Optional<Contact> refused = call(storeExecutor, () -> db.write(t -> {
            Optional<Contact> existing = contacts.byAlias(t, alias);
            if (existing.isEmpty() || existing.get().card().identityKey().equals(card.identityKey())) {
                contacts.add(t, contact); // the same key again fails as a duplicate alias
                return Optional.<Contact>empty();
            }
            if (!replaceChangedKey) {
                return existing;
            }
            contacts.replace(t, contact);
            onKeyReplaced(t, existing.get());
            return Optional.<Contact>empty();
        }));
        if (refused.isPresent()) {
            throw new ContactKeyChangedException(alias, SafetyNumbers.of(refused.get().card().identityKey()),
                    SafetyNumbers.of(card.identityKey()), refused.get().verified());
        }
        return contact;
    }

    /** Forgets state bound to the identity key of a contact whose key was replaced. */
    private void onKeyReplaced(Transaction t, Contact old) throws StoreException {
        forwardSecrecy.forget(t, old.card().identityKey());
    }

    /**
     * Sets the disappearing-message timer of the conversation with {@code alias}: text sent to them from now on
     * is deleted on both sides that long after it is stored; {@link Duration#ZERO} turns it off.
     */
    public void setDisappearingTimer(String alias, Duration timer) throws UnknownContactException, StoreException {
        long millis = timer.toMillis();
        if (timer.isNegative() || millis > TextContent.MAX_DISAPPEAR_AFTER_MILLIS) {
            throw new IllegalArgumentException("the timer must be between 0 and 365 days");
        }
        if (!call(storeExecutor, () -> db.write(t -> contacts.setDisappearAfter(t, alias, millis)))) {
            throw new UnknownContactException(alias);
        }
    }

    /** Returns the disappearing-message timer of the conversation with {@code alias} (zero: off). */
    public Duration disappearingTimer(String alias) throws UnknownContactException, StoreException {
        Contact contact = contact(alias);
        return Duration.ofMillis(call(storeExecutor,
                () -> db.read(t -> contacts.disappearAfter(t, contact.card().identityKey()))));
    }

    /** Returns the contact with exactly this alias. */
    public Contact contact(String alias) throws UnknownContactException, StoreException {
        return call(storeExecutor, () -> db.read(t -> contacts.byAlias(t, alias)))
                .orElseThrow(() -> new UnknownContactException(alias));
    }

    /**
     * Marks the contact {@code alias} as verified (the user compared safety numbers with them) or, with false,
     * as not verified; returns the contact as stored now.
     */
    public Contact setVerified(String alias, boolean verified) throws UnknownContactException, StoreException {
        boolean changed = call(storeExecutor, () -> db.write(t -> contacts.setVerified(t, alias, verified)));
        if (!changed) {
            throw new UnknownContactException(alias);
        }
        return contact(alias);
    }

    /** Returns all contacts, by alias. */
    public List<Contact> contacts() throws StoreException {
        return call(storeExecutor, () -> db.read(contacts::all));
    }

    /** Returns the contact with this identity key, if any. */
    public Optional<Contact> contact(IdentityKey key) throws StoreException {
        return call(storeExecutor, () -> db.read(t -> contacts.byIdentityKey(t, key)));
    }

    /**
     * Encrypts {@code text} for the contact {@code alias} in their forward-secret session, seals it and queues it
     * durably: when this returns, the message and the session's new state survive a crash. A running node offers
     * it to its peers within a second.
     */
    public EnvelopeId send(String alias, String text) throws UnknownContactException, StoreException {
        Contact contact = call(storeExecutor, () -> db.read(t -> contacts.byAlias(t, alias)))
                .orElseThrow(() -> new UnknownContactException(alias));
        EnvelopeId id = call(storeExecutor, () -> db.write(t -> outbox.queueForwardSecretText(t, contact, text,
                forwardSecrecy, contacts.disappearAfter(t, contact.card().identityKey()))));
        Runnable listener = newEnvelopeListener;
        if (listener != null) {
            storeExecutor.execute(listener);
        }
        return id;
    }

    /**
     * Seals {@code text} for the contact {@code alias} as a compact message for the SMS path (docs/PROTOCOL.md §15):
     * HBS1 text compressed with a preset dictionary, sealed static-static (no forward secrecy, no signature; see
     * docs/THREAT_MODEL.md, "Compact messages"), in a compact carrier envelope that the mesh carries and SMS relays
     * send as one or two SMS. Stored durably with the outgoing message, like {@link #send}. Refused
     * (IllegalStateException) in a conversation with a disappearing-message timer, which compact messages do not
     * carry; IllegalArgumentException for an empty text or one that needs more than 16 SMS.
     */
    public CompactOutbox.Queued sendCompact(String alias, String text) throws UnknownContactException, StoreException {
        Contact contact = call(storeExecutor, () -> db.read(t -> contacts.byAlias(t, alias)))
                .orElseThrow(() -> new UnknownContactException(alias));
        CompactOutbox.Queued queued = call(storeExecutor, () -> db.write(t -> {
            if (contacts.disappearAfter(t, contact.card().identityKey()) > 0) {
                throw new IllegalStateException("compact SMS messages cannot carry a disappearing-message timer;"
                        + " turn the timer off for this conversation or send without SMS");
            }
            return compactOutbox.queueText(t, contact, text);
        }));
        Runnable listener = newEnvelopeListener;
        if (listener != null) {
            storeExecutor.execute(listener);
        }
        return queued;
    }

    /**
     * Binds the phone number {@code number} ('+' and 7..15 digits) to {@code alias}, for plain SMS; the alias need
     * not be a contact (a phone without Habarshy). The number stays on this device (sealed at rest) and is only ever
     * sent, sealed, to the SMS relay asked to send a plain SMS to it.
     */
    public void bindSmsNumber(String alias, String number) throws StoreException {
        if (alias == null || alias.isBlank() || alias.length() > 64) {
            throw new IllegalArgumentException("alias must be 1..64 characters");
        }
        if (!SmsRelayRequest.isNumber(number)) {
            throw new IllegalArgumentException("a phone number is '+' and 7 to 15 digits, e.g. +77011234567");
        }
        call(storeExecutor, () -> db.write(t -> {
            smsNumbers.bind(t, alias, number);
            return null;
        }));
    }

    /** Returns the phone number bound to {@code alias}, if any. */
    public Optional<String> smsNumber(String alias) throws StoreException {
        return call(storeExecutor, () -> db.read(t -> smsNumbers.number(t, alias)));
    }

    /** Sets the SMS request key of the relay that sends this user's plain SMS (the relay's {@code sms-request.pub}). */
    public void setSmsRelayKey(AgreementKey relayKey) throws StoreException {
        call(storeExecutor, () -> db.write(t -> {
            settings.put(t, SMS_RELAY_KEY, java.util.HexFormat.of().formatHex(relayKey.bytes()));
            return null;
        }));
    }

    /** Returns the SMS request key of this user's SMS relay, if set. */
    public Optional<AgreementKey> smsRelayKey() throws StoreException {
        return call(storeExecutor, () -> db.read(t -> settings.get(t, SMS_RELAY_KEY)))
                .map(hex -> new AgreementKey(java.util.HexFormat.of().parseHex(hex)));
    }

    /**
     * <b>UNENCRYPTED.</b> Asks this user's SMS relay to send {@code text} as an ordinary SMS to {@code number}: the
     * request travels sealed to the relay (only the relay learns the number and the text), but the SMS itself can be
     * read by the operator, the SMS centre, the relay and anyone with the phone. Recorded in the plain SMS history
     * ({@link #plainSmsHistory}). Only ever called on the user's explicit choice for this message; IllegalStateException
     * if no SMS relay is set.
     */
    public PlainSms sendUnencryptedSms(String number, String text) throws StoreException {
        SmsRelayRequest request = new SmsRelayRequest(number, text);
        AgreementKey relay = smsRelayKey().orElseThrow(() -> new IllegalStateException(
                "no SMS relay is set: ask the relay operator for its sms-request.pub and run 'habarshy sms relay KEY'"));
        long now = clock.millis();
        long expires = now + MessageLimits.DEFAULT_TTL.toMillis();
        byte[] bytes = requestSealer.seal(relay, request.encode(), now, expires);
        EnvelopeId id = EnvelopeFormat.idOf(bytes);
        PlainSms sms = new PlainSms(id, number, text, now);
        call(storeExecutor, () -> db.write(t -> {
            envelopes.insert(t, new StoredEnvelope(id, bytes, now, expires, 0, now));
            smsNumbers.record(t, sms);
            return null;
        }));
        Runnable listener = newEnvelopeListener;
        if (listener != null) {
            storeExecutor.execute(listener);
        }
        return sms;
    }

    /** Returns the unencrypted plain SMS this user sent, oldest first. */
    public List<PlainSms> plainSmsHistory() throws StoreException {
        return call(storeExecutor, () -> db.read(smsNumbers::history));
    }

    /**
     * Stores an envelope made outside this account (for example a signed public document of another kind) so
     * that the node carries it like any other, with {@code hops} = 0. The envelope must pass the same acceptance
     * checks as one received from a peer (docs/PROTOCOL.md section 3). Returns true if it was not held yet.
     *
     * @throws MalformedEnvelopeException if its header does not parse, it expired, it was created more than
     *     {@link MessageLimits#MAX_CLOCK_SKEW} ahead, or it lives longer than {@link MessageLimits#MAX_TTL}
     */
    public boolean carry(byte[] envelope) throws MalformedEnvelopeException, StoreException {
        byte[] bytes = envelope.clone();
        EnvelopeHeader header = EnvelopeFormat.parseHeader(bytes);
        long now = clock.millis();
        if (header.expiresAt() <= now) {
            throw new MalformedEnvelopeException("envelope expired");
        }
        if (header.createdAt() > now + MessageLimits.MAX_CLOCK_SKEW.toMillis()) {
            throw new MalformedEnvelopeException("envelope created in the future");
        }
        if (header.expiresAt() - header.createdAt() > MessageLimits.MAX_TTL.toMillis()) {
            throw new MalformedEnvelopeException("envelope lifetime too long");
        }
        StoredEnvelope stored = new StoredEnvelope(EnvelopeFormat.idOf(bytes), bytes, header.createdAt(),
                header.expiresAt(), 0, now);
        boolean added = call(storeExecutor, () -> db.write(t -> envelopes.insert(t, stored)));
        Runnable listener = newEnvelopeListener;
        if (added && listener != null) {
            storeExecutor.execute(listener);
        }
        return added;
    }

    /**
     * Returns up to {@code limit} held, unexpired envelopes stored after position {@code afterSeq}, oldest first,
     * with their positions, so that a caller can walk new arrivals with a cursor (start with 0).
     */
    public List<CarriedEnvelope> carriedAfter(long afterSeq, int limit) throws StoreException {
        long now = clock.millis();
        return call(storeExecutor, () -> db.read(t -> {
            List<CarriedEnvelope> out = new java.util.ArrayList<>();
            for (EnvelopeRef ref : envelopes.liveAfter(t, afterSeq, now, limit)) {
                Optional<StoredEnvelope> found = envelopes.find(t, ref.id());
                found.ifPresent(e -> out.add(new CarriedEnvelope(ref.seq(), e.bytes())));
            }
            return out;
        }));
    }

    /** Returns messages, oldest first, optionally only those with the contact {@code alias}. */
    public List<Message> messages(Optional<String> alias) throws UnknownContactException, StoreException {
        Optional<IdentityKey> peer = Optional.empty();
        if (alias.isPresent()) {
            Contact contact = call(storeExecutor, () -> db.read(t -> contacts.byAlias(t, alias.get())))
                    .orElseThrow(() -> new UnknownContactException(alias.get()));
            peer = Optional.of(contact.card().identityKey());
        }
        Optional<IdentityKey> filter = peer;
        return call(storeExecutor, () -> db.read(t -> messages.list(t, filter, clock.millis())));
    }

    /**
     * Marks every message received from the contact {@code alias} as read and, unless read receipts are turned
     * off ({@link #setReadReceipts}), queues a signed read receipt sealed to that contact, in the same
     * transaction; a running node offers it like any envelope. Returns how many messages were marked. For the CLI
     * ({@code habarshy messages --with}) and the GUI when a conversation is shown.
     */
    public int markRead(String alias) throws UnknownContactException, StoreException {
        Contact contact = call(storeExecutor, () -> db.read(t -> contacts.byAlias(t, alias)))
                .orElseThrow(() -> new UnknownContactException(alias));
        IdentityKey peer = contact.card().identityKey();
        List<EnvelopeId> unread = call(storeExecutor, () -> db.read(t -> messages.unreadFrom(t, peer)));
        if (unread.isEmpty()) {
            return 0;
        }
        List<Outbox.Sealed> receipts = new ArrayList<>();
        if (readReceipts()) {
            for (int from = 0; from < unread.size(); from += ReceiptContent.MAX_IDS) {
                List<EnvelopeId> chunk = unread.subList(from, Math.min(unread.size(), from + ReceiptContent.MAX_IDS));
                receipts.add(outbox.seal(contact.card().agreementKey(),
                        new ReceiptContent(ReceiptContent.Kind.READ, chunk)));
            }
        }
        int marked = call(storeExecutor, () -> db.write(t -> {
            int changed = 0;
            for (EnvelopeId id : unread) {
                if (messages.advanceState(t, id, MessageState.READ)) {
                    changed++;
                }
            }
            for (Outbox.Sealed receipt : receipts) {
                envelopes.insert(t, receipt.envelope());
            }
            return changed;
        }));
        Runnable listener = newEnvelopeListener;
        if (listener != null && !receipts.isEmpty()) {
            storeExecutor.execute(listener);
        }
        return marked;
    }

    /** Returns whether reading a conversation sends read receipts (on unless turned off). */
    public boolean readReceipts() throws StoreException {
        return call(storeExecutor, () -> db.read(t -> settings.get(t, READ_RECEIPTS)))
                .map(Boolean::parseBoolean).orElse(true);
    }

    /** Turns read receipts on or off for this data directory (every process on it, from now on). */
    public void setReadReceipts(boolean on) throws StoreException {
        call(storeExecutor, () -> db.write(t -> {
            settings.put(t, READ_RECEIPTS, Boolean.toString(on));
            return null;
        }));
    }

    /**
     * Returns the value of the setting {@code name}, if set. Settings are shared by every process on the data
     * directory; features keep their own prefix (for example {@code mailbox.}).
     */
    public Optional<String> setting(String name) throws StoreException {
        return call(storeExecutor, () -> db.read(t -> settings.get(t, name)));
    }

    /** Sets the setting {@code name} to {@code value}, replacing any earlier value. */
    public void putSetting(String name, String value) throws StoreException {
        call(storeExecutor, () -> db.write(t -> {
            settings.put(t, name, value);
            return null;
        }));
    }

    /** Returns the bytes of the envelope {@code id} if this account holds it. */
    public Optional<byte[]> envelopeBytes(EnvelopeId id) throws StoreException {
        return call(storeExecutor, () -> db.read(t -> envelopes.find(t, id).map(StoredEnvelope::bytes)));
    }

    /**
     * Returns this user's mailbox key for the relay whose mailbox key is {@code relay} (docs/PROTOCOL.md 8.4):
     * derived from the identity key and the relay's key, so it is never stored, differs per relay and cannot be
     * linked to the identity key by the relay.
     */
    public SigningKeyPair mailboxKey(AgreementKey relay) {
        return DerivedSigningKeys.derive(keys.signing(), MAILBOX_KEY_LABEL, relay.bytes());
    }

    private volatile Runnable newEnvelopeListener;

    /** Returns this account's private groups (docs/PROTOCOL.md §11). */
    public Groups groups() {
        return groups;
    }

    /** Runs the new-envelope listener, if any. Store executor only. */
    private void announceNewEnvelopes() {
        Runnable listener = newEnvelopeListener;
        if (listener != null) {
            listener.run();
        }
    }

    /** Sets what runs on the store executor after this process queued a new envelope. */
    void onNewEnvelope(Runnable listener) {
        this.newEnvelopeListener = listener;
    }

    IdentityKeys keys() {
        return keys;
    }

    Database database() {
        return db;
    }

    ExecutorService storeExecutor() {
        return storeExecutor;
    }

    EnvelopeStore envelopes() {
        return envelopes;
    }

    MessageStore messageStore() {
        return messages;
    }

    PeerStore peers() {
        return peers;
    }

    Outbox outbox() {
        return outbox;
    }

    ForwardSecrecy forwardSecrecy() {
        return forwardSecrecy;
    }

    CompactOutbox compactOutbox() {
        return compactOutbox;
    }

    CompactTextCodec compactTexts() {
        return compactTexts;
    }

    ContactStore contactStore() {
        return contacts;
    }

    Clock clock() {
        return clock;
    }

    SecureRandom random() {
        return random;
    }

    Path dataDir() {
        return dataDir;
    }

    /** Runs {@code task} on the store executor and waits for it. */
    static <T> T call(ExecutorService executor, StoreCall<T> task) throws StoreException {
        return StoreThread.await(executor, task::call);
    }

    /** A store task that may throw {@link StoreException}. */
    @FunctionalInterface
    interface StoreCall<T> {
        T call() throws StoreException;
    }

    @Override
    public void close() {
        try {
            call(storeExecutor, () -> {
                db.close();
                return null;
            });
        } catch (StoreException e) {
            // Closing is best effort; the WAL is consistent after every commit.
        } finally {
            storeExecutor.shutdown();
            try {
                storeExecutor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
