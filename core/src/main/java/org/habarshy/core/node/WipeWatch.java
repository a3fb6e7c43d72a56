package org.habarshy.core.node;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Notices that another process ran a {@link PanicWipe} on a data directory this process has open, so that a
 * running node stops using the directory at once instead of writing into it again.
 *
 * <p>{@link PanicWipe} creates {@link PanicWipe#MARKER_FILE} before it touches anything else. A daemon thread
 * ("habarshy-wipe-watch") blocks on the JDK {@link WatchService} for the directory (no polling, nothing on the
 * event loop) and reports once when the marker appears or the directory itself goes away. {@link #wiped()} is a
 * cheap check (two {@code stat} calls) for writers to make right before they write a file there.
 */
public final class WipeWatch implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(WipeWatch.class.getName());

    private final Path dataDir;
    private final Runnable onWiped;
    private final AtomicBoolean reported = new AtomicBoolean();
    /** Null if the directory cannot be watched: then only {@link #check()} notices a wipe. */
    private final WatchService watcher;
    private final Thread thread;

    private WipeWatch(Path dataDir, Runnable onWiped) {
        this.dataDir = dataDir.toAbsolutePath();
        this.onWiped = Objects.requireNonNull(onWiped, "onWiped");
        this.watcher = newWatcher(this.dataDir);
        this.thread = new Thread(this::watch, "habarshy-wipe-watch");
        thread.setDaemon(true);
    }

    private static WatchService newWatcher(Path dir) {
        WatchService watcher = null;
        try {
            watcher = FileSystems.getDefault().newWatchService();
            dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
            return watcher;
        } catch (IOException | RuntimeException e) {
            // E.g. the per-user inotify limit (fs.inotify.max_user_instances) is reached.
            LOG.log(System.Logger.Level.WARNING, "cannot watch the data directory ({0}); a panic wipe from "
                    + "another process is noticed at the next housekeeping round instead", e.getMessage());
            if (watcher != null) {
                try {
                    watcher.close();
                } catch (IOException ignored) {
                    // nothing held
                }
            }
            return null;
        }
    }

    /**
     * Starts watching {@code dataDir}; {@code onWiped} runs once, on the watch thread, when a wipe starts (also
     * right away if one already started).
     *
     * If the directory cannot be watched, only {@link #check()} reports.
     */
    public static WipeWatch start(Path dataDir, Runnable onWiped) {
        WipeWatch watch = register(dataDir, onWiped);
        watch.start();
        return watch;
    }

    /**
     * Registers the watch on {@code dataDir} now (so that {@link #wiped()} works and no event is missed) and
     * reports nothing until {@link #start()}: for an owner that must finish setting up first.
     */
    public static WipeWatch register(Path dataDir, Runnable onWiped) {
        return new WipeWatch(dataDir, onWiped);
    }

    /** Starts reporting (once); events since {@link #register} are not lost. */
    public void start() {
        if (watcher != null) {
            thread.start();
        }
    }

    /**
     * Checks the directory now (two {@code stat} calls) and reports if a wipe began; returns whether one did. For
     * a periodic task off the event loop: a fallback where the directory cannot be watched or the platform's
     * watch service polls slowly.
     */
    public boolean check() {
        if (wiped()) {
            report();
            return true;
        }
        return false;
    }

    /** Returns true if a wipe of the directory has started (its marker exists) or the directory is gone. */
    public boolean wiped() {
        return reported.get() || wipedOnDisk(dataDir);
    }

    /** Returns true if a wipe of {@code dataDir} has started (its marker exists) or the directory is gone. */
    public static boolean wipedOnDisk(Path dataDir) {
        return Files.exists(dataDir.resolve(PanicWipe.MARKER_FILE), LinkOption.NOFOLLOW_LINKS)
                || Files.notExists(dataDir, LinkOption.NOFOLLOW_LINKS);
    }

    private void watch() {
        try {
            // A wipe that started before the watch was registered left its marker or removed the directory.
            while (!wipedOnDisk(dataDir)) {
                WatchKey key = watcher.take();
                boolean marker = false;
                for (WatchEvent<?> event : key.pollEvents()) {
                    // OVERFLOW (events lost) falls through to the check on disk below.
                    marker |= PanicWipe.MARKER_FILE.equals(String.valueOf(event.context()));
                }
                if (marker || !key.reset()) {
                    break; // the marker appeared (it may be gone again already), or the directory went away
                }
            }
            report();
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: the node stopped
        }
    }

    private void report() {
        if (reported.compareAndSet(false, true)) {
            LOG.log(System.Logger.Level.WARNING, "the data directory is being wiped by another process; stopping");
            onWiped.run();
        }
    }

    /** Stops watching. */
    @Override
    public void close() {
        if (watcher == null) {
            return;
        }
        try {
            watcher.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "could not close the wipe watch");
        }
    }
}
