package org.habarshy.core.store;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.habarshy.core.api.message.Direction;
import org.habarshy.core.api.message.MessageState;

/**
 * Child-process main for {@link DurabilityTest}: commits envelopes with queued messages one transaction each,
 * printing {@code COMMITTED n} after each commit returns, then {@code READY}, and waits to be killed.
 * Arguments: database file, number of rows ({@code -1} = keep writing until killed).
 */
public final class DurabilityChild {
    private DurabilityChild() {
    }

    /** Runs the child; exits by itself after two minutes in case the parent test died. */
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int rows = Integer.parseInt(args[1]);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Thread watchdog = new Thread(() -> {
            sleep(120_000);
            Runtime.getRuntime().halt(3);
        });
        watchdog.setDaemon(true);
        watchdog.start();

        EnvelopeStore envelopes = new EnvelopeStore();
        MessageStore messages = new MessageStore();
        Database db = Database.open(file);
        for (int i = 0; rows < 0 || i < rows; i++) {
            int n = i;
            db.write(t -> {
                envelopes.insert(t, StoreFixtures.envelope(n, Long.MAX_VALUE, 512));
                messages.insert(t, StoreFixtures.message(n, Direction.OUTGOING, 1, n, MessageState.QUEUED), n);
                return null;
            });
            out.println("COMMITTED " + n);
        }
        out.println("READY");
        sleep(Long.MAX_VALUE);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
