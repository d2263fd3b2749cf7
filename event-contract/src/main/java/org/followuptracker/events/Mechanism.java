package org.followuptracker.events;

import java.util.List;
import java.util.regex.Pattern;

/** Who made a recommendation: the UN mechanism, the government itself (a pledge), or we (an NGO ask). */
public enum Mechanism {
    UPR,
    TREATY_BODY,
    SPECIAL_PROCEDURE,
    PLEDGE,
    NGO;

    private static final Pattern UPR_REPORT = Pattern.compile("A/HRC/\\d+/\\d+(/Add\\.\\d+)?");
    private static final Pattern UPR_NUMBER = Pattern.compile("\\d+\\.\\d+");
    private static final Pattern TREATY_BODY_SYMBOL =
            Pattern.compile("(CCPR|CAT|CEDAW|CRC|CERD|CRPD|CMW|CED|E/C\\.12)/.*");

    /**
     * The mechanism the UN sources show, where they show one: a numbered item of a Human Rights Council report is a
     * UPR recommendation, a symbol of a treaty body's series is a treaty body's; otherwise null (not known).
     */
    public static Mechanism inferredFrom(List<UnSource> sources) {
        for (UnSource source : sources) {
            if (source.symbol() == null) {
                continue;
            }
            if (UPR_REPORT.matcher(source.symbol()).matches() && source.paragraph() != null
                    && UPR_NUMBER.matcher(source.paragraph()).matches()) {
                return UPR;
            }
            if (TREATY_BODY_SYMBOL.matcher(source.symbol()).matches()) {
                return TREATY_BODY;
            }
        }
        return null;
    }
}
