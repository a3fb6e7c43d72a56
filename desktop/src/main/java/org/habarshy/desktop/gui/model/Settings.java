package org.habarshy.desktop.gui.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What the user chose in the settings screen. Stored outside the data directory (which it names), so that a panic
 * wipe of the data leaves no trace of contacts or messages here.
 *
 * @param language the language of every text
 * @param theme the colour theme
 * @param fontScalePercent 100..200, applied to every font
 * @param dataDir the data directory of the account
 * @param port TCP port the node listens on; 0 picks a free one
 * @param mdns whether the node finds peers on the local network by mDNS
 * @param manualPeers peers to stay connected to
 * @param flashBorder whether new messages also flash a border around the window (off by default)
 */
public record Settings(Language language, Theme theme, int fontScalePercent, Path dataDir, int port, boolean mdns,
                       List<PeerAddress> manualPeers, boolean flashBorder) {
    /** Smallest font scale. */
    public static final int MIN_FONT_SCALE = 100;
    /** Largest font scale. */
    public static final int MAX_FONT_SCALE = 200;
    /** Most manual peers. */
    public static final int MAX_MANUAL_PEERS = 32;

    /** Checks every value and copies the list. */
    public Settings {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(theme, "theme");
        Objects.requireNonNull(dataDir, "dataDir");
        if (fontScalePercent < MIN_FONT_SCALE || fontScalePercent > MAX_FONT_SCALE) {
            throw new IllegalArgumentException("font scale must be " + MIN_FONT_SCALE + ".." + MAX_FONT_SCALE + "%");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535");
        }
        manualPeers = List.copyOf(manualPeers);
        if (manualPeers.size() > MAX_MANUAL_PEERS) {
            throw new IllegalArgumentException("at most " + MAX_MANUAL_PEERS + " manual peers");
        }
    }

    /**
     * Returns the defaults: Kazakh, light theme, 100 %, {@code dataDir}, port 7454, mDNS on, no manual peers, no
     * border flash.
     */
    public static Settings defaults(Path dataDir) {
        return new Settings(Language.KK, Theme.LIGHT, 100, dataDir, 7454, true, List.of(), false);
    }

    /** Returns a copy with another language. */
    public Settings withLanguage(Language value) {
        return new Settings(value, theme, fontScalePercent, dataDir, port, mdns, manualPeers, flashBorder);
    }

    /** Returns a copy with another theme. */
    public Settings withTheme(Theme value) {
        return new Settings(language, value, fontScalePercent, dataDir, port, mdns, manualPeers, flashBorder);
    }

    /** Returns a copy with another font scale. */
    public Settings withFontScale(int percent) {
        return new Settings(language, theme, percent, dataDir, port, mdns, manualPeers, flashBorder);
    }

    /** Returns a copy with the border flash on or off. */
    public Settings withFlashBorder(boolean value) {
        return new Settings(language, theme, fontScalePercent, dataDir, port, mdns, manualPeers, value);
    }

    /** Returns a copy with another data directory, port, mDNS choice and manual peers. */
    public Settings withNetwork(Path dir, int newPort, boolean newMdns, List<PeerAddress> peers) {
        return new Settings(language, theme, fontScalePercent, dir, newPort, newMdns, peers, flashBorder);
    }
}
