package org.habarshy.core.identity;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.habarshy.core.crypto.Argon2idParameters;

/**
 * Child-process main for {@link PassphraseChangeKillTest}: finds which of two passphrases opens the identity in
 * the data directory, prints {@code STARTED}, then swaps the passphrase back and forth, printing {@code CHANGED n}
 * after each change returns, until it is killed. Argument: the data directory.
 */
public final class PassphraseChurnChild {
    static final char[] FIRST = "first passphrase".toCharArray();
    static final char[] SECOND = "второй пароль".toCharArray();

    private PassphraseChurnChild() {
    }

    /** Runs the child; exits by itself after two minutes in case the parent test died. */
    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(120_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(3);
        });
        watchdog.setDaemon(true);
        watchdog.start();

        IdentityFile file = new IdentityFile(Path.of(args[0]), Argon2idParameters.FLOOR);
        char[] current = opens(file, FIRST) ? FIRST : SECOND;
        out.println("STARTED");
        for (int n = 0; ; n++) {
            char[] next = current == FIRST ? SECOND : FIRST;
            file.changePassphrase(current.clone(), next.clone());
            current = next;
            out.println("CHANGED " + n);
        }
    }

    static boolean opens(IdentityFile file, char[] passphrase) throws java.io.IOException {
        try {
            file.load(passphrase.clone());
            return true;
        } catch (IdentityFileException e) {
            if (e.reason() == IdentityFileException.Reason.WRONG_PASSPHRASE) {
                return false;
            }
            throw e;
        }
    }
}
