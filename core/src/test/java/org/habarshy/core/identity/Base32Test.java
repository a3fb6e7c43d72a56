package org.habarshy.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Base32Test {
    @Test
    void matchesRfc4648TestVectorsWithoutPadding() {
        String[][] vectors = {{"", ""}, {"f", "MY"}, {"fo", "MZXQ"}, {"foo", "MZXW6"}, {"foob", "MZXW6YQ"},
            {"fooba", "MZXW6YTB"}, {"foobar", "MZXW6YTBOI"}};
        for (String[] v : vectors) {
            byte[] data = v[0].getBytes(StandardCharsets.US_ASCII);
            assertThat(Base32.encode(data)).isEqualTo(v[1]);
            assertThat(Base32.decode(v[1])).isEqualTo(data);
        }
    }

    @Test
    void roundTripsRandomDataAndIgnoresCaseSpacesAndDashes() {
        Random random = new Random(42);
        for (int length = 0; length < 100; length++) {
            byte[] data = new byte[length];
            random.nextBytes(data);
            String encoded = Base32.encode(data);
            assertThat(Base32.decode(encoded)).isEqualTo(data);
            assertThat(Base32.decode(encoded.toLowerCase().replaceAll("(.{4})", "$1 -"))).isEqualTo(data);
        }
    }

    @Test
    void rejectsForeignCharactersAndImpossibleLengths() {
        assertThatThrownBy(() -> Base32.decode("MZ1W")).hasMessageContaining("character 3");
        assertThatThrownBy(() -> Base32.decode("M")).hasMessageContaining("length");
        assertThatThrownBy(() -> Base32.decode("MZ")).hasMessageContaining("length");
    }
}
