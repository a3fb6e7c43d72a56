package org.habarshy.core.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The plain-SMS request of docs/PROTOCOL.md §15.4. */
class SmsRelayRequestTest {
    private static final String EXAMPLE = "48425352010c2b37373031303030303030314869";

    @Test
    void theDocumentedExampleEncodesAndDecodes() throws Exception {
        SmsRelayRequest request = new SmsRelayRequest("+77010000001", "Hi");
        assertThat(HexFormat.of().formatHex(request.encode())).isEqualTo(EXAMPLE);
        assertThat(SmsRelayRequest.decode(HexFormat.of().parseHex(EXAMPLE))).isEqualTo(request);
        SmsRelayRequest kazakh = new SmsRelayRequest("+77011234567", "Сәлем, қайдасың?");
        assertThat(SmsRelayRequest.decode(kazakh.encode())).isEqualTo(kazakh);
        assertThat(kazakh.toString()).doesNotContain("7701").doesNotContain("Сәлем");
    }

    @Test
    void everyDeviationIsRefusedWithAReasonThatNamesNeitherNumberNorText() {
        byte[] good = HexFormat.of().parseHex(EXAMPLE);
        byte[] magic = good.clone();
        magic[0] = 'X';
        assertThatThrownBy(() -> SmsRelayRequest.decode(magic)).hasMessageContaining("not an SMS relay request");
        byte[] type = good.clone();
        type[4] = 2;
        assertThatThrownBy(() -> SmsRelayRequest.decode(type)).hasMessageContaining("unknown");
        byte[] shortNumber = good.clone();
        shortNumber[5] = 7;
        assertThatThrownBy(() -> SmsRelayRequest.decode(shortNumber)).hasMessageContaining("bad number");
        assertThatThrownBy(() -> SmsRelayRequest.decode(Arrays.copyOf(good, 18)))
                .hasMessageContaining("no text");
        byte[] letters = good.clone();
        letters[8] = 'x';
        assertThatThrownBy(() -> SmsRelayRequest.decode(letters)).hasMessageContaining("out of bounds")
                .hasMessageNotContaining("010000001");
        byte[] badUtf8 = Arrays.copyOf(good, good.length + 1);
        badUtf8[good.length] = (byte) 0xC3;
        assertThatThrownBy(() -> SmsRelayRequest.decode(badUtf8)).hasMessageContaining("UTF-8");
        byte[] tooLong = new SmsRelayRequest("+77010000001", "x").encode();
        byte[] longer = Arrays.copyOf(tooLong, tooLong.length + SmsRelayRequest.MAX_TEXT_BYTES);
        Arrays.fill(longer, tooLong.length, longer.length, (byte) 'x');
        assertThatThrownBy(() -> SmsRelayRequest.decode(longer)).hasMessageContaining("out of bounds");
        assertThatThrownBy(() -> SmsRelayRequest.decode(new byte[] {'H', 'B', 'S', 'R'}))
                .isInstanceOf(SmsRelayRequest.MalformedRequestException.class);
        assertThatThrownBy(() -> new SmsRelayRequest("77010000001", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SmsRelayRequest("+77010000001", "")).isInstanceOf(IllegalArgumentException.class);
    }
}
