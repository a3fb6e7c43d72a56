package org.habarshy.core.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.habarshy.core.api.identity.AgreementKey;
import org.habarshy.core.crypto.AgreementKeyPair;
import org.habarshy.core.crypto.Hashing;
import org.habarshy.core.identity.Base32;
import org.habarshy.core.node.Account;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Relay codes and mailbox codes (docs/PROTOCOL.md 8.4, 8.5): layout, round trips and every refusal. */
class MailboxCodesTest {
    private static final HexFormat HEX = HexFormat.of();
    private final SecureRandom random = new SecureRandom();

    @TempDir
    Path dir;

    private static AgreementKey key(int fill) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) fill);
        return new AgreementKey(bytes);
    }

    @Test
    void aRelayCodeIsFlagsLinkKeyMailboxKeyAndAChecksumInBase32() throws Exception {
        RelayCode code = new RelayCode(key(0x11), Optional.of(key(0x22)));
        byte[] body = HEX.parseHex("01" + "11".repeat(32) + "22".repeat(32));
        byte[] checksum = Arrays.copyOf(Hashing.sha256("habarshy/v1/relay-code", body), 4);
        byte[] all = Arrays.copyOf(body, body.length + 4);
        System.arraycopy(checksum, 0, all, body.length, 4);
        assertThat(code.encode()).isEqualTo("HBR1" + Base32.encode(all));
        assertThat(RelayCode.parse(code.encode())).isEqualTo(code);
        assertThat(RelayCode.parse(code.encode().toLowerCase().replaceAll("(.{8})", "$1-"))).isEqualTo(code);
        RelayCode noMailbox = new RelayCode(key(0x33), Optional.empty());
        assertThat(noMailbox.encode()).hasSize(4 + (33 + 4) * 8 / 5 + 1);
        assertThat(RelayCode.parse(noMailbox.encode())).isEqualTo(noMailbox);
    }

    @Test
    void damagedOrForeignRelayCodesAreRefusedSayingWhy() {
        String good = new RelayCode(key(0x11), Optional.of(key(0x22))).encode();
        char c = good.charAt(20);
        String typo = good.substring(0, 20) + (c == 'A' ? 'B' : 'A') + good.substring(21);
        assertThatThrownBy(() -> RelayCode.parse(typo)).isInstanceOf(InvalidCodeException.class)
                .hasMessage("the relay code has a typing error (checksum mismatch)");
        assertThatThrownBy(() -> RelayCode.parse("HB1" + good.substring(4))).hasMessageContaining("starts with HBR1");
        assertThatThrownBy(() -> RelayCode.parse("HBR1!!")).hasMessageContaining("not a relay code");
        assertThatThrownBy(() -> RelayCode.parse("HBR1")).hasMessageContaining("too short");
        assertThatThrownBy(() -> RelayCode.parse("HBR1" + "A".repeat(600))).hasMessageContaining("too long");
        assertThatThrownBy(() -> RelayCode.parse(withChecksum("HBR1", "habarshy/v1/relay-code",
                HEX.parseHex("02" + "11".repeat(32))))).hasMessageContaining("flags");
        assertThatThrownBy(() -> RelayCode.parse(withChecksum("HBR1", "habarshy/v1/relay-code",
                HEX.parseHex("01" + "11".repeat(32))))).hasMessage("the relay code has a wrong length");
        String mailboxCode = new MailboxAddress(key(1), new MailboxId(new byte[16])).encode();
        assertThatThrownBy(() -> RelayCode.parse(mailboxCode)).hasMessageContaining("starts with HBR1");
    }

    private static String withChecksum(String prefix, String label, byte[] body) {
        return CheckedCodes.encode(prefix, label, body);
    }

    @Test
    void aMailboxCodeRoundTripsAndIsRefusedWhenDamaged() throws Exception {
        MailboxAddress address = new MailboxAddress(key(0x44), new MailboxId(HEX.parseHex("00112233445566778899aabbccddeeff")));
        assertThat(MailboxAddress.parse(address.encode())).isEqualTo(address);
        assertThat(address.encode()).startsWith("HBM1");
        String code = address.encode();
        String typo = code.substring(0, 30) + (code.charAt(30) == 'A' ? 'B' : 'A') + code.substring(31);
        assertThatThrownBy(() -> MailboxAddress.parse(typo)).hasMessage(
                "the mailbox code has a typing error (checksum mismatch)");
        assertThatThrownBy(() -> MailboxAddress.parse(withChecksum("HBM1", "habarshy/v1/mailbox-code",
                new byte[47]))).hasMessage("the mailbox code has a wrong length");
    }

    @Test
    void theMailboxKeyIsStablePerRelayDiffersBetweenRelaysAndIsNotTheIdentityKey() throws Exception {
        AgreementKey relayA = AgreementKeyPair.generate(random).publicKey();
        AgreementKey relayB = AgreementKeyPair.generate(random).publicKey();
        try (Account account = Account.create(dir.resolve("a"), "A", Clock.systemUTC())) {
            assertThat(account.mailboxKey(relayA).publicKey()).isEqualTo(account.mailboxKey(relayA).publicKey())
                    .isNotEqualTo(account.mailboxKey(relayB).publicKey())
                    .isNotEqualTo(account.card().identityKey());
        }
        try (Account reopened = Account.open(dir.resolve("a"), Clock.systemUTC())) {
            assertThat(MailboxFormat.idOf(reopened.mailboxKey(relayA).publicKey())).isNotNull();
        }
    }

    @Test
    void relayEntriesCheckTheirNameAndAddress() {
        RelayCode code = new RelayCode(key(1), Optional.empty());
        assertThat(KnownRelay.of("taraz-1", code, "[::1]:7455").address()).isEqualTo("[::1]:7455");
        assertThat(KnownRelay.of("taraz", code, "relay.example.kz:7455").port()).isEqualTo(7455);
        assertThatThrownBy(() -> KnownRelay.of("Taraz", code, "h:1")).hasMessageContaining("relay name");
        assertThatThrownBy(() -> KnownRelay.of("t", code, "h")).hasMessageContaining("HOST:PORT");
        assertThatThrownBy(() -> KnownRelay.of("t", code, "h:x")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> KnownRelay.of("t", code, "h:70000")).hasMessageContaining("1..65535");
        assertThatThrownBy(() -> KnownRelay.of("t", code, "a b:1")).hasMessageContaining("not a host");
    }
}
