package org.followuptracker.events;

import java.util.Locale;
import java.util.Set;

/** Countries are named by their ISO 3166-1 alpha-3 code in capitals, such as {@code KAZ}: the code UN symbols use. */
public final class Countries {

    private static final Set<String> CODES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3);

    private Countries() {
    }

    public static boolean isIso3(String code) {
        return code != null && CODES.contains(code);
    }
}
