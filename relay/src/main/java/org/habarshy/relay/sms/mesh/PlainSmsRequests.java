package org.habarshy.relay.sms.mesh;

import java.lang.System.Logger.Level;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.habarshy.core.crypto.AgreementKeyPair;
import org.habarshy.core.crypto.EnvelopeOpener;
import org.habarshy.core.crypto.Hashing;
import org.habarshy.core.crypto.MalformedEnvelopeException;
import org.habarshy.core.crypto.OpenedEnvelope;
import org.habarshy.core.node.Account;
import org.habarshy.core.node.CarriedEnvelope;
import org.habarshy.core.sms.SmsRelayRequest;
import org.habarshy.core.store.StoreException;
import org.habarshy.relay.sms.SmsBridge;
import org.habarshy.relay.sms.gateway.PhoneNumber;

/**
 * Serves users' plain-SMS requests (docs/PROTOCOL.md §15.4): walks the envelopes the relay carries with its own
 * cursor, trial-opens each with the relay's SMS request key, and queues the <b>unencrypted</b> SMS of every request
 * whose signer {@code sms.plain.allow} names, charged to that user's budget origin. Requests are never forwarded by
 * SMS ({@link #addressedToRelay}). A spent budget defers the rest to the next UTC day; nothing is skipped. Runs on
 * {@code habarshy-sms-requests}; numbers and texts are never logged.
 */
final class PlainSmsRequests implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(PlainSmsRequests.class.getName());
    private static final String CURSOR = "plain-requests";
    private static final long DAY_MS = 86_400_000L;
    private static final long WAIT_SECONDS = 30;
    private static final int BATCH = 50;

    private final Account account;
    private final SmsBridge bridge;
    private final EnvelopeOpener opener;
    private final Set<String> allowed;
    private final Clock clock;
    private final Duration interval;
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong refusedSender = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong deferred = new AtomicLong();
    private long deferredUntil;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "habarshy-sms-requests");
        t.setDaemon(true);
        return t;
    });

    PlainSmsRequests(Account account, SmsBridge bridge, AgreementKeyPair requestKey, Set<String> allowed, Clock clock,
                     Duration interval) {
        this.account = account;
        this.bridge = bridge;
        this.opener = new EnvelopeOpener(requestKey);
        this.allowed = Set.copyOf(allowed);
        this.clock = clock;
        this.interval = interval;
    }

    void start() {
        thread.scheduleWithFixedDelay(this::round, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Returns true if {@code envelope} is sealed to this relay's request key (it opens and verifies). */
    boolean addressedToRelay(byte[] envelope) {
        try {
            return opener.open(envelope).isPresent();
        } catch (GeneralSecurityException | MalformedEnvelopeException e) {
            return false;
        }
    }

    private void round() {
        try {
            if (deferredUntil > clock.millis()) {
                return;
            }
            long cursor = bridge.namedCursor(CURSOR).get(WAIT_SECONDS, TimeUnit.SECONDS);
            for (CarriedEnvelope carried : account.carriedAfter(cursor, BATCH)) {
                if (!serve(carried.bytes())) {
                    deferred.incrementAndGet();
                    deferredUntil = (clock.millis() / DAY_MS + 1) * DAY_MS;
                    LOG.log(Level.WARNING, "SMS budget spent: plain-SMS requests wait for the next UTC day");
                    return;
                }
                bridge.moveNamedCursor(CURSOR, carried.seq()).get(WAIT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | StoreException | RuntimeException e) {
            LOG.log(Level.WARNING, "plain-SMS requests paused until the next round: {0}",
                    e.getClass().getSimpleName());
        }
    }

    /** Handles one carried envelope; false if a budget deferred it. */
    private boolean serve(byte[] envelope) throws InterruptedException, ExecutionException, TimeoutException {
        Optional<OpenedEnvelope> opened;
        try {
            opened = opener.open(envelope);
        } catch (GeneralSecurityException | MalformedEnvelopeException e) {
            return true; // not a request of ours, or not verifiable: the node deals with it as with any envelope
        }
        if (opened.isEmpty()) {
            return true;
        }
        SmsRelayRequest request;
        try {
            request = SmsRelayRequest.decode(opened.get().content());
        } catch (SmsRelayRequest.MalformedRequestException e) {
            malformed.incrementAndGet();
            LOG.log(Level.WARNING, "SMS request refused: {0}", e.getMessage());
            return true;
        }
        String sender = HexFormat.of().formatHex(opened.get().sender().bytes());
        if (!allowed.contains("any") && !allowed.contains(sender)) {
            refusedSender.incrementAndGet();
            LOG.log(Level.WARNING, "plain-SMS request from user {0} refused: not in sms.plain.allow", origin(sender));
            return true;
        }
        PhoneNumber to;
        try {
            to = PhoneNumber.parse(request.number());
        } catch (IllegalArgumentException e) {
            malformed.incrementAndGet();
            LOG.log(Level.WARNING, "SMS request refused: the gateway cannot use its number");
            return true;
        }
        boolean accepted = bridge.sendUnencryptedPlainText(to, request.text(), origin(sender))
                .get(WAIT_SECONDS, TimeUnit.SECONDS);
        if (accepted) {
            queued.incrementAndGet();
            LOG.log(Level.INFO, "plain (unencrypted) SMS queued for user {0}", origin(sender));
        }
        return accepted;
    }

    /** The budget origin of a user: a short hash of their identity key, so logs do not carry the key itself. */
    private static String origin(String identityHex) {
        byte[] h = Hashing.sha256("habarshy/v1/sms-origin", HexFormat.of().parseHex(identityHex));
        return "user:" + HexFormat.of().formatHex(h, 0, 4);
    }

    long queued() {
        return queued.get();
    }

    long refusedSender() {
        return refusedSender.get();
    }

    long malformed() {
        return malformed.get();
    }

    long deferred() {
        return deferred.get();
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
