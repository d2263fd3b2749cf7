package org.followuptracker.command.users;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.Map;
import org.followuptracker.access.UsersFile;
import org.followuptracker.command.refusal.CommandRefusedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Where an admin adds users to the users file, or gives one a new password or roles. */
@RestController
// Answers JSON only: a client that takes none is refused (406) before the command runs, not after it recorded.
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
class UserController {

    private final UsersFile users;

    UserController(UsersFile users) {
        this.users = users;
    }

    @Operation(summary = "Add a user, or replace the password and roles of one (ADMIN; embedded users file only)")
    @PostMapping("/api/users")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> put(@Valid @RequestBody UserRequest request) {
        try {
            users.put(request.username(), request.password(), request.roles());
        } catch (IllegalArgumentException e) {
            // bcrypt reads at most 72 bytes: a shorter password of many-byte letters can still be too long.
            String field = e.getMessage() != null && e.getMessage().contains("password") ? "password" : "username";
            throw new CommandRefusedException(field, e.getMessage());
        }
        return Map.of("username", request.username(), "roles", request.roles());
    }
}
