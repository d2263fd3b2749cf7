package org.followuptracker.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The users of the embedded default: one line each, {@code name:bcrypt-hash:ROLE,ROLE}; lines starting with
 * {@code #} are comments. No password is ever stored, only its bcrypt hash. Both services read the same file and
 * see a change at the next sign-in. The first start creates it with one ADMIN whose generated password is written
 * once to {@code initial-admin-password} beside it (readable by its owner only), to be replaced.
 */
public final class UsersFile {

    public static final String FIRST_ADMIN = "admin";
    public static final String INITIAL_PASSWORD_FILE = "initial-admin-password";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,100}");

    private final Path file;
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
    private volatile Snapshot snapshot = new Snapshot(-1, -1, Map.of());

    public UsersFile(Path file) {
        this.file = file.toAbsolutePath();
    }

    public Path path() {
        return file;
    }

    /** A user as the file names them. */
    public record User(String name, String passwordHash, Set<Role> roles) {
    }

    /** The user of that name exactly, case included: {@code Amina} and {@code amina} are two names. */
    public Optional<User> find(String name) {
        return Optional.ofNullable(users().get(name));
    }

    public Map<String, User> users() {
        try {
            boolean exists = Files.exists(file);
            long modified = exists ? Files.getLastModifiedTime(file).toMillis() : 0;
            long size = exists ? Files.size(file) : 0;
            Snapshot current = snapshot;
            if (current.modified() != modified || current.size() != size) {
                current = new Snapshot(modified, size, exists ? read() : Map.of());
                snapshot = current;
            }
            return current.users();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the users file " + file, e);
        }
    }

    /**
     * Creates the file with a first ADMIN unless it exists. Returns the generated password, or empty when the file
     * was there already. Safe when both services start at once: the second waits for the first and finds the file.
     */
    public Optional<String> createWithFirstAdmin() {
        return locked(() -> {
            if (Files.exists(file)) {
                return Optional.empty();
            }
            byte[] random = new byte[15];
            new SecureRandom().nextBytes(random);
            String password = HexFormat.of().formatHex(random);
            write(List.of(new User(FIRST_ADMIN, bcrypt.encode(password), EnumSet.of(Role.ADMIN))));
            writeOwnerOnly(file.resolveSibling(INITIAL_PASSWORD_FILE), password + "\n");
            return Optional.of(password);
        });
    }

    /** Adds a user, or replaces the password and roles of one with that name. */
    public void put(String name, String password, Set<Role> roles) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a user name has 1 to 100 letters, digits or . _ @ -");
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("a user needs at least one role");
        }
        locked(() -> {
            Map<String, User> users = new LinkedHashMap<>(Files.exists(file) ? read() : Map.of());
            users.put(name, new User(name, bcrypt.encode(password), EnumSet.copyOf(roles)));
            write(new ArrayList<>(users.values()));
            return null;
        });
    }

    /**
     * A hash that no password matches, of the cost this file's own are written with: checking a password against it
     * takes as long as against a user's, for a name that is not in the file.
     */
    public String unguessableHash() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return bcrypt.encode(HexFormat.of().formatHex(random));
    }

    public boolean matches(String rawPassword, String hash) {
        return bcrypt.matches(rawPassword, hash);
    }

    private Map<String, User> read() throws IOException {
        Map<String, User> users = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] parts = trimmed.split(":", 3);
            if (parts.length != 3) {
                throw new IllegalStateException("the users file " + file + " has a line that is not name:hash:ROLES");
            }
            EnumSet<Role> roles = EnumSet.noneOf(Role.class);
            for (String role : parts[2].split(",")) {
                if (!role.isBlank()) {
                    roles.add(Role.valueOf(role.strip()));
                }
            }
            users.put(parts[0], new User(parts[0], parts[1], roles));
        }
        return users;
    }

    private void write(List<User> users) throws IOException {
        Files.createDirectories(file.getParent());
        StringBuilder text = new StringBuilder("# Follow-up Tracker users: name:bcrypt-hash:ROLES (COORDINATOR, VIEWER, AUDITOR, ADMIN)\n");
        for (User user : users) {
            text.append(user.name()).append(':').append(user.passwordHash()).append(':')
                    .append(String.join(",", user.roles().stream().map(Role::name).toList())).append('\n');
        }
        Path temporary = file.resolveSibling(file.getFileName() + ".new");
        writeOwnerOnly(temporary, text.toString());
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private <T> T locked(IoAction<T> action) {
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(file.resolveSibling(file.getFileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock lock = channel.lock()) {
                return action.run();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the users file " + file, e);
        }
    }

    /** Created readable by its owner only from the start, not made so after it was written. */
    private static void writeOwnerOnly(Path path, String text) throws IOException {
        Files.deleteIfExists(path);
        try {
            Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(path); // not a POSIX file system: the folder's permissions protect it
        }
        Files.writeString(path, text, StandardCharsets.UTF_8);
    }

    private interface IoAction<T> {
        T run() throws IOException;
    }

    private record Snapshot(long modified, long size, Map<String, User> users) {
    }
}
