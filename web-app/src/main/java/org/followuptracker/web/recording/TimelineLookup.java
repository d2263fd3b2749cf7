package org.followuptracker.web.recording;

import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.followuptracker.web.backend.FactType;
import org.followuptracker.web.backend.Services;
import org.followuptracker.web.page.Views;
import org.followuptracker.web.signin.SignedInUser;
import org.springframework.stereotype.Component;

/** Finds one entry of a country's timeline (a letter, a response ...), for a form that acts on it. */
@Component
class TimelineLookup {

    private static final int PAGE = 500;
    private static final int MOST_PAGES = 40;

    private final Services services;

    TimelineLookup(Services services) {
        this.services = services;
    }

    /** The letter {@code letterId} to {@code country}, as its timeline shows it; a 404 if there is none. */
    Map<String, Object> letter(SignedInUser user, String country, String letterId) {
        return find(user, country, FactType.LETTER_SENT, entry -> letterId.equals(entry.get("letterId")))
                .orElseThrow(() -> new org.followuptracker.web.backend.ServiceRefused(404, "No such letter",
                        "No letter " + letterId + " to " + country + " is known.", Map.of()));
    }

    /** The first entry of {@code country}'s timeline, of the kind {@code type} (any kind if null), that is {@code which}. */
    Optional<Map<String, Object>> find(SignedInUser user, String country, FactType type,
            Predicate<Map<String, Object>> which) {
        for (int page = 0; page < MOST_PAGES; page++) {
            Map<String, Object> timeline = services.read(user, "/api/countries/" + country + "/timeline",
                    Views.parameters("type", type == null ? null : type.type(), "page", page, "size", PAGE));
            var entries = Views.list(timeline, "entries");
            Optional<Map<String, Object>> found = entries.stream().filter(which).findFirst();
            if (found.isPresent() || entries.size() < PAGE) {
                return found;
            }
        }
        return Optional.empty();
    }
}
