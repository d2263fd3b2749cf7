package org.followuptracker.web.page;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small helpers for reading the services' JSON answers and passing on a page's parameters. */
public final class Views {

    private Views() {
    }

    /** Name, value, name, value ...: the parameters of a call, in order. */
    public static Map<String, Object> parameters(Object... namesAndValues) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            parameters.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return parameters;
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> list(Map<String, Object> answer, String name) {
        Object value = answer.get(name);
        return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    /**
     * The as-of day a reader picked, as the services take it: a day means its end (UTC). Anything else is passed on
     * as typed, so that the service names what is wrong with it.
     */
    public static String endOfDay(String asOf) {
        if (asOf == null || asOf.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(asOf.strip()).toString();
        } catch (DateTimeParseException e) {
            return asOf.strip();
        }
    }

    /** The day of an as-of a reader picked (a day, or an instant's day in UTC), if it is one. */
    public static java.util.Optional<LocalDate> day(String asOf) {
        if (asOf == null || asOf.isBlank()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(LocalDate.parse(asOf.strip()));
        } catch (DateTimeParseException notADay) {
            try {
                return java.util.Optional.of(java.time.Instant.parse(asOf.strip()).atOffset(java.time.ZoneOffset.UTC)
                        .toLocalDate());
            } catch (DateTimeParseException notAnInstant) {
                return java.util.Optional.empty();
            }
        }
    }

    /** A country code from a page's address, checked before it goes into a service's path. */
    public static String country(String typed) {
        String code = typed == null ? "" : typed.strip().toUpperCase(java.util.Locale.ROOT);
        if (!code.matches("[A-Z]{3}")) {
            throw new org.followuptracker.web.backend.ServiceRefused(404, "No such country",
                    "A country is named by its ISO 3166-1 alpha-3 code, such as KAZ.", Map.of());
        }
        return code;
    }

    /** A letter's or recommendation's id from a page's address, checked before it goes into a service's path. */
    public static String id(String typed) {
        if (typed == null || !typed.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new org.followuptracker.web.backend.ServiceRefused(404, "Not found", "There is nothing at this address.",
                    Map.of());
        }
        return typed;
    }
}
