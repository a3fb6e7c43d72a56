package org.habarshy.core.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * A {@link SecureRandom} whose output is a fixed function of a label: SHA-256 of the label and a block
 * counter. Fuzz targets draw their keys from it so that the same input always takes the same path (which
 * coverage-guided fuzzing needs), and so that committed seeds such as a recorded handshake stay valid.
 * It is predictable by design: tests only.
 */
public final class DeterministicRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;

    private final byte[] label;
    private final byte[] block = new byte[32];
    private long counter;
    private int used = block.length;

    /** Creates a stream determined by {@code label}. */
    public DeterministicRandom(String label) {
        this.label = label.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void nextBytes(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (used == block.length) {
                refill();
            }
            bytes[i] = block[used++];
        }
    }

    @Override
    public void setSeed(long seed) {
        // Ignored: the stream depends on the label only (Random's constructor calls this).
    }

    @Override
    public synchronized void setSeed(byte[] seed) {
        // Ignored, as above.
    }

    private void refill() {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(label);
            for (int i = 0; i < Long.BYTES; i++) {
                sha256.update((byte) (counter >>> (8 * i)));
            }
            System.arraycopy(sha256.digest(), 0, block, 0, block.length);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
        counter++;
        used = 0;
    }
}
