package org.habarshy.relay.testing;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects every log line (formatted as the daemon would print it) while open. */
public final class LogCapture extends Handler implements AutoCloseable {
    private final List<String> lines = new ArrayList<>();

    /** Starts capturing on the root logger. */
    public static LogCapture start() {
        LogCapture capture = new LogCapture();
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    @Override
    public synchronized void publish(LogRecord record) {
        String message = record.getMessage();
        if (record.getParameters() != null && message != null) {
            try {
                message = MessageFormat.format(message, record.getParameters());
            } catch (IllegalArgumentException e) {
                // keep the raw message
            }
        }
        lines.add(record.getLoggerName() + " " + message
                + (record.getThrown() == null ? "" : " " + record.getThrown()));
    }

    /** Returns the lines captured so far. */
    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
