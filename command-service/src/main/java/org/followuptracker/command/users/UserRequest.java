package org.followuptracker.command.users;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.followuptracker.access.Role;

/** The body of {@code POST /api/users}. */
public record UserRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._@-]{1,100}", message = "1 to 100 letters, digits or . _ @ -") String username,
        @NotBlank @Size(min = 12, max = 72, message = "must have 12 to 72 characters (bcrypt reads no more)") String password,
        @NotEmpty Set<@NotNull Role> roles) {

    @Override
    public String toString() {
        return "UserRequest[username=" + username + ", roles=" + roles + "]";
    }
}
