package org.habarshy.relay.sms.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.habarshy.core.compact.CompactTextCodec;
import org.habarshy.core.compact.CompressionDictionaries;
import org.habarshy.core.compact.SmsCharset;
import org.habarshy.core.crypto.AgreementKeyPair;
import org.habarshy.core.crypto.CompactSealer;
import org.habarshy.core.testing.SmsCorpus;
import org.habarshy.relay.sms.segment.SmsSegmenter;
import org.junit.jupiter.api.Test;

/**
 * The goal of issue #5, checked on the fixed corpus: every 160-character message, sealed end to end, takes at most
 * 2 SMS (plain UCS-2 SMS need 3 for Kazakh and Russian). Sizes do not depend on the keys or the salt.
 */
class CompactSegmentsGoalTest {
    @Test
    void every160CharacterMessageTravelsEncryptedInAtMostTwoSms() {
        SecureRandom random = new SecureRandom();
        CompactSealer sealer = new CompactSealer(AgreementKeyPair.generate(random), random);
        AgreementKeyPair recipient = AgreementKeyPair.generate(random);
        CompactTextCodec codec = new CompactTextCodec(new SmsCharset(), CompressionDictionaries.builtIn());
        for (String language : SmsCorpus.LANGUAGES) {
            for (String text : SmsCorpus.messages(language)) {
                assertThat(text.codePointCount(0, text.length())).isEqualTo(160);
                byte[] sealed = sealer.seal(recipient.publicKey(), codec.encode(text), 1_767_225_600_000L, 168);
                assertThat(SmsSegmenter.segmentsFor(sealed.length)).as(language + ": " + text).isLessThanOrEqualTo(2);
            }
        }
    }
}
