package org.followuptracker.command.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.followuptracker.access.Role;
import org.followuptracker.access.UsersFile;

/**
 * A users file with one user per role, named after it (coordinator, viewer, auditor, admin), and a
 * second-coordinator, all with one password.
 */
public final class TestUsers {

    private TestUsers() {
    }

    public static String file(String password) {
        try {
            Path path = Files.createTempDirectory("tracker-users").resolve("users");
            UsersFile users = new UsersFile(path);
            for (Role role : Role.values()) {
                users.put(role.name().toLowerCase(java.util.Locale.ROOT), password, Set.of(role));
            }
            users.put("second-coordinator", password, Set.of(Role.COORDINATOR));
            return path.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
