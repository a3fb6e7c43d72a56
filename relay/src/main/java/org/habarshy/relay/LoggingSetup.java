package org.habarshy.relay;

import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Sends log records to stderr as one structured line each: UTC time, level, logger (component) and message, e.g.
 * {@code 2026-11-23T14:40:03.123Z INFO relay.federation.FederationLink federation peer r2: link up via socks5#1a2b3c4d}.
 * Messages carry counts, configured peer names and proxy labels only: never addresses, keys, phone numbers or
 * message content.
 */
final class LoggingSetup {
    private LoggingSetup() {
    }

    static void install() {
        if (System.getProperty("java.util.logging.config.file") != null) {
            return;
        }
        System.setProperty("java.util.logging.SimpleFormatter.format",
                "%1$tFT%1$tT.%1$tLZ %4$s %3$s %5$s%6$s%n");
        System.setProperty("user.timezone", "UTC");
        LogManager.getLogManager().reset();
        ConsoleHandler handler = new ConsoleHandler();
        handler.setFormatter(new SimpleFormatter() {
            @Override
            public String format(java.util.logging.LogRecord record) {
                String name = record.getLoggerName() == null ? "" : record.getLoggerName();
                record.setLoggerName(name.replace("org.habarshy.", ""));
                return super.format(record);
            }
        });
        handler.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        root.addHandler(handler);
        root.setLevel(Level.INFO);
        Logger.getLogger("javax.jmdns").setLevel(Level.SEVERE);
        Logger.getLogger("io.netty").setLevel(Level.WARNING);
    }
}
