package org.habarshy.core.mailbox;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.habarshy.core.api.identity.AgreementKey;
import org.habarshy.core.api.message.EnvelopeId;
import org.habarshy.core.crypto.EnvelopeFormat;
import org.habarshy.core.crypto.EnvelopeHeader;
import org.habarshy.core.crypto.MalformedEnvelopeException;
import org.habarshy.core.crypto.SigningKeyPair;
import org.habarshy.core.node.Account;
import org.habarshy.core.store.StoreException;

/**
 * The user's side of relay mailboxes (docs/PROTOCOL.md 8.4): the relays they added, their registrations, the
 * mailbox codes of contacts, and the requests — register, deposit, pickup — which are sealed envelopes stored with
 * {@link Account#carry} so that a running node (this process's or another's on the same data directory) offers
 * them on its links. State lives in the account's settings under {@code mailbox.}; the user's mailbox key for a
 * relay is derived from the identity key ({@link Account#mailboxKey}), never stored.
 */
public final class MailboxClient {
    /** How long a registration lives unless renewed (the envelope limit, section 3). */
    public static final Duration REGISTRATION_LIFETIME = Duration.ofDays(30);
    /** A pickup lives this long: long enough to reach the relay through a few hops, short enough to be useless later. */
    public static final Duration PICKUP_LIFETIME = Duration.ofHours(1);
    /** A registration with less than this left is renewed at the next pickup. */
    public static final Duration RENEW_BEFORE = Duration.ofDays(7);
    /** Default quota asked for. */
    public static final long DEFAULT_QUOTA = 1L << 20;

    static final String RELAYS = "mailbox.relays";
    static final String RELAY = "mailbox.relay.";
    static final String REGISTRATION = "mailbox.registration.";
    static final String CONTACT = "mailbox.contact.";

    private final Account account;
    private final Clock clock;
    private final SecureRandom random;

    /** Creates a client for {@code account}; {@code clock} dates the requests. */
    public MailboxClient(Account account, Clock clock, SecureRandom random) {
        this.account = account;
        this.clock = clock;
        this.random = random;
    }

    /** Adds (or replaces) the relay {@code relay.name()}. */
    public void addRelay(KnownRelay relay) throws StoreException {
        account.putSetting(RELAY + relay.name(), relay.code().encode() + " " + relay.address());
        Set<String> names = new LinkedHashSet<>(names());
        names.add(relay.name());
        account.putSetting(RELAYS, String.join(",", names));
    }

    /** Returns the relays the user added, in the order added. */
    public List<KnownRelay> relays() throws StoreException {
        List<KnownRelay> out = new ArrayList<>();
        for (String name : names()) {
            relay(name).ifPresent(out::add);
        }
        return out;
    }

    /** Returns the relay named {@code name}, if added. */
    public Optional<KnownRelay> relay(String name) throws StoreException {
        Optional<String> entry = account.setting(RELAY + name);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        String[] parts = entry.get().split(" ", 2);
        try {
            return Optional.of(KnownRelay.of(name, RelayCode.parse(parts[0]), parts[1]));
        } catch (InvalidCodeException | RuntimeException e) {
            throw new StoreException(StoreException.Reason.CORRUPT, "damaged relay setting '" + name + "'");
        }
    }

    private List<String> names() throws StoreException {
        String list = account.setting(RELAYS).orElse("");
        List<String> out = new ArrayList<>();
        for (String name : list.split(",")) {
            if (!name.isBlank()) {
                out.add(name.strip());
            }
        }
        return out;
    }

    /**
     * Registers (or renews) a mailbox at the relay {@code name} asking for {@code quotaBytes}; the request goes out
     * with the next link. Returns the registration.
     */
    public Registration register(String name, long quotaBytes) throws MailboxException, StoreException {
        if (quotaBytes < 1 || quotaBytes > 0xFFFF_FFFFL) {
            throw new MailboxException("the quota must be 1 byte to 4 GiB");
        }
        AgreementKey relayKey = mailboxKeyOf(name);
        long now = clock.millis();
        long expires = now + REGISTRATION_LIFETIME.toMillis();
        byte[] request = MailboxFormat.register(account.mailboxKey(relayKey), relayKey, quotaBytes, now, expires,
                random);
        carry(request);
        account.putSetting(REGISTRATION + name, quotaBytes + " " + now + " " + expires);
        return new Registration(name, quotaBytes, now, expires, address(relayKey));
    }

    /** Returns the user's registrations, one per relay registered with from this data directory. */
    public List<Registration> registrations() throws StoreException {
        List<Registration> out = new ArrayList<>();
        for (KnownRelay relay : relays()) {
            registration(relay).ifPresent(out::add);
        }
        return out;
    }

    private Optional<Registration> registration(KnownRelay relay) throws StoreException {
        Optional<String> entry = account.setting(REGISTRATION + relay.name());
        if (entry.isEmpty() || relay.code().mailboxKey().isEmpty()) {
            return Optional.empty();
        }
        String[] parts = entry.get().split(" ");
        try {
            return Optional.of(new Registration(relay.name(), Long.parseLong(parts[0]), Long.parseLong(parts[1]),
                    Long.parseLong(parts[2]), address(relay.code().mailboxKey().get())));
        } catch (RuntimeException e) {
            throw new StoreException(StoreException.Reason.CORRUPT, "damaged mailbox setting '" + relay.name() + "'");
        }
    }

    /** Returns the mailbox address (to share as a code) of the user's mailbox at the relay {@code name}. */
    public MailboxAddress address(String name) throws MailboxException, StoreException {
        return address(mailboxKeyOf(name));
    }

    private MailboxAddress address(AgreementKey relayKey) {
        return new MailboxAddress(relayKey, MailboxFormat.idOf(account.mailboxKey(relayKey).publicKey()));
    }

    /** Records that the contact {@code alias} receives deposits at {@code address} (their mailbox code). */
    public void setContactMailbox(String alias, MailboxAddress address) throws StoreException {
        account.putSetting(CONTACT + alias, address.encode());
    }

    /** Returns the mailbox address of the contact {@code alias}, if known. */
    public Optional<MailboxAddress> contactMailbox(String alias) throws StoreException {
        Optional<String> code = account.setting(CONTACT + alias);
        if (code.isEmpty() || code.get().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(MailboxAddress.parse(code.get()));
        } catch (InvalidCodeException e) {
            throw new StoreException(StoreException.Reason.CORRUPT, "damaged mailbox setting of a contact");
        }
    }

    /**
     * If the contact {@code alias} has a mailbox, also leaves a copy of the envelope {@code id} (just sent to them)
     * in it, so that the relay holds it until they pick it up. Returns whether a deposit was made.
     */
    public boolean depositCopy(String alias, EnvelopeId id) throws MailboxException, StoreException {
        Optional<MailboxAddress> box = contactMailbox(alias);
        if (box.isEmpty()) {
            return false;
        }
        byte[] inner = account.envelopeBytes(id).orElseThrow(
                () -> new MailboxException("the message to deposit is no longer held"));
        if (inner.length + MailboxFormat.DEPOSIT_OVERHEAD > EnvelopeFormat.MAX_CONTENT_BYTES) {
            throw new MailboxException("the message is too large to deposit in a mailbox");
        }
        EnvelopeHeader header;
        try {
            header = EnvelopeFormat.parseHeader(inner);
        } catch (MalformedEnvelopeException e) {
            throw new MailboxException("the message to deposit is damaged");
        }
        long now = clock.millis();
        if (header.expiresAt() <= now) {
            throw new MailboxException("the message to deposit has expired");
        }
        carry(MailboxFormat.deposit(box.get().id(), inner, box.get().relay(), now, header.expiresAt(), random));
        return true;
    }

    /**
     * Asks the relay {@code name} to hand over what it holds for the user now (it answers only on links it has,
     * so the node should be linked to it or to the mesh that reaches it). Renews the registration first if it
     * lapses within {@link #RENEW_BEFORE}.
     */
    public void pickup(String name) throws MailboxException, StoreException {
        AgreementKey relayKey = mailboxKeyOf(name);
        KnownRelay relay = relay(name).orElseThrow();
        Optional<Registration> current = registration(relay);
        if (current.isEmpty()) {
            throw new MailboxException("no mailbox registered at relay '" + name + "' (habarshy mailbox register "
                    + name + ")");
        }
        long now = clock.millis();
        if (current.get().expiresAt() - now < RENEW_BEFORE.toMillis()) {
            register(name, current.get().quotaBytes());
        }
        SigningKeyPair key = account.mailboxKey(relayKey);
        carry(MailboxFormat.pickup(key, relayKey, now, now + PICKUP_LIFETIME.toMillis(), random));
    }

    private AgreementKey mailboxKeyOf(String name) throws MailboxException, StoreException {
        KnownRelay relay = relay(name).orElseThrow(() -> new MailboxException("no relay named '" + name
                + "' (add it with: habarshy relay add " + name + " --code CODE --address HOST:PORT)"));
        return relay.code().mailboxKey().orElseThrow(() -> new MailboxException("relay '" + name
                + "' keeps no mailboxes (its relay code has no mailbox key)"));
    }

    private void carry(byte[] envelope) throws StoreException {
        try {
            account.carry(envelope);
        } catch (MalformedEnvelopeException e) {
            throw new IllegalStateException("a mailbox request made here was refused: " + e.getMessage(), e);
        }
    }
}
