package org.habarshy.relay.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.habarshy.core.api.identity.AgreementKey;
import org.habarshy.core.api.message.TextContent;
import org.habarshy.core.crypto.AgreementKeyPair;
import org.habarshy.core.crypto.EnvelopeSealer;
import org.habarshy.core.crypto.SigningKeyPair;
import org.habarshy.core.mailbox.MailboxFormat;
import org.habarshy.core.mailbox.MailboxId;
import org.habarshy.core.wire.ContentCodec;
import org.habarshy.relay.status.Counter;
import org.habarshy.relay.status.RelayCounters;
import org.junit.jupiter.api.Test;

/** The mailbox rules, with real sealed envelopes; what the relay hands over is collected in a list. */
class MailboxTest {
    private static final long NOW = 1_800_000_000_000L;
    private static final long DAY = Duration.ofDays(1).toMillis();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);
    private final AgreementKeyPair relayKey = AgreementKeyPair.generate(random);
    private final AgreementKey relay = relayKey.publicKey();
    private final RelayCounters counters = new RelayCounters();
    private final List<byte[]> handedOver = new ArrayList<>();
    private final Mailbox mailbox = new Mailbox(relayKey, new MailboxPolicy(2, 1_000, Duration.ofHours(1)), clock,
            e -> handedOver.add(e), counters);
    private final SigningKeyPair user = SigningKeyPair.generate(random);
    private final AgreementKeyPair userAgreement = AgreementKeyPair.generate(random);

    private byte[] message(String text) {
        EnvelopeSealer sender = new EnvelopeSealer(SigningKeyPair.generate(random), AgreementKeyPair.generate(random),
                random);
        return sender.seal(userAgreement.publicKey(), new ContentCodec().encode(new TextContent(text, NOW)), NOW,
                NOW + DAY);
    }

    private byte[] deposit(SigningKeyPair owner, byte[] inner) {
        return MailboxFormat.deposit(MailboxFormat.idOf(owner.publicKey()), inner, relay, NOW, NOW + DAY, random);
    }

    @Test
    void holdsDepositsForARegisteredUserUntilTheirPickup() {
        mailbox.offer(MailboxFormat.register(user, relay, 5_000, NOW, NOW + DAY, random));
        byte[] first = message("first");
        byte[] second = message("second");
        mailbox.offer(deposit(user, first));
        mailbox.offer(deposit(user, second));
        assertThat(handedOver).isEmpty();
        assertThat(mailbox.heldBytes(user.publicKey())).isEqualTo(first.length + second.length);
        assertThat(counters.get(Counter.MAILBOX_HELD)).isEqualTo(2);

        mailbox.offer(MailboxFormat.pickup(user, relay, NOW, NOW + 60_000, random));
        assertThat(handedOver).containsExactly(first, second);
        assertThat(mailbox.heldBytes(user.publicKey())).isZero();
        assertThat(counters.get(Counter.MAILBOX_DELIVERED)).isEqualTo(2);
    }

    @Test
    void theQuotaIsTheRelaysCapAndDepositsBeyondItAreRefused() {
        mailbox.offer(MailboxFormat.register(user, relay, 1_000_000, NOW, NOW + DAY, random));
        byte[] small = message("fits");
        byte[] big = message("x".repeat(900));
        mailbox.offer(deposit(user, small));
        mailbox.offer(deposit(user, big));
        assertThat(counters.get(Counter.MAILBOX_HELD)).isEqualTo(1);
        assertThat(counters.get(Counter.MAILBOX_OVER_QUOTA)).isEqualTo(1);
        assertThat(mailbox.heldBytes(user.publicKey())).isEqualTo(small.length);
    }

    @Test
    void nothingIsHeldForAnUnregisteredMailboxAndOnlyItsOwnerCanPickUp() {
        SigningKeyPair stranger = SigningKeyPair.generate(random);
        mailbox.offer(deposit(user, message("nobody registered")));
        assertThat(counters.get(Counter.MAILBOX_UNREGISTERED)).isEqualTo(1);

        mailbox.offer(MailboxFormat.register(user, relay, 1_000, NOW, NOW + DAY, random));
        mailbox.offer(deposit(user, message("for the owner")));
        mailbox.offer(MailboxFormat.pickup(stranger, relay, NOW, NOW + 60_000, random));
        assertThat(handedOver).isEmpty();
        assertThat(counters.get(Counter.MAILBOX_REFUSED)).isEqualTo(1);
    }

    @Test
    void aStalePickupIsRefused() {
        mailbox.offer(MailboxFormat.register(user, relay, 1_000, NOW - DAY / 2, NOW + DAY, random));
        mailbox.offer(deposit(user, message("wait")));
        long old = NOW - Duration.ofHours(2).toMillis();
        mailbox.offer(MailboxFormat.pickup(user, relay, old, NOW + 60_000, random));
        assertThat(handedOver).isEmpty();
        assertThat(counters.get(Counter.MAILBOX_REFUSED)).isEqualTo(1);
    }

    @Test
    void theRelayHoldsAtMostItsMaximumOfMailboxes() {
        for (int i = 0; i < 3; i++) {
            mailbox.offer(MailboxFormat.register(SigningKeyPair.generate(random), relay, 10, NOW, NOW + DAY, random));
        }
        assertThat(mailbox.users()).isEqualTo(2);
        assertThat(counters.get(Counter.MAILBOX_REGISTERED)).isEqualTo(2);
        assertThat(counters.get(Counter.MAILBOX_REFUSED)).isEqualTo(1);
    }

    @Test
    void requestsSealedToAnotherKeyAndOrdinaryMessagesAreIgnored() {
        AgreementKey otherRelay = AgreementKeyPair.generate(random).publicKey();
        mailbox.offer(MailboxFormat.register(user, otherRelay, 1_000, NOW, NOW + DAY, random));
        mailbox.offer(message("an ordinary message"));
        mailbox.offer(new byte[] {1, 1, 0});
        assertThat(mailbox.users()).isZero();
        assertThat(counters.snapshot().values()).allMatch(v -> v == 0);
    }

    @Test
    void anOlderRegistrationDoesNotReplaceANewerOne() {
        mailbox.offer(MailboxFormat.register(user, relay, 1_000, NOW - 1_000, NOW + DAY, random));
        mailbox.offer(MailboxFormat.register(user, relay, 1_000, NOW - 5_000, NOW + 2 * DAY, random));
        assertThat(counters.get(Counter.MAILBOX_REGISTERED)).isEqualTo(1);
        assertThat(mailbox.users()).isEqualTo(1);
    }
}
