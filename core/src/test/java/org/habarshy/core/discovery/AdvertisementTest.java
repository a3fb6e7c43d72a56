package org.habarshy.core.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.jmdns.ServiceInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AdvertisementTest {
    private static final String ID = "0123456789abcdef";

    @Test
    void advertisesNameTxtAndPort() {
        ServiceInfo info = new Advertisement(ID, 7001).toServiceInfo();

        assertThat(info.getType()).isEqualTo(MdnsPeerDiscovery.SERVICE_TYPE);
        assertThat(info.getName()).isEqualTo("habarshy-" + ID);
        assertThat(info.getPort()).isEqualTo(7001);
        assertThat(info.getPropertyString("id")).isEqualTo(ID);
        assertThat(info.getPropertyString("v")).isEqualTo("1");
    }

    @Test
    void readsWhatItWrites() {
        ServiceInfo info = new Advertisement(ID, 7001).toServiceInfo();

        assertThat(Advertisement.parse(info)).contains(new Advertisement(ID, 7001));
    }

    @Test
    void readsRawTxtRecord() {
        ServiceInfo info = ServiceInfo.create(MdnsPeerDiscovery.SERVICE_TYPE, "habarshy-" + ID, 7001, 0, 0,
                txt("id=" + ID, "v=1", "future=stuff"));

        assertThat(Advertisement.parse(info)).contains(new Advertisement(ID, 7001));
    }

    @Test
    void acceptsLaterVersionsTheHandshakeWillSortOut() {
        assertThat(Advertisement.parse("x", ID, "2", 7001)).contains(new Advertisement(ID, 7001));
    }

    @Test
    void ignoresTruncatedTxtRecord() {
        byte[] truncated = {20, 'i', 'd', '=', 'a', 'b'};
        ServiceInfo info = ServiceInfo.create(MdnsPeerDiscovery.SERVICE_TYPE, "habarshy-ab", 7001, 0, 0, truncated);

        assertThat(Advertisement.parse(info)).isEmpty();
    }

    @Test
    void ignoresTxtWithoutId() {
        ServiceInfo info = ServiceInfo.create(MdnsPeerDiscovery.SERVICE_TYPE, "habarshy-" + ID, 7001, 0, 0,
                Map.of("v", "1"));

        assertThat(Advertisement.parse(info)).isEmpty();
    }

    @Test
    void ignoresTxtWithoutVersion() {
        ServiceInfo info = ServiceInfo.create(MdnsPeerDiscovery.SERVICE_TYPE, "habarshy-" + ID, 7001, 0, 0,
                Map.of("id", ID));

        assertThat(Advertisement.parse(info)).isEmpty();
    }

    @Test
    void ignoresKeysWithoutValues() {
        ServiceInfo info = ServiceInfo.create(MdnsPeerDiscovery.SERVICE_TYPE, "habarshy-" + ID, 7001, 0, 0,
                txt("id", "v"));

        assertThat(Advertisement.parse(info)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 65_536, Integer.MAX_VALUE})
    void ignoresMalformedPort(int port) {
        assertThat(Advertisement.parse("habarshy-" + ID, ID, "1", port)).isEmpty();
    }

    @Test
    void ignoresZeroPortFromTheWire() {
        ServiceInfo info = ServiceInfo.create(MdnsPeerDiscovery.SERVICE_TYPE, "habarshy-" + ID, 0, 0, 0,
                Map.of("id", ID, "v", "1"));

        assertThat(Advertisement.parse(info)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"../etc", "a b", "ümlaut", "id=x",
        "0123456789012345678901234567890123456789012345678901234"})
    void ignoresMalformedId(String id) {
        assertThat(Advertisement.parse("x", id, "1", 7001)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"0", "-1", "1.0", "x", " 1", "12345678901"})
    void ignoresMalformedVersion(String version) {
        assertThat(Advertisement.parse("x", ID, version, 7001)).isEmpty();
    }

    @Test
    void recognisesOwnServiceNameEvenRenamed() {
        assertThat(Advertisement.isNameOf("habarshy-" + ID, ID)).isTrue();
        assertThat(Advertisement.isNameOf("HABARSHY-" + ID.toUpperCase(), ID)).isTrue();
        assertThat(Advertisement.isNameOf("habarshy-" + ID + " (2)", ID)).isTrue();
        assertThat(Advertisement.isNameOf("habarshy-" + ID + "0", ID)).isFalse();
        assertThat(Advertisement.isNameOf("habarshy-0123", ID)).isFalse();
        assertThat(Advertisement.isNameOf(null, ID)).isFalse();
    }

    @Test
    void rejectsInvalidOwnValues() {
        assertThatThrownBy(() -> new Advertisement("bad id", 7001)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Advertisement(ID, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Advertisement(ID, 65_536)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Advertisement("a", 65_535).port()).isEqualTo(65_535);
    }

    /** Encodes DNS TXT strings: each one a length byte and its bytes. */
    private static byte[] txt(String... entries) {
        int size = 0;
        for (String entry : entries) {
            size += 1 + entry.getBytes(StandardCharsets.UTF_8).length;
        }
        byte[] out = new byte[size];
        int at = 0;
        for (String entry : entries) {
            byte[] bytes = entry.getBytes(StandardCharsets.UTF_8);
            out[at++] = (byte) bytes.length;
            System.arraycopy(bytes, 0, out, at, bytes.length);
            at += bytes.length;
        }
        return out;
    }
}
