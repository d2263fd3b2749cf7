package org.followuptracker.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsersFileTest {

    @TempDir
    Path folder;

    @Test
    void theFirstStartCreatesOneAdminWhosePasswordIsKeptOnlyForItsOwnerAndOnlyAsAHashInTheFile() throws Exception {
        UsersFile users = new UsersFile(folder.resolve("users"));

        String password = users.createWithFirstAdmin().orElseThrow();

        assertThat(users.createWithFirstAdmin()).isEmpty();
        assertThat(Files.readString(folder.resolve("users"))).doesNotContain(password);
        assertThat(Files.readString(folder.resolve("initial-admin-password")).strip()).isEqualTo(password);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("initial-admin-password"))))
                .isEqualTo("rw-------");
        UsersFile.User admin = users.find("admin").orElseThrow();
        assertThat(admin.roles()).containsExactly(Role.ADMIN);
        assertThat(users.matches(password, admin.passwordHash())).isTrue();
    }

    @Test
    void aUserAddedByOneReaderIsSeenByAnotherReadingTheSameFile() {
        UsersFile writer = new UsersFile(folder.resolve("users"));
        UsersFile reader = new UsersFile(folder.resolve("users"));
        assertThat(reader.find("amina")).isEmpty();

        writer.put("amina", "a long enough password", Set.of(Role.COORDINATOR, Role.VIEWER));

        assertThat(reader.find("amina").orElseThrow().roles()).containsExactlyInAnyOrder(Role.COORDINATOR, Role.VIEWER);
        writer.put("amina", "another long password", Set.of(Role.VIEWER));
        assertThat(reader.find("amina").orElseThrow().roles()).containsExactly(Role.VIEWER);
        assertThat(reader.matches("another long password", reader.find("amina").orElseThrow().passwordHash())).isTrue();
    }

    @Test
    void aNameThatCouldBreakTheFileIsRefused() {
        UsersFile users = new UsersFile(folder.resolve("users"));

        assertThatThrownBy(() -> users.put("a:b", "a long enough password", Set.of(Role.VIEWER)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> users.put("amina", "a long enough password", Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
