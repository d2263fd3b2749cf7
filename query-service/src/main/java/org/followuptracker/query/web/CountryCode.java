package org.followuptracker.query.web;

import java.util.Locale;
import org.followuptracker.events.Countries;

/** Reads a country code from a request: ISO 3166-1 alpha-3, in any case ({@code kaz} is {@code KAZ}). */
public final class CountryCode {

    private CountryCode() {
    }

    public static String parse(String parameter, String value) {
        String code = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        if (!Countries.isIso3(code)) {
            throw new InvalidParameterException(parameter,
                    "must be an ISO 3166-1 alpha-3 country code, such as KAZ");
        }
        return code;
    }
}
