package org.habarshy.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.habarshy.core.crypto.Argon2idParameters;
import org.habarshy.core.wire.IdentityFileCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Identity files written by an implementation independent of ours
 * ({@code src/test/resources/identity/golden_identity_v2.py}: libargon2, OpenSSL, protobuf by hand) open here,
 * so docs/PROTOCOL.md section 6 is precise enough to write one. A correctly sealed file with parameters below the
 * floor is refused although its passphrase is right.
 */
class IdentityFileGoldenVectorTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final char[] PASSPHRASE = "Жарық жоқ, бірақ хабар жетеді".toCharArray();
    private static final String SIGNING_PUBLIC = "03a107bff3ce10be1d70dd18e74bc09967e4d6309ba50d5f1ddc8664125531b8";
    private static final String AGREEMENT_PUBLIC = "358072d6365880d1aeea329adf9121383851ed21a28e3b75e965d0d2cd166254";
    private static final String VERSION_1 = "0801120ed090d0b9d0b3d0b5d180d196d0bc1a20000102030405060708090a0b0c0d0e0f"
            + "101112131415161718191a1b1c1d1e1f2220202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f"
            + "2880d0eab6b733";
    private static final String HEADER = "0802100118809801200228013210404142434445464748494a4b4c4d4e4f";
    private static final String VERSION_2 = "0802121e0802100118809801200228013210404142434445464748494a4b4c4d4e4f"
            + "1a79505152535455565758595a5b16a985b72eea4e7284cdc19e4c2c7594e08ebff0e835061eb94be96810cc527bac2787"
            + "b508e9153d73bbbe1200aad0457a9ce528cca52d54faf567fa6aed086e113f2618247dd4b2c9d501ef21b17538b3a0f01b"
            + "b219232a5df9256424aa72c4f7bf4d99136f54cf8f78ee81e7";
    private static final String WEAK_VERSION_2 = "0802121d08021001188008200128013210404142434445464748494a4b4c4d4e4f"
            + "1a79505152535455565758595a5b054c2bb851414e07310eff5215e9f607b3f0de363182a5e8b32c1859c5db5a8d1b9d13"
            + "a989b65eb2c0692b8f1ac0706d882cd84ac6d58df89f91ab5849fec18472883afc919196312d0756ebfc60204498733d61"
            + "8e1423c6c7156a71a8fe1bb757fb6bc39cc12cade497e34949";

    @TempDir
    Path dir;

    @Test
    void opensTheIndependentlyWrittenVersion2File() throws Exception {
        Files.write(dir.resolve(IdentityFile.FILE_NAME), HEX.parseHex(VERSION_2));
        IdentityFile file = new IdentityFile(dir);
        assertThat(file.isEncrypted()).isTrue();
        assertGoldenKeys(file.load(PASSPHRASE.clone()));
    }

    @Test
    void opensTheIndependentlyWrittenVersion1File() throws Exception {
        Files.write(dir.resolve(IdentityFile.FILE_NAME), HEX.parseHex(VERSION_1));
        IdentityFile file = new IdentityFile(dir);
        assertThat(file.isEncrypted()).isFalse();
        assertGoldenKeys(file.load());
    }

    @Test
    void encodesTheHeaderByteForByte() {
        byte[] salt = HEX.parseHex("404142434445464748494a4b4c4d4e4f");
        assertThat(HEX.formatHex(new IdentityFileCodec().encodeHeader(Argon2idParameters.FLOOR, salt)))
                .isEqualTo(HEADER);
    }

    @Test
    void refusesACorrectlySealedFileWhoseParametersAreBelowTheFloor() throws Exception {
        Files.write(dir.resolve(IdentityFile.FILE_NAME), HEX.parseHex(WEAK_VERSION_2));
        assertThatThrownBy(() -> new IdentityFile(dir).load(PASSPHRASE.clone()))
                .isInstanceOfSatisfying(IdentityFileException.class,
                        e -> assertThat(e.reason()).isEqualTo(IdentityFileException.Reason.UNSAFE_PARAMETERS))
                .hasMessageContaining("refused").hasMessageContaining("m=1024 KiB, t=1");
    }

    private static void assertGoldenKeys(IdentityKeys keys) {
        assertThat(HEX.formatHex(keys.card().identityKey().bytes())).isEqualTo(SIGNING_PUBLIC);
        assertThat(HEX.formatHex(keys.card().agreementKey().bytes())).isEqualTo(AGREEMENT_PUBLIC);
        assertThat(keys.name()).isEqualTo("Айгерім");
        assertThat(keys.createdAt()).isEqualTo(1_767_225_600_000L);
    }
}
