package org.habarshy.relay.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.habarshy.relay.sms.codec.MalformedSmsException;
import org.junit.jupiter.api.Test;

class SmsFramesTest {
    @Test
    void resendRequestRoundTrips() throws Exception {
        byte[] frame = SmsFrames.resendRequest(250, 16, List.of(1, 9, 16));
        assertThat(frame).containsExactly(0xF1 - 256, 250 - 256, 16, 0x81 - 256, 0x01);
        SmsFrames.ResendRequest r = SmsFrames.parseResendRequest(frame);
        assertThat(r.reference()).isEqualTo(250);
        assertThat(r.total()).isEqualTo(16);
        assertThat(r.missing()).containsExactly(1, 9, 16);
    }

    @Test
    void malformedResendRequestsAreRefused() {
        assertThatThrownBy(() -> SmsFrames.parseResendRequest(new byte[] {(byte) 0xF1, 1, 2, 0}))
                .isInstanceOf(MalformedSmsException.class);
        assertThatThrownBy(() -> SmsFrames.parseResendRequest(new byte[] {(byte) 0xF1, 1, 1, 0, 1}))
                .hasMessageContaining("set of 1");
        assertThatThrownBy(() -> SmsFrames.parseResendRequest(new byte[] {(byte) 0xF1, 1, 17, 0, 1}))
                .hasMessageContaining("set of 17");
        assertThatThrownBy(() -> SmsFrames.parseResendRequest(new byte[] {(byte) 0xF1, 1, 2, 0, 0}))
                .hasMessageContaining("no part");
        assertThatThrownBy(() -> SmsFrames.parseResendRequest(new byte[] {(byte) 0xF1, 1, 2, 0, 4}))
                .hasMessageContaining("part 3 of 2");
    }
}
