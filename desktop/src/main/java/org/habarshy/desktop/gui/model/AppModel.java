package org.habarshy.desktop.gui.model;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.habarshy.core.api.identity.ContactCard;
import org.habarshy.core.api.identity.IdentityKey;
import org.habarshy.core.api.message.TextContent;
import org.habarshy.core.node.PanicWipe;
import org.habarshy.core.rtt.RttListener;

/**
 * The state behind every screen, in plain Java (no Swing): which stage the app is in, contacts with unread counts,
 * the open conversation and its search, the network summary. Its public methods are called on the UI thread and
 * return at once; the work runs on {@link BackgroundWork}, and results come back on the UI thread, where listeners
 * are told. The {@link MessengerSession} is touched only on the worker thread.
 */
public final class AppModel implements AutoCloseable {
    /** How often contacts, messages and the node's status are read again. */
    public static final long REFRESH_MILLIS = 1_000;

    /** Where the app is. */
    public enum Stage {
        /** Looking at the data directory. */
        LOADING,
        /** No identity yet: the first-run screen. */
        FIRST_RUN,
        /** The identity is encrypted: ask for the passphrase. */
        LOCKED,
        /** Open: the main screens. */
        READY,
        /** The data was destroyed by the panic button. */
        WIPED
    }

    /** Told on the UI thread when something changed. */
    public interface Listener {
        /** The stage changed. */
        default void stageChanged(Stage stage) {
        }

        /** Contacts, unread counts or the open conversation changed. */
        default void conversationsChanged() {
        }

        /** The network summary changed. */
        default void networkChanged() {
        }

        /** Messages arrived; {@code fromAliases} names their senders (one entry per message). */
        default void messagesArrived(List<String> fromAliases) {
        }

        /**
         * The open conversation's options changed: real-time text (on, linked, the contact's draft) or the
         * disappearing-message timer.
         */
        default void conversationOptionsChanged() {
        }

        /** The settings changed (language, theme, font size, network). */
        default void settingsChanged(Settings settings) {
        }
    }

    /**
     * Who this user is, for the "my code" screen.
     *
     * @param name display name
     * @param contactCode the one-line contact code
     * @param safetyNumber the safety number
     */
    public record Profile(String name, String contactCode, String safetyNumber) {
    }

    private final BackgroundWork work;
    private final SettingsFile settingsFile;
    private final Clock clock;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final ChannelsModel channels;

    // UI thread only.
    private Settings settings;
    private Stage stage = Stage.LOADING;
    private Profile profile;
    private final Conversations conversations = new Conversations();
    private NetworkSummary network;
    private final RealTimeTextState realTimeText = new RealTimeTextState();
    /** The open conversation's disappearing-message timer, empty until read. */
    private Optional<Duration> openTimer = Optional.empty();
    /** The user's unsent text in the open conversation, as last typed (UI thread). */
    private String lastDraft = "";
    /** The latest draft not yet handed to the worker; null when none waits (any thread). */
    private final AtomicReference<String> pendingDraft = new AtomicReference<>();
    private GroupsModel groupsModel;

    // Worker thread only.
    private MessengerSession session;

    /** A model over {@code settings} (saved to {@code settingsFile}), doing its work on {@code work}. */
    public AppModel(Settings settings, SettingsFile settingsFile, BackgroundWork work, Clock clock) {
        this.settings = settings;
        this.settingsFile = settingsFile;
        this.work = work;
        this.clock = clock;
        this.network = NetworkSummary.of(Optional.empty(), "", settings);
        this.channels = new ChannelsModel(work, () -> Optional.ofNullable(session).map(MessengerSession::channels));
    }

    /** Returns the model of the channels tab. */
    public ChannelsModel channels() {
        return channels;
    }

    /** Adds a listener. */
    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /**
     * Looks at the data directory and opens it if it needs no passphrase; starts the periodic refresh. May be called
     * before the UI exists (from the thread that creates it): it only hands work to the worker.
     */
    public void start() {
        openDataDirectory();
        work.every(REFRESH_MILLIS, this::refreshOnWorker);
        channels.start(REFRESH_MILLIS);
    }

    private void openDataDirectory() {
        Path dir = settings.dataDir();
        Settings current = settings;
        work.submit(() -> {
            MessengerSession.IdentityPresence presence = MessengerSession.presence(dir);
            if (presence == MessengerSession.IdentityPresence.PLAIN) {
                return Optional.of(openOnWorker(dir, new char[0], current));
            }
            return presence == MessengerSession.IdentityPresence.NONE ? Optional.<Profile>empty() : null;
        }, opened -> {
            if (opened == null) {
                setStage(Stage.LOCKED);
            } else if (opened.isEmpty()) {
                setStage(Stage.FIRST_RUN);
            } else {
                ready(opened.get());
            }
        }, e -> setStage(Stage.LOCKED));
    }

    private Profile openOnWorker(Path dir, char[] passphrase, Settings current) throws Exception {
        MessengerSession opened = MessengerSession.open(dir, passphrase, clock);
        session = opened;
        return new Profile(opened.name(), opened.contactCode(), opened.safetyNumber());
    }

    /** Checks the first-run form; returns the error to show, if any. Does not touch the passphrases. */
    public static Optional<UserError> checkNewIdentity(String name, char[] passphrase, char[] repeated) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            return Optional.of(new UserError("error.nameRequired", ""));
        }
        if (trimmed.getBytes(StandardCharsets.UTF_8).length > ContactCard.MAX_NAME_BYTES) {
            return Optional.of(new UserError("error.nameTooLong", ""));
        }
        if (!java.util.Arrays.equals(passphrase, repeated)) {
            return Optional.of(new UserError("error.passphraseMismatch", ""));
        }
        return Optional.empty();
    }

    /**
     * Creates the identity (first run) and starts the node; {@code done} gets the error, if any. The passphrase
     * arrays are wiped.
     */
    public void createIdentity(String name, char[] passphrase, char[] repeated, Consumer<Optional<UserError>> done) {
        Optional<UserError> invalid = checkNewIdentity(name, passphrase, repeated);
        java.util.Arrays.fill(repeated, '\0');
        if (invalid.isPresent()) {
            java.util.Arrays.fill(passphrase, '\0');
            done.accept(invalid);
            return;
        }
        Path dir = settings.dataDir();
        Settings current = settings;
        work.submit(() -> {
            MessengerSession created = MessengerSession.create(dir, name.strip(), passphrase, clock);
            session = created;
            return new Profile(created.name(), created.contactCode(), created.safetyNumber());
        }, created -> {
            ready(created);
            done.accept(Optional.empty());
        }, e -> done.accept(Optional.of(UserError.of(e))));
    }

    /** Opens an encrypted identity; {@code done} gets the error (a wrong passphrase), if any. Wipes the array. */
    public void unlock(char[] passphrase, Consumer<Optional<UserError>> done) {
        Path dir = settings.dataDir();
        Settings current = settings;
        work.submit(() -> openOnWorker(dir, passphrase, current), opened -> {
            ready(opened);
            done.accept(Optional.empty());
        }, e -> {
            java.util.Arrays.fill(passphrase, '\0');
            done.accept(Optional.of(UserError.of(e)));
        });
    }

    /** Shows the main screens at once; the node starts next on the worker, so the window never waits for it. */
    private void ready(Profile opened) {
        profile = opened;
        setStage(Stage.READY);
        refresh();
        Settings current = settings;
        work.submit(() -> {
            if (session != null) {
                session.onRealTimeText(realTimeTextListener());
                session.onDataWiped(this::wipedElsewhere);
                session.startNode(current);
            }
            return null;
        }, started -> refresh(), e -> { });
    }

    /** Hands real-time-text events (from a network thread) to the UI thread. */
    private RttListener realTimeTextListener() {
        return new RttListener() {
            @Override
            public void draftChanged(IdentityKey contact, String draft) {
                work.onUi(() -> {
                    realTimeText.draft(contact, draft, clock.millis());
                    fire(Listener::conversationOptionsChanged);
                });
            }

            @Override
            public void linkChanged(IdentityKey contact, boolean linked) {
                work.onUi(() -> {
                    realTimeText.linked(contact, linked);
                    fire(Listener::conversationOptionsChanged);
                    // A contact who just came in range sees what is already typed, not only the next keystroke.
                    if (linked && openKey().filter(contact::equals).isPresent() && !lastDraft.isEmpty()) {
                        typed(lastDraft);
                    }
                });
            }
        };
    }

    /**
     * Turns real-time text for the open conversation on or off; {@code done} gets the error, if any. The contact
     * sees drafts only once it turned it on for this user too and the two are directly linked.
     */
    public void setRealTimeText(boolean on, Consumer<Optional<UserError>> done) {
        Optional<String> alias = conversations.selectedAlias();
        if (alias.isEmpty()) {
            done.accept(Optional.of(new UserError("error.noConversation", "")));
            return;
        }
        work.submit(() -> requireSession().setRealTimeText(alias.get(), on), key -> {
            realTimeText.setOn(key, on);
            fire(Listener::conversationOptionsChanged);
            done.accept(Optional.empty());
        }, e -> done.accept(Optional.of(UserError.of(e))));
    }

    /** Returns whether real-time text is on for the open conversation. */
    public boolean realTimeTextOn() {
        return openKey().map(realTimeText::isOn).orElse(false);
    }

    /** Returns whether the open conversation's contact is directly linked with real-time text on at both ends. */
    public boolean realTimeTextLinked() {
        return openKey().map(realTimeText::isLinked).orElse(false);
    }

    /** Returns the open conversation's contact's draft, if real-time text shows one. */
    public Optional<String> peerDraft() {
        return openKey().filter(realTimeText::isOn).flatMap(k -> realTimeText.draft(k, clock.millis()));
    }

    /**
     * The user's unsent text in the open conversation changed: streams it if real-time text is on (coalesced: the
     * worker takes the latest draft; the core sends at most ten updates a second).
     */
    public void typed(String draft) {
        lastDraft = draft;
        Optional<IdentityKey> key = openKey().filter(realTimeText::isOn);
        if (key.isEmpty() || session == null) {
            return;
        }
        if (pendingDraft.getAndSet(draft) == null) {
            IdentityKey contact = key.get();
            work.submit(() -> requireSession().typed(contact, pendingDraft.getAndSet(null)), sent -> { }, e -> { });
        }
    }

    private Optional<IdentityKey> openKey() {
        return selectedContact().map(c -> c.contact().card().identityKey());
    }

    /** Returns the open conversation's disappearing-message timer (zero: off), empty until read. */
    public Optional<Duration> disappearingTimer() {
        return openTimer;
    }

    /** Sets the open conversation's disappearing-message timer (zero: off); {@code done} gets the error, if any. */
    public void setDisappearingTimer(Duration timer, Consumer<Optional<UserError>> done) {
        Optional<String> alias = conversations.selectedAlias();
        if (alias.isEmpty()) {
            done.accept(Optional.of(new UserError("error.noConversation", "")));
            return;
        }
        work.submit(() -> {
            requireSession().setDisappearingTimer(alias.get(), timer);
            return timer;
        }, set -> {
            if (conversations.selectedAlias().equals(alias)) {
                openTimer = Optional.of(set);
                fire(Listener::conversationOptionsChanged);
            }
            done.accept(Optional.empty());
        }, e -> done.accept(Optional.of(UserError.of(e))));
    }

    private void readOpenTimer() {
        openTimer = Optional.empty();
        Optional<String> alias = conversations.selectedAlias();
        if (alias.isEmpty() || session == null) {
            return;
        }
        work.submit(() -> requireSession().disappearingTimer(alias.get()), timer -> {
            if (conversations.selectedAlias().equals(alias)) {
                openTimer = Optional.of(timer);
                fire(Listener::conversationOptionsChanged);
            }
        }, e -> { });
    }

    /** Returns whether an alias is acceptable (1..64 characters, not blank). */
    public static Optional<UserError> checkAlias(String alias) {
        String trimmed = alias == null ? "" : alias.strip();
        if (trimmed.isEmpty() || trimmed.length() > 64) {
            return Optional.of(new UserError("error.aliasInvalid", ""));
        }
        return Optional.empty();
    }

    /** Verifies {@code code} and saves it as {@code alias}; {@code done} gets the error, if any. */
    public void addContact(String code, String alias, Consumer<Optional<UserError>> done) {
        Optional<UserError> invalid = checkAlias(alias);
        if (invalid.isPresent()) {
            done.accept(invalid);
            return;
        }
        String cleanCode = code == null ? "" : code.replaceAll("\\s+", "");
        work.submit(() -> requireSession().addContact(cleanCode, alias.strip()), added -> {
            conversations.select(added.alias());
            readOpenTimer();
            done.accept(Optional.empty());
            refresh();
        }, e -> done.accept(Optional.of(UserError.of(e))));
    }

    /** Checks a text before sending; returns the error to show, if any. */
    public static Optional<UserError> checkText(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(new UserError("error.textEmpty", ""));
        }
        if (text.getBytes(StandardCharsets.UTF_8).length > TextContent.MAX_TEXT_BYTES) {
            return Optional.of(new UserError("error.textTooLong", ""));
        }
        return Optional.empty();
    }

    /** Sends {@code text} to the open conversation; {@code done} gets the error, if any. */
    public void send(String text, Consumer<Optional<UserError>> done) {
        Optional<UserError> invalid = checkText(text);
        if (invalid.isEmpty() && conversations.selectedAlias().isEmpty()) {
            invalid = Optional.of(new UserError("error.noConversation", ""));
        }
        if (invalid.isPresent()) {
            done.accept(invalid);
            return;
        }
        String alias = conversations.selectedAlias().orElseThrow();
        work.submit(() -> requireSession().send(alias, text), id -> {
            typed("");
            done.accept(Optional.empty());
            refresh();
        }, e -> done.accept(Optional.of(UserError.of(e))));
    }

    /**
     * Sends {@code text} to the open conversation as a compact SMS message (end-to-end encrypted, 1–2 SMS);
     * {@code done} gets the error, if any.
     */
    public void sendBySms(String text, Consumer<Optional<UserError>> done) {
        Optional<UserError> invalid = checkText(text);
        if (invalid.isEmpty() && conversations.selectedAlias().isEmpty()) {
            invalid = Optional.of(new UserError("error.noConversation", ""));
        }
        if (invalid.isPresent()) {
            done.accept(invalid);
            return;
        }
        String alias = conversations.selectedAlias().orElseThrow();
        work.submit(() -> requireSession().sendBySms(alias, text), refused -> {
            done.accept(refused.map(key -> new UserError(key, "")));
            refresh();
        }, e -> done.accept(Optional.of(UserError.of(e))));
    }

    /**
     * <b>UNENCRYPTED.</b> Sends {@code text} as a plain SMS to {@code number} through the user's SMS relay; only
     * called after the user confirmed it for this message. {@code done} gets the error, if any.
     */
    public void sendPlainSms(String number, String text, Consumer<Optional<UserError>> done) {
        Optional<UserError> invalid = checkText(text);
        if (invalid.isPresent()) {
            done.accept(invalid);
            return;
        }
        String compact = number == null ? "" : number.replaceAll("[\\s()-]", "");
        if (!org.habarshy.core.sms.SmsRelayRequest.isNumber(compact)) {
            done.accept(Optional.of(new UserError("relay.error.number", "")));
            return;
        }
        work.submit(() -> requireSession().sendUnencryptedSms(compact, text),
                refused -> done.accept(refused.map(key -> new UserError(key, ""))),
                e -> done.accept(Optional.of(UserError.of(e))));
    }

    /** Gives {@code found} the phone number bound to the open conversation's alias, if any (UI thread). */
    public void smsNumberOfOpenConversation(Consumer<Optional<String>> found) {
        Optional<String> alias = conversations.selectedAlias();
        if (alias.isEmpty() || session == null) {
            found.accept(Optional.empty());
            return;
        }
        work.submit(() -> requireSession().smsNumber(alias.get()), found, e -> found.accept(Optional.empty()));
    }

    /** Reads the relays the user added; {@code done} gets them, or the error. */
    public void loadRelays(Consumer<List<RelayRow>> done, Consumer<UserError> failed) {
        work.submit(() -> requireSession().relays(), done, e -> failed.accept(UserError.of(e)));
    }

    /** Adds a relay from its name, relay code and {@code HOST:PORT}; {@code done} gets the error, if any. */
    public void addRelay(String name, String code, String address, Consumer<Optional<UserError>> done) {
        String cleanCode = code == null ? "" : code.replaceAll("\\s+", "");
        work.submit(() -> {
            requireSession().addRelay(name == null ? "" : name.strip(), cleanCode,
                    address == null ? "" : address.strip());
            return null;
        }, ignored -> done.accept(Optional.empty()), e -> done.accept(Optional.of(UserError.of(e))));
    }

    /** Registers a mailbox at the relay {@code name}; {@code done} gets the mailbox code, {@code failed} the error. */
    public void registerMailbox(String name, Consumer<String> done, Consumer<UserError> failed) {
        work.submit(() -> requireSession().registerMailbox(name), done, e -> failed.accept(UserError.of(e)));
    }

    /** Opens the conversation with {@code alias} (null closes it) and marks it read. */
    public void select(String alias) {
        // The contact left behind no longer sees a draft that is now being written to someone else.
        Optional<IdentityKey> leaving = openKey().filter(realTimeText::isOn);
        if (leaving.isPresent() && session != null && !java.util.Objects.equals(alias, conversations.selectedAlias().orElse(null))) {
            IdentityKey contact = leaving.get();
            work.submit(() -> requireSession().typed(contact, ""), sent -> { }, e -> { });
        }
        conversations.select(alias);
        fire(Listener::conversationsChanged);
        readOpenTimer();
        fire(Listener::conversationOptionsChanged);
        markOpenConversationRead();
    }

    /** Tells the node that the open conversation was shown (read receipts); failures only delay the receipt. */
    private void markOpenConversationRead() {
        Optional<String> open = conversations.selectedAlias();
        if (open.isEmpty() || session == null) {
            return;
        }
        String alias = open.get();
        work.submit(() -> requireSession().markRead(alias), marked -> { }, e -> System.getLogger(
                AppModel.class.getName()).log(System.Logger.Level.WARNING, "cannot mark read: " + e.getMessage()));
    }

    /** Filters the open conversation to messages containing {@code query} (case-insensitive); blank shows all. */
    public void search(String query) {
        conversations.search(query);
        fire(Listener::conversationsChanged);
    }

    /** Reads everything again now (also done every {@link #REFRESH_MILLIS}). */
    public void refresh() {
        work.submit(this::snapshotOnWorker, snapshot -> snapshot.ifPresent(this::apply), e -> { });
    }

    private void refreshOnWorker() {
        try {
            Optional<MessengerSession.Snapshot> snapshot = snapshotOnWorker();
            snapshot.ifPresent(s -> work.onUi(() -> apply(s)));
        } catch (Exception e) {
            System.getLogger(AppModel.class.getName()).log(System.Logger.Level.WARNING,
                    "cannot read the database: " + e.getMessage());
        }
    }

    private Optional<MessengerSession.Snapshot> snapshotOnWorker() throws Exception {
        return session == null ? Optional.empty() : Optional.of(session.snapshot());
    }

    /** Applies a fresh snapshot: counts new incoming messages as unread and tells the listeners. UI thread. */
    void apply(MessengerSession.Snapshot snapshot) {
        if (stage != Stage.READY) {
            return;
        }
        Conversations.Update update = conversations.apply(snapshot.contacts(), snapshot.messages());
        List<String> arrivedFrom = update.arrivedFrom();
        NetworkSummary fresh = NetworkSummary.of(snapshot.status(), snapshot.nodeError(), settings);
        boolean networkChanged = !fresh.equals(network);
        network = fresh;
        if (update.changed()) {
            fire(Listener::conversationsChanged);
        }
        if (networkChanged) {
            fire(Listener::networkChanged);
        }
        if (!arrivedFrom.isEmpty()) {
            fire(l -> l.messagesArrived(List.copyOf(arrivedFrom)));
            if (conversations.selectedAlias().filter(arrivedFrom::contains).isPresent()) {
                markOpenConversationRead();
            }
        }
    }

    /** Returns the contacts with unread counts and their newest message, by alias. */
    public List<ContactSummary> contacts() {
        return conversations.contacts();
    }

    /** Returns the total of unread messages. */
    public int unreadTotal() {
        return conversations.unreadTotal();
    }

    /** Returns the alias of the open conversation, if any. */
    public Optional<String> selectedAlias() {
        return conversations.selectedAlias();
    }

    /** Returns the open conversation's contact, if any. */
    public Optional<ContactSummary> selectedContact() {
        Optional<String> alias = conversations.selectedAlias();
        return contacts().stream().filter(c -> alias.isPresent() && c.alias().equals(alias.get())).findFirst();
    }

    /** Returns the current search text. */
    public String searchQuery() {
        return conversations.searchQuery();
    }

    /** Returns the open conversation's messages matching the search, oldest first. */
    public List<MessageRow> conversation() {
        return conversations.conversation();
    }

    /** Returns the network summary. */
    public NetworkSummary network() {
        return network;
    }

    /** Returns who this user is; only in {@link Stage#READY}. */
    public Profile profile() {
        return profile;
    }

    /** Returns the stage. */
    public Stage stage() {
        return stage;
    }

    /** Returns the settings. */
    public Settings settings() {
        return settings;
    }

    /**
     * Saves {@code changed} and applies it: the view re-renders language, theme and fonts; a new port, mDNS choice
     * or manual peers restart the node; a new data directory closes this account and opens the other one.
     */
    public void applySettings(Settings changed, Consumer<Optional<UserError>> done) {
        Settings before = settings;
        settings = changed;
        fire(l -> l.settingsChanged(changed));
        boolean dirChanged = !before.dataDir().equals(changed.dataDir());
        boolean networkChanged = before.port() != changed.port() || before.mdns() != changed.mdns()
                || !before.manualPeers().equals(changed.manualPeers());
        work.submit(() -> {
            settingsFile.save(changed);
            if (dirChanged && session != null) {
                session.close();
                session = null;
            } else if (networkChanged && session != null) {
                session.restartNode(changed);
            }
            return dirChanged;
        }, reopen -> {
            done.accept(Optional.empty());
            if (reopen) {
                resetConversations();
                setStage(Stage.LOADING);
                openDataDirectory();
            } else {
                refresh();
            }
        }, e -> done.accept(Optional.of(UserError.of(e))));
    }

    /**
     * Destroys keys, contacts and messages (panic button, after the view's confirmation): stops the node, closes
     * the account and wipes the data directory. {@code done} gets the wipe report.
     */
    public void panic(Consumer<PanicWipe.Report> done) {
        Path dir = settings.dataDir();
        // Manual peers say whom this user meets: they go too (the settings file lives outside the data folder).
        Settings forgetPeers = settings.withNetwork(dir, settings.port(), settings.mdns(), List.of());
        settings = forgetPeers;
        work.submit(() -> {
            PanicWipe.Report report;
            if (session != null) {
                MessengerSession closing = session;
                session = null;
                report = closing.wipe();
            } else {
                report = new PanicWipe(dir).wipe();
            }
            settingsFile.save(forgetPeers);
            return report;
        }, report -> {
            resetConversations();
            profile = null;
            setStage(Stage.WIPED);
            done.accept(report);
        }, e -> done.accept(new PanicWipe.Report(dir, List.of(), List.of(), List.of(String.valueOf(e.getMessage())),
                false)));
    }

    /**
     * Another process (e.g. {@code habarshy panic}) is wiping the data directory under the running node (called on
     * the node's watch thread): close the session without writing there again, forget the manual peers as the
     * app's own panic does, and show the wiped screen.
     */
    private void wipedElsewhere() {
        work.submit(() -> {
            if (session != null) {
                MessengerSession closing = session;
                session = null;
                closing.close();
            }
            return null;
        }, closed -> showWipedElsewhere(), e -> showWipedElsewhere());
    }

    private void showWipedElsewhere() {
        Settings forgetPeers = settings.withNetwork(settings.dataDir(), settings.port(), settings.mdns(), List.of());
        settings = forgetPeers;
        work.submit(() -> {
            settingsFile.save(forgetPeers);
            return null;
        }, saved -> { }, e -> { });
        resetConversations();
        profile = null;
        setStage(Stage.WIPED);
    }

    /** After a wipe: back to the first-run screen on the same data directory. */
    public void startAgain() {
        setStage(Stage.LOADING);
        openDataDirectory();
    }

    private void resetConversations() {
        conversations.reset();
        realTimeText.reset();
        openTimer = Optional.empty();
        fire(Listener::conversationsChanged);
    }

    /** Work done with the open session on the worker thread. */
    @FunctionalInterface
    public interface SessionTask<T> {
        /** Runs on the worker thread. */
        T run(MessengerSession session) throws Exception;
    }

    /**
     * Runs {@code task} with the open session on the worker thread, then {@code done} or {@code failed} on the UI
     * thread (for feature view models such as {@link FilesModel}).
     */
    public <T> void withSession(SessionTask<T> task, Consumer<T> done, Consumer<Exception> failed) {
        work.submit(() -> task.run(requireSession()), done, failed);
    }

    /**
     * Returns the model of the groups screen, which shares this model's worker and open account (made on first use).
     * UI thread.
     */
    public GroupsModel groupsModel() {
        if (groupsModel == null) {
            groupsModel = new GroupsModel(work, this::sessionOnWorker);
        }
        return groupsModel;
    }

    /** Returns the open session, if any. Worker thread only (for the other screens' models). */
    Optional<MessengerSession> sessionOnWorker() {
        return Optional.ofNullable(session);
    }

    private MessengerSession requireSession() {
        if (session == null) {
            throw new IllegalStateException("no account is open");
        }
        return session;
    }

    private void setStage(Stage next) {
        stage = next;
        fire(l -> l.stageChanged(next));
    }

    private void fire(Consumer<Listener> event) {
        for (Listener l : listeners) {
            event.accept(l);
        }
    }

    /** Stops the node and closes the account (waits for the worker). */
    @Override
    public void close() {
        work.submit(() -> {
            if (session != null) {
                session.close();
                session = null;
            }
            return null;
        }, ignored -> { }, e -> { });
        work.close();
    }
}
