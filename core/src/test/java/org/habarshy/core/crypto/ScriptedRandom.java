package org.habarshy.core.crypto;

import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;

/** A {@link SecureRandom} that hands out exactly the bytes a test scripted, in order; running out fails. */
final class ScriptedRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;

    private final byte[] script;
    private int position;

    ScriptedRandom(byte[]... chunks) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] chunk : chunks) {
            all.writeBytes(chunk);
        }
        this.script = all.toByteArray();
    }

    @Override
    public synchronized void nextBytes(byte[] bytes) {
        if (script == null) {
            return; // SecureRandom's constructor may draw before the script is set
        }
        if (position + bytes.length > script.length) {
            throw new IllegalStateException("scripted randomness exhausted");
        }
        System.arraycopy(script, position, bytes, 0, bytes.length);
        position += bytes.length;
    }

    @Override
    public void setSeed(long seed) {
        // Ignored: the output is the script.
    }
}
