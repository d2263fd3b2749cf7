package org.followuptracker.web.signin;

import java.util.Set;
import org.followuptracker.access.Role;

/**
 * Who signed in to the web app, with the password they gave: the web app calls both services as this user (HTTP
 * Basic), so every fact recorded names them and the services decide what they may do. The password lives only in
 * this server's memory, in the session; it is never sent to the browser, and it is not in {@link #toString()}.
 */
public record SignedInUser(String name, Set<Role> roles, String password) {

    public boolean may(Role role) {
        return roles.contains(role);
    }

    public boolean mayRecord() {
        return may(Role.COORDINATOR);
    }

    public boolean mayAudit() {
        return may(Role.AUDITOR) || may(Role.ADMIN);
    }

    @Override
    public String toString() {
        return name;
    }
}
