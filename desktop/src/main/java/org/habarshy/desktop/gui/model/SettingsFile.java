package org.habarshy.desktop.gui.model;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Reads and writes {@link Settings} as a UTF-8 properties file. A missing file gives the defaults; a value that does
 * not parse falls back to its default, so a hand-edited file never stops the app from starting.
 */
public final class SettingsFile {
    /** Largest settings file read, in bytes. */
    static final long MAX_BYTES = 64 * 1024;

    private final Path file;
    private final Path defaultDataDir;

    /** Settings in {@code file}; {@code defaultDataDir} is used when the file names none. */
    public SettingsFile(Path file, Path defaultDataDir) {
        this.file = file;
        this.defaultDataDir = defaultDataDir;
    }

    /** Returns the default location: {@code $XDG_CONFIG_HOME/habarshy/desktop.properties} or under {@code ~/.config}. */
    public static Path defaultLocation(String xdgConfigHome, Path home) {
        Path base = xdgConfigHome != null && !xdgConfigHome.isBlank() ? Path.of(xdgConfigHome)
                : home.resolve(".config");
        return base.resolve("habarshy").resolve("desktop.properties");
    }

    /** Returns the file's path. */
    public Path path() {
        return file;
    }

    /** Loads the settings; missing or unreadable values take their defaults. */
    public Settings load() throws IOException {
        // With no choice made yet, speak the system's language if the app has it, else Kazakh.
        Settings defaults = Settings.defaults(defaultDataDir)
                .withLanguage(Language.ofTag(java.util.Locale.getDefault().getLanguage(), Language.KK));
        Properties p = new Properties();
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new IOException("settings file " + file + " is larger than " + MAX_BYTES + " bytes");
            }
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            }
        } catch (NoSuchFileException e) {
            return defaults;
        }
        Language language = Language.ofTag(p.getProperty("language", ""), defaults.language());
        Theme theme = enumValue(p.getProperty("theme"), defaults.theme());
        int scale = intValue(p.getProperty("fontScale"), Settings.MIN_FONT_SCALE, Settings.MAX_FONT_SCALE,
                defaults.fontScalePercent());
        String dir = p.getProperty("dataDir", "");
        Path dataDir = dir.isBlank() ? defaults.dataDir() : Path.of(dir);
        int port = intValue(p.getProperty("port"), 0, 65_535, defaults.port());
        boolean mdns = !"false".equalsIgnoreCase(p.getProperty("mdns", "true").strip());
        List<PeerAddress> peers = new ArrayList<>();
        for (String entry : p.getProperty("peers", "").split(",")) {
            if (!entry.isBlank() && peers.size() < Settings.MAX_MANUAL_PEERS) {
                try {
                    peers.add(PeerAddress.parse(entry));
                } catch (IllegalArgumentException ignored) {
                    // A malformed entry is dropped; the rest still count.
                }
            }
        }
        boolean flash = "true".equalsIgnoreCase(p.getProperty("flashBorder", "false").strip());
        return new Settings(language, theme, scale, dataDir, port, mdns, peers, flash);
    }

    /** Writes {@code settings} atomically (temporary file, then rename). */
    public void save(Settings settings) throws IOException {
        Properties p = new Properties();
        p.setProperty("language", settings.language().tag());
        p.setProperty("theme", settings.theme().name());
        p.setProperty("fontScale", Integer.toString(settings.fontScalePercent()));
        p.setProperty("dataDir", settings.dataDir().toString());
        p.setProperty("port", Integer.toString(settings.port()));
        p.setProperty("mdns", Boolean.toString(settings.mdns()));
        p.setProperty("flashBorder", Boolean.toString(settings.flashBorder()));
        p.setProperty("peers", String.join(",", settings.manualPeers().stream().map(PeerAddress::toString).toList()));
        StringWriter text = new StringWriter();
        p.store(text, "Habarshy desktop settings");
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = parent.resolve(file.getFileName() + ".tmp");
        Files.writeString(tmp, text.toString(), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Theme enumValue(String text, Theme fallback) {
        for (Theme theme : Theme.values()) {
            if (theme.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return theme;
            }
        }
        return fallback;
    }

    private static int intValue(String text, int min, int max, int fallback) {
        try {
            int value = Integer.parseInt(text == null ? "" : text.strip());
            return value >= min && value <= max ? value : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
