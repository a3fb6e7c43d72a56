package org.habarshy.desktop;

import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** Sends log records (ours via System.Logger, JmDNS via slf4j-jdk14, Netty) to stderr, one line each. */
final class LoggingSetup {
    private LoggingSetup() {
    }

    static void install() {
        if (System.getProperty("java.util.logging.config.file") != null) {
            return;
        }
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT %4$s %5$s%6$s%n");
        LogManager.getLogManager().reset();
        ConsoleHandler handler = new ConsoleHandler();
        handler.setFormatter(new SimpleFormatter());
        handler.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        root.addHandler(handler);
        root.setLevel(Level.INFO);
        Logger.getLogger("javax.jmdns").setLevel(Level.SEVERE);
        Logger.getLogger("io.netty").setLevel(Level.WARNING);
    }
}
