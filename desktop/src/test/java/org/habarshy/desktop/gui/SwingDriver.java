package org.habarshy.desktop.gui;

import java.awt.Component;
import java.awt.Container;
import java.awt.Window;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.swing.AbstractButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JRootPane;
import javax.swing.RootPaneContainer;
import javax.swing.SwingUtilities;
import javax.swing.text.JTextComponent;
import org.habarshy.core.testing.Await;

/**
 * Drives real Swing windows from a test thread: everything touching components runs on the event dispatch thread;
 * components are found by name; screenshots paint a window's root pane into a PNG.
 */
public final class SwingDriver {
    /** Bounds waiting for the UI; failing tests only. */
    public static final Duration UI_LIMIT = Duration.ofSeconds(30);
    private static final Pattern MISSING_KEY = Pattern.compile("![A-Za-z]+\\.[A-Za-z.\\-]+!");

    private final Path screenshots;

    /** Screenshots go to {@code screenshots}. */
    public SwingDriver(Path screenshots) throws IOException {
        this.screenshots = Files.createDirectories(screenshots);
    }

    /** Runs {@code task} on the EDT and returns its result. */
    public static <T> T onEdt(Callable<T> task) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            try {
                result.set(task.call());
            } catch (Exception e) {
                failure.set(e);
            }
        });
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.get();
    }

    /** Runs {@code action} on the EDT and waits. */
    public static void run(Runnable action) throws Exception {
        onEdt(() -> {
            action.run();
            return null;
        });
    }

    /** Runs {@code action} on the EDT later, for actions that open a modal dialog. */
    public static void later(Runnable action) {
        SwingUtilities.invokeLater(action);
    }

    /** Waits until {@code condition}, evaluated on the EDT, holds. */
    public static void await(String what, Callable<Boolean> condition) throws Exception {
        Await.until(what, UI_LIMIT, () -> onEdt(condition));
    }

    /** Returns the component named {@code name} in any showing window (waits for it). */
    public static <T extends Component> T find(String name, Class<T> type) throws Exception {
        AtomicReference<T> found = new AtomicReference<>();
        await("a showing " + type.getSimpleName() + " named " + name, () -> {
            for (Window window : Window.getWindows()) {
                if (window.isShowing()) {
                    Optional<T> hit = find(window, name, type);
                    if (hit.isPresent()) {
                        found.set(hit.get());
                        return true;
                    }
                }
            }
            return false;
        });
        return found.get();
    }

    /** Returns the showing window named {@code name} (waits for it). */
    public static Window window(String name) throws Exception {
        AtomicReference<Window> found = new AtomicReference<>();
        await("a showing window named " + name, () -> {
            for (Window window : Window.getWindows()) {
                if (window.isShowing() && name.equals(window.getName())) {
                    found.set(window);
                    return true;
                }
            }
            return false;
        });
        return found.get();
    }

    /** Returns the first showing component of {@code type} in any window (waits for it). */
    public static <T extends Component> T findAny(Class<T> type) throws Exception {
        AtomicReference<T> found = new AtomicReference<>();
        await("a showing " + type.getSimpleName(), () -> {
            for (Window window : Window.getWindows()) {
                if (window.isShowing()) {
                    for (Component c : all(window)) {
                        if (type.isInstance(c) && c.isShowing()) {
                            found.set(type.cast(c));
                            return true;
                        }
                    }
                }
            }
            return false;
        });
        return found.get();
    }

    private static <T extends Component> Optional<T> find(Container root, String name, Class<T> type) {
        for (Component c : all(root)) {
            if (name.equals(c.getName()) && type.isInstance(c) && c.isShowing()) {
                return Optional.of(type.cast(c));
            }
        }
        return Optional.empty();
    }

    /** Returns every component under {@code root}, depth first. */
    public static List<Component> all(Container root) {
        List<Component> out = new ArrayList<>();
        out.add(root);
        for (Component child : root.getComponents()) {
            if (child instanceof Container container) {
                out.addAll(all(container));
            } else {
                out.add(child);
            }
        }
        return out;
    }

    /** Returns the texts of showing labels, buttons and text fields that name a missing resource key. */
    public static List<String> missingKeys(Window window) throws Exception {
        return onEdt(() -> {
            List<String> missing = new ArrayList<>();
            for (Component c : all(window)) {
                String text = c instanceof JLabel label ? label.getText()
                        : c instanceof AbstractButton button ? button.getText()
                        : c instanceof JTextComponent field ? field.getText() : null;
                if (c.isShowing() && text != null && MISSING_KEY.matcher(text).find()) {
                    missing.add(text);
                }
                if (c instanceof JComponent jc && jc.getToolTipText() != null
                        && MISSING_KEY.matcher(jc.getToolTipText()).find()) {
                    missing.add(jc.getToolTipText());
                }
            }
            return missing;
        });
    }

    /**
     * Returns showing controls a screen reader could not name: buttons, text fields, lists, tables, combo boxes,
     * spinners and check boxes without an accessible name.
     */
    public static List<String> unnamedControls(Window window) throws Exception {
        return onEdt(() -> {
            List<String> unnamed = new ArrayList<>();
            for (Component c : all(window)) {
                boolean control = c instanceof AbstractButton || c instanceof JTextComponent
                        || c instanceof javax.swing.JList || c instanceof javax.swing.JTable
                        || c instanceof javax.swing.JComboBox || c instanceof javax.swing.JSpinner;
                if (control && c.isShowing() && !(c.getParent() instanceof javax.swing.JComboBox)
                        && !(SwingUtilities.getAncestorOfClass(javax.swing.JSpinner.class, c) != null
                        && !(c instanceof javax.swing.JSpinner))
                        && !(SwingUtilities.getAncestorOfClass(javax.swing.JScrollBar.class, c) != null)) {
                    String name = c.getAccessibleContext().getAccessibleName();
                    if (name == null || name.isBlank()) {
                        unnamed.add(c.getClass().getSimpleName() + " " + c.getName());
                    }
                }
            }
            return unnamed;
        });
    }

    /** Returns showing labels and buttons whose text does not fit (narrower or lower than they need). */
    public static List<String> clippedTexts(Window window) throws Exception {
        return onEdt(() -> {
            List<String> clipped = new ArrayList<>();
            for (Component c : all(window)) {
                String text = c instanceof JLabel label ? label.getText()
                        : c instanceof AbstractButton button ? button.getText() : null;
                if (text == null || text.isBlank() || !c.isShowing() || text.startsWith("<html>")) {
                    continue;
                }
                java.awt.Dimension need = c.getPreferredSize();
                if (c.getWidth() + 1 < need.width || c.getHeight() + 1 < need.height) {
                    clipped.add("'" + text + "' " + c.getWidth() + "x" + c.getHeight() + " < " + need.width + "x"
                            + need.height);
                }
            }
            return clipped;
        });
    }

    /** Lets pending layout and painting finish, then paints {@code window} into {@code NAME.png}; returns it. */
    public Path screenshot(Window window, String name) throws Exception {
        for (int i = 0; i < 3; i++) {
            run(() -> { });
        }
        BufferedImage image = onEdt(() -> {
            JRootPane root = ((RootPaneContainer) window).getRootPane();
            root.validate();
            BufferedImage img = new BufferedImage(root.getWidth(), root.getHeight(), BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = img.createGraphics();
            root.paint(g);
            g.dispose();
            return img;
        });
        Path file = screenshots.resolve(name + ".png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
