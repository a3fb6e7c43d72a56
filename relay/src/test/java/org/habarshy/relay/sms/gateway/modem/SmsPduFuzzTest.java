package org.habarshy.relay.sms.gateway.modem;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.habarshy.core.testing.SeedCorpus;
import org.habarshy.relay.sms.codec.MalformedSmsException;
import org.habarshy.relay.sms.gateway.PhoneNumber;
import org.habarshy.relay.sms.segment.SmsSegment;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes {@link SmsPdu#parseDeliver}, which reads every PDU a GSM modem reports ({@code AT+CMGR}), from the SMSC
 * part to the user data. The only documented failure is {@link MalformedSmsException}; a parsed SMS carries 1..140
 * bytes of user data and a valid phone number.
 */
@Tag("jazzer")
class SmsPduFuzzTest {
    @FuzzTest
    void parseDeliver(byte[] pdu) {
        SmsPdu.Deliver deliver;
        try {
            deliver = SmsPdu.parseDeliver(pdu);
        } catch (MalformedSmsException rejected) {
            return;
        }
        int length = deliver.segment().userData().length;
        if (length < 1 || length > SmsSegment.MAX_USER_DATA || length >= pdu.length) {
            throw new AssertionError("user data of " + length + " bytes from a PDU of " + pdu.length);
        }
        PhoneNumber.parse(deliver.from().e164()); // a valid number parses again
    }

    @Test
    void seedCorpusMatchesItsRecipe() throws Exception {
        SeedCorpus.check(SmsPduFuzzTest.class, "parseDeliver", seeds());
    }

    /** Real SMS-DELIVER PDUs (8-bit, UCS-2, with UDH) and damaged ones. */
    static Map<String, byte[]> seeds() {
        HexFormat hex = HexFormat.of();
        String smsc = "07917777140230f2";
        String deliver8bit = smsc + "04" + "0b917770100020f2" + "00" + "04" + "62113261445021" + "05" + "0102030405";
        String deliverUdh = smsc + "44" + "0b917770100020f2" + "00" + "04" + "62113261445021" + "0a"
                + "050003a70201" + "cafebabe";
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        seeds.put("deliver-8bit", hex.parseHex(deliver8bit));
        seeds.put("deliver-udh", hex.parseHex(deliverUdh));
        seeds.put("deliver-ucs2", hex.parseHex(smsc + "04" + "0b917770100020f2" + "00" + "08" + "62113261445021"
                + "04" + "04300431"));
        seeds.put("deliver-gsm7", hex.parseHex(smsc + "04" + "0b917770100020f2" + "00" + "00" + "62113261445021"
                + "05" + "c8329bfd06"));
        seeds.put("alphanumeric-sender", hex.parseHex(smsc + "04" + "0ed0d637396c7ebbcb" + "00" + "04"
                + "62113261445021" + "01" + "00"));
        seeds.put("submit-not-deliver", hex.parseHex("00" + "01" + "00" + "0b917770100020f2" + "0004" + "0100"));
        seeds.put("user-data-length-lies", hex.parseHex(deliver8bit.substring(0, deliver8bit.length() - 2)));
        seeds.put("smsc-length-overruns", hex.parseHex("ff0011"));
        seeds.put("non-digit-address", hex.parseHex(smsc + "04" + "0b91777a100020f2" + "00" + "04"
                + "62113261445021" + "01" + "00"));
        seeds.put("empty", new byte[0]);
        return seeds;
    }
}
