package org.followuptracker.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * The files of sign-in throttling, in a folder that every process signing in against the same users file shares
 * (command service, query service, web app), so that they keep one count.
 * <p>
 * One small file per name and per address, each replaced whole by an atomic rename: a reader never sees half a file,
 * so the check every request makes reads without a lock. Every change reads, decides and writes under one lock,
 * {@code .lock}: a file lock between processes, and a plain lock between the threads of one process (a JVM refuses
 * a second lock on a file it holds one on). It is held for the microseconds that takes, never during a password
 * check. Not one file for all: it would be read and written whole at every failure, and grow with every made-up
 * name a guesser sends; here a failure reads and writes two files of some hundred bytes.
 */
final class AttemptsFolder {

    /** One lock per folder for the whole process, whichever instance asks. */
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path folder;
    private final ReentrantLock inProcess;

    AttemptsFolder(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
        this.inProcess = IN_PROCESS.computeIfAbsent(this.folder, path -> new ReentrantLock());
    }

    Path path() {
        return folder;
    }

    /** The text of a file, or null when there is none. */
    String read(String file) {
        try {
            return Files.readString(folder.resolve(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException none) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sign-in attempts in " + folder, e);
        }
    }

    /** Runs {@code change} holding the lock that every writer of the folder holds. */
    <T> T locked(Change<T> change) {
        inProcess.lock();
        try {
            createFolder();
            try (FileChannel channel = FileChannel.open(folder.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
                 FileLock lock = channel.lock()) {
                return change.run();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write sign-in attempts in " + folder, e);
        } finally {
            inProcess.unlock();
        }
    }

    /** Replaces a file whole; only while {@link #locked}. */
    void write(String file, String text) throws IOException {
        Path temporary = folder.resolve("." + file + ".new");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, folder.resolve(file), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    /** Only while {@link #locked}. */
    void delete(String file) throws IOException {
        Files.deleteIfExists(folder.resolve(file));
    }

    /** The files kept (not the lock, nor a write left half done). */
    List<String> files() throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> !name.startsWith(".")).toList();
        }
    }

    private void createFolder() throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        try {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createDirectories(folder);
        }
    }

    interface Change<T> {
        T run() throws IOException;
    }
}
