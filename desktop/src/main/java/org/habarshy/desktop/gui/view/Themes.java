package org.habarshy.desktop.gui.view;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.FlatLightLaf;
import java.awt.Color;
import java.awt.Font;
import java.util.HashMap;
import java.util.Map;
import javax.swing.UIManager;
import javax.swing.plaf.FontUIResource;
import org.habarshy.desktop.gui.model.Theme;

/**
 * Installs the FlatLaf look and feel for a {@link Theme} and font scale. High contrast is FlatLaf's dark theme with
 * pure black, white and yellow, and wider focus rings; every theme draws a visible focus ring.
 */
public final class Themes {
    /** Base font size at 100 %, in points. */
    static final float BASE_FONT_POINTS = 14f;

    private Themes() {
    }

    /** Installs {@code theme} at {@code fontScalePercent} and refreshes every open window. */
    public static void apply(Theme theme, int fontScalePercent) {
        Map<String, String> extra = new HashMap<>();
        extra.put("Component.focusWidth", theme == Theme.HIGH_CONTRAST ? "3" : "2");
        extra.put("Component.innerFocusWidth", "1");
        extra.put("Button.arc", "10");
        extra.put("Component.arc", "10");
        extra.put("TextComponent.arc", "8");
        extra.put("ScrollBar.width", "14");
        extra.put("TabbedPane.tabHeight", "40");
        extra.put("TabbedPane.showTabSeparators", "false");
        if (theme == Theme.HIGH_CONTRAST) {
            extra.put("@background", "#000000");
            extra.put("@foreground", "#FFFFFF");
            extra.put("@accentColor", "#FFE100");
            extra.put("@selectionBackground", "#FFE100");
            extra.put("@selectionForeground", "#000000");
            extra.put("@selectionInactiveBackground", "#FFE100");
            extra.put("@selectionInactiveForeground", "#000000");
            extra.put("@componentBackground", "#000000");
            extra.put("@buttonBackground", "#000000");
            extra.put("@disabledForeground", "#C8C8C8");
            extra.put("Component.borderColor", "#FFFFFF");
            extra.put("Component.disabledBorderColor", "#A0A0A0");
            extra.put("Component.focusColor", "#FFE100");
            extra.put("Component.focusedBorderColor", "#FFE100");
            extra.put("Button.borderColor", "#FFFFFF");
            extra.put("Button.default.borderColor", "#FFE100");
            extra.put("Button.default.background", "#FFE100");
            extra.put("Button.default.foreground", "#000000");
            extra.put("Button.default.focusedBorderColor", "#FFFFFF");
            extra.put("Separator.foreground", "#FFFFFF");
            extra.put("TabbedPane.underlineColor", "#FFE100");
            extra.put("TabbedPane.selectedBackground", "#000000");
            extra.put("TabbedPane.selectedForeground", "#FFE100");
            extra.put("ProgressBar.foreground", "#FFE100");
            extra.put("ScrollBar.thumb", "#FFFFFF");
            extra.put("Table.gridColor", "#FFFFFF");
            extra.put("TableHeader.separatorColor", "#FFFFFF");
            extra.put("TableHeader.bottomSeparatorColor", "#FFFFFF");
            extra.put("List.background", "#000000");
            extra.put("TextArea.background", "#000000");
            extra.put("TextField.background", "#000000");
            extra.put("ToolTip.background", "#000000");
            extra.put("ToolTip.border", "1,1,1,1,#FFFFFF");
        }
        FlatLaf.setGlobalExtraDefaults(extra);
        if (theme == Theme.LIGHT) {
            FlatLightLaf.setup();
        } else {
            FlatDarkLaf.setup();
        }
        float size = BASE_FONT_POINTS * fontScalePercent / 100f;
        Font base = new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(size));
        UIManager.put("defaultFont", new FontUIResource(base));
        FlatLaf.updateUI();
    }

    /** Returns the palette for {@code theme}. */
    public static Palette palette(Theme theme) {
        switch (theme) {
            case DARK:
                return new Palette(new Color(0x2F5E8C), new Color(0xF2F2F2), new Color(0x3C3F41), new Color(0xF2F2F2),
                        new Color(0xB8BCC2), new Color(0x4CAF50), new Color(0xE0A030), new Color(0xE5534B),
                        new Color(0x2B6CB0), Color.WHITE, new Color(0x5A5D60), Color.WHITE);
            case HIGH_CONTRAST:
                return new Palette(Color.BLACK, Color.WHITE, Color.BLACK, Color.WHITE, Color.WHITE,
                        new Color(0x00FF66), new Color(0xFFE100), new Color(0xFF6B6B), new Color(0xFFE100),
                        Color.BLACK, Color.WHITE, Color.BLACK);
            default:
                return new Palette(new Color(0xDCEBFF), new Color(0x102A43), new Color(0xF1F3F5), new Color(0x1F2933),
                        new Color(0x52606D), new Color(0x2E7D32), new Color(0xB7791F), new Color(0xC62828),
                        new Color(0x1F5FAD), Color.WHITE, new Color(0xC5CDD6), Color.WHITE);
        }
    }

    /**
     * Colours the app draws itself (bubbles, badges, banner, the mesh picture).
     *
     * @param outgoingBubble background of this user's messages
     * @param outgoingText text on it
     * @param incomingBubble background of received messages
     * @param incomingText text on it
     * @param secondaryText times, states, hints
     * @param good a link in sync, a delivered message
     * @param busy a link still syncing
     * @param danger the panic button, errors
     * @param accent badges and the alert banner
     * @param onAccent text on the accent colour
     * @param bubbleBorder border around bubbles (visible in high contrast)
     * @param onDanger text on the danger colour
     */
    public record Palette(Color outgoingBubble, Color outgoingText, Color incomingBubble, Color incomingText,
                          Color secondaryText, Color good, Color busy, Color danger, Color accent, Color onAccent,
                          Color bubbleBorder, Color onDanger) {
    }
}
