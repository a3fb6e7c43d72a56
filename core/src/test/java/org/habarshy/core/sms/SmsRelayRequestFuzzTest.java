package org.habarshy.core.sms;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;

/**
 * Fuzzes the plain-SMS request decoder a relay runs on the content of envelopes sealed to its SMS request key
 * (PROTOCOL.md §15.4). Documented outcomes: a request that re-encodes to the same bytes, or
 * {@link SmsRelayRequest.MalformedRequestException}.
 */
@Tag("jazzer")
class SmsRelayRequestFuzzTest {
    @FuzzTest
    void decode(byte[] content) {
        SmsRelayRequest request;
        try {
            request = SmsRelayRequest.decode(content);
        } catch (SmsRelayRequest.MalformedRequestException e) {
            return;
        }
        if (!Arrays.equals(request.encode(), content)) {
            throw new AssertionError("a request that does not re-encode to itself");
        }
    }
}
