package org.habarshy.desktop.gui.model;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.habarshy.core.api.identity.Contact;
import org.habarshy.core.api.identity.ContactCard;
import org.habarshy.core.api.identity.IdentityKey;
import org.habarshy.core.api.message.EnvelopeId;
import org.habarshy.core.api.message.Message;
import org.habarshy.core.attachment.Attachments;
import org.habarshy.core.group.Groups;
import org.habarshy.core.identity.IdentityFile;
import org.habarshy.core.identity.InvalidContactCodeException;
import org.habarshy.core.identity.SafetyNumbers;
import org.habarshy.core.mailbox.InvalidCodeException;
import org.habarshy.core.mailbox.KnownRelay;
import org.habarshy.core.mailbox.MailboxClient;
import org.habarshy.core.mailbox.MailboxException;
import org.habarshy.core.mailbox.MailboxPickup;
import org.habarshy.core.mailbox.Registration;
import org.habarshy.core.mailbox.RelayCode;
import org.habarshy.core.node.Account;
import org.habarshy.core.node.ContactKeyChangedException;
import org.habarshy.core.node.Node;
import org.habarshy.core.node.NodeConfig;
import org.habarshy.core.node.NodeStatus;
import org.habarshy.core.node.PanicWipe;
import org.habarshy.core.node.UnknownContactException;
import org.habarshy.core.rtt.RttListener;
import org.habarshy.core.store.StoreException;

/**
 * The account and the node running in this process, through the core API. Every method may block (database, key
 * derivation, sockets): call it from {@link BackgroundWork}, never from the UI thread. Not thread-safe: the one
 * worker thread owns it.
 */
public final class MessengerSession implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(MessengerSession.class.getName());

    private final Account account;
    private final Path dataDir;
    private final MailboxClient mailboxes;
    private Node node;
    private MailboxPickup pickup;
    private String nodeError = "";
    /** Contacts with real-time text on, re-applied when the node restarts; kept in memory only. */
    private final java.util.Map<IdentityKey, ContactCard> realTimeText = new java.util.LinkedHashMap<>();
    private RttListener realTimeTextListener;
    private volatile Runnable onDataWiped = () -> { };

    private MessengerSession(Account account, Path dataDir) {
        this.account = account;
        this.dataDir = dataDir;
        this.mailboxes = new MailboxClient(account, Clock.systemUTC(), new SecureRandom());
    }

    /** Returns whether {@code dataDir} holds an identity, and whether it is encrypted. */
    public static IdentityPresence presence(Path dataDir) throws IOException {
        IdentityFile file = new IdentityFile(dataDir);
        if (!file.exists()) {
            return IdentityPresence.NONE;
        }
        return file.isEncrypted() ? IdentityPresence.ENCRYPTED : IdentityPresence.PLAIN;
    }

    /** Creates an identity in {@code dataDir}; an empty passphrase leaves the key file unencrypted. Wipes it. */
    public static MessengerSession create(Path dataDir, String name, char[] passphrase, Clock clock)
            throws IOException, StoreException {
        try {
            return new MessengerSession(Account.create(dataDir, name, clock, passphrase), dataDir);
        } finally {
            java.util.Arrays.fill(passphrase, '\0');
        }
    }

    /** Opens the identity in {@code dataDir} with {@code passphrase} (empty if unencrypted). Wipes it. */
    public static MessengerSession open(Path dataDir, char[] passphrase, Clock clock)
            throws IOException, StoreException {
        try {
            return new MessengerSession(Account.open(dataDir, clock, passphrase), dataDir);
        } finally {
            java.util.Arrays.fill(passphrase, '\0');
        }
    }

    /**
     * Starts the node with {@code settings}' port, mDNS choice and manual peers. A failure (the port is taken) is
     * kept in {@link #nodeError()} and the account stays usable: messages queue until a node runs.
     */
    public void startNode(Settings settings) {
        List<InetSocketAddress> peers = new ArrayList<>(settings.manualPeers().stream()
                .map(p -> new InetSocketAddress(p.host(), p.port())).toList());
        try {
            for (KnownRelay relay : mailboxes.relays()) {
                peers.add(new InetSocketAddress(relay.host(), relay.port()));
            }
            node = Node.start(account, new NodeConfig(Optional.empty(), settings.port(), peers, settings.mdns()));
            pickup = MailboxPickup.start(mailboxes, node);
            node.onDataWiped(() -> onDataWiped.run());
            nodeError = "";
            if (realTimeTextListener != null) {
                node.realTimeText().addListener(realTimeTextListener);
            }
            for (ContactCard card : realTimeText.values()) {
                try {
                    node.realTimeText().enable(card);
                } catch (java.security.GeneralSecurityException e) {
                    LOG.log(System.Logger.Level.WARNING, "real-time text refused a contact key");
                }
            }
        } catch (IOException | StoreException | RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            String port = Integer.toString(settings.port());
            nodeError = reason.contains(port) ? reason : "port " + port + ": " + reason;
            LOG.log(System.Logger.Level.WARNING, "the node did not start: " + nodeError);
        }
    }

    /**
     * Sets what runs (once per node start, on a node thread: hand work off) when another process, e.g.
     * {@code habarshy panic}, starts wiping the data directory under the running node; the node has then already
     * dropped its links. The listener should {@link #close} this session.
     */
    public void onDataWiped(Runnable listener) {
        this.onDataWiped = java.util.Objects.requireNonNull(listener, "listener");
    }

    /** Returns why the node is not running, or an empty string. */
    public String nodeError() {
        return nodeError;
    }

    /** Returns this account's broadcast channels. */
    public org.habarshy.core.channel.Channels channels() {
        return account.channels();
    }

    /** Returns this user's display name. */
    public String name() {
        return account.card().name();
    }

    /** Returns this user's contact code. */
    public String contactCode() {
        return account.contactCode();
    }

    /** Returns this user's safety number. */
    public String safetyNumber() {
        return account.safetyNumber();
    }

    /** Returns the safety number of {@code contact}. */
    public static String safetyNumber(Contact contact) {
        return SafetyNumbers.of(contact.card().identityKey());
    }

    /**
     * Verifies and saves a contact. A code whose identity key differs from the saved contact of that alias is
     * refused ({@link ContactKeyChangedException}, shown as a key-change warning) and nothing changes.
     */
    public Contact addContact(String code, String alias)
            throws InvalidContactCodeException, ContactKeyChangedException, StoreException {
        return account.addContact(code, alias);
    }

    /**
     * Queues a text for {@code alias} as a compact SMS message, or returns the key of the reason it cannot go by SMS
     * ({@code relay.error.timer}: the conversation has a disappearing timer, which compact messages cannot carry).
     */
    public java.util.Optional<String> sendBySms(String alias, String text) throws UnknownContactException,
            StoreException {
        if (!account.disappearingTimer(alias).isZero()) {
            return java.util.Optional.of("relay.error.timer");
        }
        account.sendCompact(alias, text);
        return java.util.Optional.empty();
    }

    /**
     * <b>UNENCRYPTED.</b> Asks the user's SMS relay to send {@code text} in clear to {@code number}, or returns the
     * key of the reason it cannot ({@code relay.error.noRelay}).
     */
    public java.util.Optional<String> sendUnencryptedSms(String number, String text) throws StoreException {
        if (account.smsRelayKey().isEmpty()) {
            return java.util.Optional.of("relay.error.noRelay");
        }
        account.sendUnencryptedSms(number, text);
        return java.util.Optional.empty();
    }

    /** Returns the phone number bound to {@code alias} ({@code habarshy sms bind}), if any. */
    public java.util.Optional<String> smsNumber(String alias) throws StoreException {
        return account.smsNumber(alias);
    }

    /** Queues a text for {@code alias}, and leaves a copy in their mailbox if they gave a mailbox code. */
    public EnvelopeId send(String alias, String text) throws UnknownContactException, StoreException {
        EnvelopeId id = account.send(alias, text);
        try {
            mailboxes.depositCopy(alias, id);
        } catch (MailboxException e) {
            LOG.log(System.Logger.Level.WARNING, "no mailbox copy: " + e.getMessage());
        }
        return id;
    }

    /** Returns the relays the user added, with their mailbox registration. */
    public List<RelayRow> relays() throws StoreException {
        List<RelayRow> rows = new ArrayList<>();
        List<Registration> registrations = mailboxes.registrations();
        for (KnownRelay relay : mailboxes.relays()) {
            String code = registrations.stream().filter(r -> r.relay().equals(relay.name())).findFirst()
                    .map(r -> r.address().encode()).orElse("");
            rows.add(new RelayRow(relay.name(), relay.address(), relay.code().mailboxKey().isPresent(), code));
        }
        return rows;
    }

    /** Adds (or replaces) a relay; a running node links to it at once, and at every start. */
    public void addRelay(String name, String code, String address) throws InvalidCodeException, StoreException {
        KnownRelay relay = KnownRelay.of(name, RelayCode.parse(code), address);
        mailboxes.addRelay(relay);
        if (node != null) {
            node.addPeer(new InetSocketAddress(relay.host(), relay.port()));
        }
    }

    /** Registers a mailbox at the relay {@code name}; returns the mailbox code to give to contacts. */
    public String registerMailbox(String name) throws MailboxException, StoreException {
        return mailboxes.register(name, MailboxClient.DEFAULT_QUOTA).address().encode();
    }

    /** Returns the account's files and reports. */
    public Attachments attachments() {
        return account.attachments();
    }

    /** Returns every contact, by alias. */
    public List<Contact> contacts() throws StoreException {
        return account.contacts();
    }

    /** Returns the contact {@code alias}. */
    public Contact contact(String alias) throws UnknownContactException, StoreException {
        return account.contact(alias);
    }

    /**
     * Marks the conversation with {@code alias} read; unless the user turned read receipts off, the contact gets a
     * signed read receipt. Returns how many messages changed.
     */
    public int markRead(String alias) throws UnknownContactException, StoreException {
        return account.markRead(alias);
    }

    /** Sets who hears about real-time text of this session's nodes (called on a network thread). */
    public void onRealTimeText(RttListener listener) {
        realTimeTextListener = listener;
        if (node != null) {
            node.realTimeText().addListener(listener);
        }
    }

    /**
     * Turns real-time text for the conversation with {@code alias} on or off (in memory only: off at every start).
     * Returns the contact's identity key.
     */
    public IdentityKey setRealTimeText(String alias, boolean on)
            throws UnknownContactException, StoreException, java.security.GeneralSecurityException {
        Contact contact = account.contact(alias);
        IdentityKey key = contact.card().identityKey();
        if (on) {
            if (node != null) {
                node.realTimeText().enable(contact.card());
            }
            realTimeText.put(key, contact.card());
        } else {
            realTimeText.remove(key);
            if (node != null) {
                node.realTimeText().disable(key);
            }
        }
        return key;
    }

    /**
     * Streams {@code draft} to {@code contact} if real-time text is on for it and it is directly linked; returns
     * whether it went out. Never blocks.
     */
    public boolean typed(IdentityKey contact, String draft) {
        return node != null && node.realTimeText().type(contact, draft);
    }

    /** Returns the disappearing-message timer of the conversation with {@code alias} (zero: off). */
    public java.time.Duration disappearingTimer(String alias) throws UnknownContactException, StoreException {
        return account.disappearingTimer(alias);
    }

    /** Sets the disappearing-message timer of the conversation with {@code alias} (zero: off). */
    public void setDisappearingTimer(String alias, java.time.Duration timer)
            throws UnknownContactException, StoreException {
        account.setDisappearingTimer(alias, timer);
    }

    /** Returns the account's private groups. */
    public Groups groups() {
        return account.groups();
    }

    /** Returns this user's identity key. */
    public IdentityKey identityKey() {
        return account.card().identityKey();
    }

    /** Reads contacts, messages and the node's status in one go. */
    public Snapshot snapshot() throws StoreException {
        List<Contact> contacts = account.contacts();
        List<Message> messages;
        try {
            messages = account.messages(Optional.empty());
        } catch (UnknownContactException e) {
            throw new IllegalStateException(e);
        }
        Optional<NodeStatus> status = Optional.empty();
        if (node != null) {
            status = Optional.of(node.currentStatus());
        }
        return new Snapshot(contacts, messages, status, nodeError);
    }

    /** Stops the node (if running) and starts it again with {@code settings}. */
    public void restartNode(Settings settings) {
        stopNode();
        startNode(settings);
    }

    private void stopNode() {
        if (pickup != null) {
            pickup.close();
            pickup = null;
        }
        if (node != null) {
            node.close();
            node = null;
        }
    }

    /** Stops the node, closes the account and destroys the data directory (see {@link PanicWipe}). */
    public PanicWipe.Report wipe() {
        close();
        return new PanicWipe(dataDir).wipe();
    }

    /** Stops the node and closes the account. */
    @Override
    public void close() {
        stopNode();
        account.close();
    }

    /** Whether a data directory holds an identity. */
    public enum IdentityPresence {
        /** No identity: first run. */
        NONE,
        /** An identity without passphrase. */
        PLAIN,
        /** An identity encrypted with a passphrase. */
        ENCRYPTED
    }

    /**
     * What the screens show, read together on the worker thread.
     *
     * @param contacts all contacts, by alias
     * @param messages all messages, oldest first
     * @param status the running node's status, empty if no node runs
     * @param nodeError why no node runs, or empty
     */
    public record Snapshot(List<Contact> contacts, List<Message> messages, Optional<NodeStatus> status,
                           String nodeError) {
        /** Copies the lists. */
        public Snapshot {
            contacts = List.copyOf(contacts);
            messages = List.copyOf(messages);
        }
    }
}
