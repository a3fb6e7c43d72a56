package org.habarshy.desktop.gui;

import java.awt.GraphicsEnvironment;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;
import org.habarshy.desktop.gui.model.AppModel;
import org.habarshy.desktop.gui.model.BackgroundWork;
import org.habarshy.desktop.gui.model.Settings;
import org.habarshy.desktop.gui.model.SettingsFile;
import org.habarshy.desktop.gui.view.MainWindow;
import org.habarshy.desktop.gui.view.Themes;

/**
 * The desktop app: settings, the model with its worker thread and the node inside this process, and the window.
 * {@code java -jar habarshy.jar} with no arguments and a display starts it.
 */
public final class DesktopApp implements AutoCloseable {
    /** Set to print the time from JVM start to a usable window and exit (start-up benchmark). */
    public static final String STARTUP_BENCH_PROPERTY = "habarshy.startupBench";

    private final AppModel model;
    private final MainWindow window;

    private DesktopApp(AppModel model, MainWindow window) {
        this.model = model;
        this.window = window;
    }

    /** Returns whether a GUI can open: AWT is not headless (on Linux: DISPLAY is set). */
    public static boolean displayAvailable() {
        return !GraphicsEnvironment.isHeadless();
    }

    /** Starts the app with the settings in the default place and exits the JVM when its window closes. */
    public static void main() throws Exception {
        Path home = Path.of(System.getProperty("user.home"));
        SettingsFile file = new SettingsFile(SettingsFile.defaultLocation(System.getenv("XDG_CONFIG_HOME"), home),
                home.resolve(".habarshy"));
        DesktopApp app = launch(file);
        long shownAfter = System.currentTimeMillis() - startedAt();
        app.window.frame().setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        app.window.frame().addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                e.getWindow().setVisible(false);
                // Stopping the node waits for its threads: never on the UI thread.
                Thread exit = new Thread(() -> {
                    app.close();
                    System.exit(0);
                }, "habarshy-gui-exit");
                exit.start();
            }
        });
        if (Boolean.getBoolean(STARTUP_BENCH_PROPERTY)) {
            benchStartup(app, shownAfter);
        }
    }

    /**
     * Loads the settings from {@code file}, installs the theme, shows the window and starts the model (which opens
     * the account and starts the node in the background). Returns once the window is visible. Call off the UI
     * thread.
     */
    public static DesktopApp launch(SettingsFile file) throws IOException, InterruptedException {
        Settings settings = file.load();
        AtomicReference<DesktopApp> app = new AtomicReference<>();
        BackgroundWork work = new BackgroundWork(SwingUtilities::invokeLater);
        AppModel model = new AppModel(settings, file, work, Clock.systemUTC());
        // The worker opens the account while the UI thread builds the window; the model's answers queue on the
        // UI thread behind the window's construction, so none is missed.
        model.start();
        try {
            SwingUtilities.invokeAndWait(() -> {
                Themes.apply(settings.theme(), settings.fontScalePercent());
                MainWindow window = new MainWindow(model, work);
                window.frame().setVisible(true);
                app.set(new DesktopApp(model, window));
            });
        } catch (java.lang.reflect.InvocationTargetException e) {
            model.close();
            throw new IllegalStateException("the window could not be built", e.getCause());
        }
        return app.get();
    }

    /** Returns the model. */
    public AppModel model() {
        return model;
    }

    /** Returns the window. */
    public MainWindow window() {
        return window;
    }

    /** Returns the frame. */
    public JFrame frame() {
        return window.frame();
    }

    /** Stops the node, closes the account and disposes the window. Call off the UI thread. */
    @Override
    public void close() {
        model.close();
        try {
            SwingUtilities.invokeAndWait(() -> window.frame().dispose());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * When the user's {@code java} started: the parent's start if this JVM was started by the class-data-sharing
     * launcher (its time counts too), else this JVM's.
     */
    private static long startedAt() {
        return Long.getLong("habarshy.launchedAt", ManagementFactory.getRuntimeMXBean().getStartTime());
    }

    private static void benchStartup(DesktopApp app, long shownAfter) {
        app.model.addListener(new AppModel.Listener() {
            @Override
            public void conversationsChanged() {
                report();
            }

            @Override
            public void stageChanged(AppModel.Stage stage) {
                if (stage != AppModel.Stage.LOADING && stage != AppModel.Stage.READY) {
                    report();
                }
            }

            private void report() {
                // The window shows the contact list (READY after the first snapshot) or a form: usable.
                long millis = System.currentTimeMillis() - startedAt();
                long cpu = ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis)
                        .orElse(-1L);
                System.err.println("startup-to-usable-window-ms " + millis + " window-shown-ms " + shownAfter
                        + " process-cpu-ms " + cpu + " stage " + app.model.stage() + " launcher "
                        + System.getProperty("habarshy.cds", "none"));
                System.exit(0);
            }
        });
    }
}
