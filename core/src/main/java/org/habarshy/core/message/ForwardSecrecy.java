package org.habarshy.core.message;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import org.habarshy.core.api.identity.AgreementKey;
import org.habarshy.core.api.identity.IdentityKey;
import org.habarshy.core.crypto.AgreementKeyPair;
import org.habarshy.core.crypto.RatchetException;
import org.habarshy.core.crypto.RatchetHeader;
import org.habarshy.core.crypto.RatchetSession;
import org.habarshy.core.store.RatchetSessionStore;
import org.habarshy.core.store.StoreException;
import org.habarshy.core.store.Transaction;

/**
 * Forward-secret sessions with peers (docs/PROTOCOL.md §3.2): loads a session, runs one ratchet step and saves
 * it in the caller's transaction, so the state on disk always matches what was sent or accepted, also with
 * several processes on one database. Sends on the peer's active session, starting one if there is none; a
 * session the peer starts becomes the active one (so both sides converge after simultaneous starts, and a peer
 * that lost its state is followed). Runs on the store executor.
 */
public final class ForwardSecrecy {
    /** Sessions kept per peer: the active one and the most recently used others. */
    static final int SESSIONS_PER_PEER = 4;
    private static final System.Logger LOG = System.getLogger(ForwardSecrecy.class.getName());

    private final AgreementKeyPair identity;
    private final RatchetSessionStore sessions;
    private final SecureRandom random;
    private final Clock clock;

    /** Creates the component for the user whose identity X25519 key pair is {@code identity}. */
    public ForwardSecrecy(AgreementKeyPair identity, RatchetSessionStore sessions, SecureRandom random, Clock clock) {
        this.identity = identity;
        this.sessions = sessions;
        this.random = random;
        this.clock = clock;
    }

    /**
     * Encrypts {@code plaintext} for the peer in its active session and saves the session in {@code t}. Throws
     * IllegalArgumentException if the peer's agreement key is unusable (a low-order point).
     */
    public byte[] encrypt(Transaction t, IdentityKey peer, AgreementKey peerAgreement, byte[] plaintext)
            throws StoreException {
        Optional<RatchetSessionStore.SavedSession> saved = sessions.active(t, peer);
        RatchetSession session = null;
        if (saved.isPresent()) {
            try {
                session = RatchetSession.restore(saved.get().state(), random);
            } catch (RatchetException e) {
                LOG.log(System.Logger.Level.WARNING, "a saved session is damaged, starting a new one: "
                        + e.getMessage());
            }
        }
        boolean fresh = session == null;
        if (fresh) {
            try {
                session = RatchetSession.start(identity, peerAgreement, random);
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException("the contact's agreement key is unusable", e);
            }
        }
        byte[] message = session.encrypt(plaintext);
        sessions.save(t, peer, session.sessionId(), session.serialize(), fresh, clock.millis(), SESSIONS_PER_PEER);
        return message;
    }

    /**
     * Decrypts a ratchet message from {@code peer} (whose X25519 key, bound by the envelope's signature, is
     * {@code peerAgreement}) and saves the session in {@code t}; a message flagged "start" of an unknown session
     * creates it. Throws {@link RatchetException} if it cannot be decrypted; nothing is saved then.
     */
    public byte[] decrypt(Transaction t, IdentityKey peer, AgreementKey peerAgreement, byte[] message)
            throws StoreException, RatchetException {
        RatchetHeader header = RatchetHeader.parse(message);
        long now = clock.millis();
        Optional<byte[]> saved = sessions.find(t, peer, header.sessionId());
        if (saved.isPresent()) {
            RatchetSession session = RatchetSession.restore(saved.get(), random);
            byte[] plaintext = session.decrypt(message, now);
            sessions.save(t, peer, session.sessionId(), session.serialize(), false, now, SESSIONS_PER_PEER);
            return plaintext;
        }
        RatchetSession.Accepted accepted;
        try {
            accepted = RatchetSession.accept(identity, peerAgreement, message, now, random);
        } catch (RatchetException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new RatchetException(RatchetException.Reason.AUTHENTICATION_FAILED, "unusable peer key");
        }
        sessions.save(t, peer, accepted.session().sessionId(), accepted.session().serialize(), true, now,
                SESSIONS_PER_PEER);
        return accepted.plaintext();
    }

    /** Forgets every session with {@code peer} (its key was replaced); returns how many. */
    public int forget(Transaction t, IdentityKey peer) throws StoreException {
        return sessions.deletePeer(t, peer);
    }
}
