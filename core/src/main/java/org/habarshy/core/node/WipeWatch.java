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
    private final WatchService watcher;
    private final Thread thread;

    private WipeWatch(Path dataDir, Runnable onWiped) throws IOException {
        this.dataDir = dataDir.toAbsolutePath();
        this.onWiped = Objects.requireNonNull(onWiped, "onWiped");
        this.watcher = FileSystems.getDefault().newWatchService();
        try {
            this.dataDir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
        } catch (IOException | RuntimeException e) {
            watcher.close();
            throw e;
        }
        this.thread = new Thread(this::watch, "habarshy-wipe-watch");
        thread.setDaemon(true);
    }

    /**
     * Starts watching {@code dataDir}; {@code onWiped} runs once, on the watch thread, when a wipe starts (also
     * right away if one already started).
     *
     * @throws IOException if the directory cannot be watched
     */
    public static WipeWatch start(Path dataDir, Runnable onWiped) throws IOException {
        WipeWatch watch = register(dataDir, onWiped);
        watch.start();
        return watch;
    }

    /**
     * Registers the watch on {@code dataDir} now (so that {@link #wiped()} works and no event is missed) and
     * reports nothing until {@link #start()}: for an owner that must finish setting up first.
     *
     * @throws IOException if the directory cannot be watched
     */
    public static WipeWatch register(Path dataDir, Runnable onWiped) throws IOException {
        return new WipeWatch(dataDir, onWiped);
    }

    /** Starts reporting (once); events since {@link #register} are not lost. */
    public void start() {
        thread.start();
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
        try {
            watcher.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "could not close the wipe watch");
        }
    }
}
