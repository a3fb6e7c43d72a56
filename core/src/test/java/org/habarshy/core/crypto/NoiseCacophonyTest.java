package org.habarshy.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Runs every cacophony vector whose protocol is exactly Noise_XX_25519_ChaChaPoly_SHA256: each handshake message
 * is written by one side and read by the other, then the transport messages that follow (which alternate
 * direction, the initiator sending the even-indexed ones) are checked the same way.
 */
class NoiseCacophonyTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void xxVectors(TestReporter reporter) throws Exception {
        Path file = VectorFiles.resolve("noise/cacophony.txt");
        assumeTrue(Files.isRegularFile(file), "cacophony vectors not found at " + file);
        JsonObject root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = JsonParser.parseReader(reader).getAsJsonObject();
        }
        List<JsonObject> vectors = new ArrayList<>();
        for (JsonElement element : root.getAsJsonArray("vectors")) {
            JsonObject vector = element.getAsJsonObject();
            if (vector.has("protocol_name")
                    && NoiseHandshake.PROTOCOL_NAME.equals(vector.get("protocol_name").getAsString())) {
                vectors.add(vector);
            }
        }
        assumeTrue(!vectors.isEmpty(), "no " + NoiseHandshake.PROTOCOL_NAME + " vector in " + file);
        int messages = 0;
        for (JsonObject vector : vectors) {
            messages += run(vector);
        }
        reporter.publishEntry("cacophony", vectors.size() + " vectors, " + messages + " messages");
    }

    private static int run(JsonObject vector) throws Exception {
        AgreementKeyPair initStatic = key(vector, "init_static");
        AgreementKeyPair respStatic = key(vector, "resp_static");
        NoiseHandshake initiator = NoiseHandshake.withFixedEphemeral(true, initStatic,
                key(vector, "init_ephemeral"), hex(vector, "init_prologue"));
        NoiseHandshake responder = NoiseHandshake.withFixedEphemeral(false, respStatic,
                key(vector, "resp_ephemeral"), hex(vector, "resp_prologue"));
        JsonArray messages = vector.getAsJsonArray("messages");
        assertThat(messages.size()).isGreaterThanOrEqualTo(3);
        for (int i = 0; i < 3; i++) {
            JsonObject message = messages.get(i).getAsJsonObject();
            NoiseHandshake sender = i % 2 == 0 ? initiator : responder;
            NoiseHandshake receiver = i % 2 == 0 ? responder : initiator;
            byte[] ciphertext = sender.writeMessage(hex(message, "payload"));
            assertThat(HEX.formatHex(ciphertext)).as("handshake message %d", i)
                    .isEqualTo(message.get("ciphertext").getAsString());
            assertThat(receiver.readMessage(ciphertext)).as("handshake payload %d", i)
                    .isEqualTo(hex(message, "payload"));
        }
        assertThat(initiator.isComplete()).isTrue();
        assertThat(responder.isComplete()).isTrue();
        assertThat(initiator.remoteStaticKey()).isEqualTo(respStatic.publicKey().bytes());
        assertThat(responder.remoteStaticKey()).isEqualTo(initStatic.publicKey().bytes());
        assertThat(initiator.handshakeHash()).isEqualTo(responder.handshakeHash());
        if (vector.has("handshake_hash")) {
            assertThat(HEX.formatHex(initiator.handshakeHash()))
                    .isEqualTo(vector.get("handshake_hash").getAsString());
        }
        NoiseTransport initTransport = initiator.split();
        NoiseTransport respTransport = responder.split();
        for (int i = 3; i < messages.size(); i++) {
            JsonObject message = messages.get(i).getAsJsonObject();
            NoiseTransport sender = i % 2 == 0 ? initTransport : respTransport;
            NoiseTransport receiver = i % 2 == 0 ? respTransport : initTransport;
            byte[] ciphertext = sender.encrypt(hex(message, "payload"));
            assertThat(HEX.formatHex(ciphertext)).as("transport message %d", i)
                    .isEqualTo(message.get("ciphertext").getAsString());
            assertThat(receiver.decrypt(ciphertext)).as("transport payload %d", i)
                    .isEqualTo(hex(message, "payload"));
        }
        return messages.size();
    }

    private static AgreementKeyPair key(JsonObject vector, String field) {
        return AgreementKeyPair.fromPrivateKey(hex(vector, field));
    }

    private static byte[] hex(JsonObject object, String field) {
        return HEX.parseHex(object.get(field).getAsString());
    }
}
