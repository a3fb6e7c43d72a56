package org.habarshy.core.node;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.habarshy.core.identity.FileShredder;
import org.habarshy.core.identity.IdentityFile;

/**
 * Destroys a data directory for a user at risk of device seizure: overwrites each file Habarshy created there with
 * random bytes, forces it to the device and deletes it (the identity key first, then its work files, then the
 * database with its WAL and shared-memory files, then a running node's status file), then removes the directory.
 * Needs no passphrase and opens nothing. One failing file does not stop the others; the report lists what
 * happened.
 *
 * <p>Files Habarshy did not create are left alone, and then so is the directory (a mistaken {@code --data} must
 * not destroy someone's documents).
 *
 * <p>The wipe first creates {@link #MARKER_FILE}: a node running on the directory in another process watches
 * for it ({@link WipeWatch}), stops its links and closes its database without writing the directory again, and
 * the CLI {@code run} and the desktop app then leave it. A CLI command running at the same time is not stopped;
 * such a process keeps the keys it loaded in memory until it exits, its database calls fail (the files it
 * still holds open now hold random bytes: "not a database"), and until it exits the kernel keeps the deleted
 * files' blocks allocated, where SQLite could still write a page it had cached. Stop the node to end all that.
 *
 * <p>Limits, plainly: overwriting is best effort (see {@link FileShredder}): flash wear levelling, copy-on-write
 * file systems, snapshots, backups and swap can keep older copies. The identity key is protected on such media
 * only if it was encrypted with a passphrase. The database is not encrypted: message text, contacts and carried
 * envelopes are in clear in SQLite, so on flash storage fragments of them may survive the wipe.
 */
public final class PanicWipe {
    /** The files Habarshy creates in a data directory, in the order they are wiped: keys first. */
    static final List<String> FILES = List.of(IdentityFile.FILE_NAME, IdentityFile.WORK_FILE_NAMES.get(0),
            IdentityFile.WORK_FILE_NAMES.get(1), Account.DATABASE_FILE + "-wal", Account.DATABASE_FILE + "-journal",
            Account.DATABASE_FILE, Account.DATABASE_FILE + "-shm", StatusFile.FILE_NAME,
            StatusFile.FILE_NAME + ".tmp");
    /**
     * Created empty before anything is wiped and deleted after the other files (it holds nothing, so it is not
     * overwritten nor listed in the report): a node running on the directory in another process
     * sees it ({@link WipeWatch}) and stops using the directory at once.
     */
    public static final String MARKER_FILE = "wipe.marker";
    /** Passes over the files: a running node rewrites its status file every two seconds and may race one. */
    private static final int PASSES = 3;

    private final Path dataDir;
    private final FileShredder shredder;
    private final Consumer<Path> afterOverwrite;

    /** Prepares to wipe {@code dataDir}; nothing happens until {@link #wipe()}. */
    public PanicWipe(Path dataDir) {
        this(dataDir, new FileShredder(), file -> { });
    }

    /** Like {@link #PanicWipe(Path)}, calling {@code afterOverwrite} between each overwrite and delete (tests). */
    PanicWipe(Path dataDir, FileShredder shredder, Consumer<Path> afterOverwrite) {
        this.dataDir = dataDir.toAbsolutePath();
        this.shredder = Objects.requireNonNull(shredder, "shredder");
        this.afterOverwrite = Objects.requireNonNull(afterOverwrite, "afterOverwrite");
    }

    /** Wipes now and reports; never throws for a file it cannot wipe, but lists it. */
    public Report wipe() {
        List<Path> wiped = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<Path> foreign = List.of();
        boolean removed = false;
        markWipeStarted(failures);
        for (int pass = 0; pass < PASSES && !removed && foreign.isEmpty() && failures.isEmpty(); pass++) {
            wipeFiles(wiped, failures);
            removed = Files.notExists(dataDir, LinkOption.NOFOLLOW_LINKS);
            if (!removed) {
                try {
                    Files.delete(dataDir);
                    removed = true;
                } catch (DirectoryNotEmptyException e) {
                    foreign = remaining(failures);
                } catch (IOException e) {
                    failures.add(dataDir + ": " + e.getMessage());
                }
            }
        }
        return new Report(dataDir, List.copyOf(wiped), foreign, List.copyOf(failures), removed);
    }

    /** Tells a node running on the directory that a wipe starts; without the marker the wipe still goes on. */
    private void markWipeStarted(List<String> failures) {
        if (!Files.isDirectory(dataDir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.newByteChannel(dataDir.resolve(MARKER_FILE), java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS).close();
        } catch (IOException e) {
            failures.add(dataDir.resolve(MARKER_FILE) + ": " + e.getMessage());
        }
    }

    private void wipeFiles(List<Path> wiped, List<String> failures) {
        for (String name : FILES) {
            Path file = dataDir.resolve(name);
            if (Files.notExists(file, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try {
                shredder.overwrite(file);
                afterOverwrite.accept(file);
                Files.delete(file);
                wiped.add(file);
            } catch (IOException | RuntimeException e) {
                failures.add(file + ": " + e.getMessage());
            }
        }
        try {
            Files.deleteIfExists(dataDir.resolve(MARKER_FILE));
        } catch (IOException e) {
            failures.add(dataDir.resolve(MARKER_FILE) + ": " + e.getMessage());
        }
    }

    private List<Path> remaining(List<String> failures) {
        try (Stream<Path> files = Files.list(dataDir)) {
            return files.filter(file -> !FILES.contains(file.getFileName().toString())
                    && !MARKER_FILE.equals(file.getFileName().toString())).sorted().toList();
        } catch (IOException e) {
            failures.add(dataDir + ": " + e.getMessage());
            return List.of();
        }
    }

    /**
     * What a wipe did.
     *
     * @param dataDir the directory
     * @param wiped files overwritten and deleted, in order (a file a running node wrote again, twice)
     * @param kept files (or directories) Habarshy did not create, left in place, so the directory was kept too
     * @param failures files that could not be wiped, each with the reason
     * @param directoryRemoved whether the directory is gone
     */
    public record Report(Path dataDir, List<Path> wiped, List<Path> kept, List<String> failures,
                         boolean directoryRemoved) {
        /** Returns true if every file Habarshy created is gone. */
        public boolean complete() {
            return failures.isEmpty();
        }
    }
}
