package org.habarshy.core.channel;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;

/**
 * Fuzzes the channel code and posting key readers (text a user pastes or a QR image holds, PROTOCOL.md §12.2): the
 * only allowed failure is {@link InvalidChannelCodeException}; a decoded code must encode back to an equivalent one.
 */
@Tag("jazzer")
class ChannelCodesFuzzTest {
    private final ChannelCodes codes = new ChannelCodes();

    @FuzzTest
    void decodeText(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            ChannelCode code = codes.decodeCode(text);
            String again = codes.code(code.name(), code.key(), code.secret());
            if (!codes.decodeCode(again).equals(code)) {
                throw new AssertionError("a decoded channel code does not round-trip");
            }
        } catch (InvalidChannelCodeException e) {
            // the documented refusal
        }
        try {
            codes.decodePostingKey(text);
        } catch (InvalidChannelCodeException e) {
            // the documented refusal
        }
    }
}
