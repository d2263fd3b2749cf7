package org.followuptracker.web.backend;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Each kind of fact the services record, by its name on a timeline ({@code type}), and what it is corrected on:
 * its letter ({@code letters}), its recommendation ({@code recommendations}), or nothing (a retraction is not
 * corrected). The web app reads the services over HTTP and shares no classes with them; {@code FactTypeTest} holds
 * this list to the event contract's. Whatever differs by kind switches over it without a default, so the compiler
 * names each place a new kind must go.
 */
public enum FactType {

    LETTER_SENT("LetterSent", "letters"),
    FOLLOW_UP_SENT("FollowUpSent", "letters"),
    RESPONSE_DUE_DATE_SET("ResponseDueDateSet", "letters"),
    RESPONSE_DUE_DATE_EXTENDED("ResponseDueDateExtended", "letters"),
    RESPONSE_DUE_DATE_WITHDRAWN("ResponseDueDateWithdrawn", "letters"),
    RESPONSE_RECEIVED("ResponseReceived", "letters"),
    LETTER_PUBLISHED("LetterPublished", "letters"),
    POSITION_RECORDED("PositionRecorded", "recommendations"),
    RECOMMENDATION_IMPLEMENTED("RecommendationImplemented", "recommendations"),
    RECOMMENDATION_PARTIALLY_IMPLEMENTED("RecommendationPartiallyImplemented", "recommendations"),
    RECOMMENDATION_NOT_IMPLEMENTED("RecommendationNotImplemented", "recommendations"),
    RECOMMENDATION_RECORDED("RecommendationRecorded", "recommendations"),
    FACT_RETRACTED("FactRetracted", null);

    /** Every kind's name, in the order the pages list them. */
    public static final List<String> NAMES = Arrays.stream(values()).map(FactType::type).toList();

    /** What a fact of each kind is corrected on, by the kind's name; a retraction is not in it. */
    public static final Map<String, String> CORRECTED_ON = Arrays.stream(values())
            .filter(kind -> kind.correctedOn != null)
            .collect(Collectors.toUnmodifiableMap(FactType::type, kind -> kind.correctedOn));

    private static final Map<String, FactType> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(FactType::type, Function.identity()));

    private final String type;
    private final String correctedOn;

    FactType(String type, String correctedOn) {
        this.type = type;
        this.correctedOn = correctedOn;
    }

    /** The kind of that name; none for a kind newer than this web app, which it lists but does not draw. */
    public static Optional<FactType> named(String type) {
        return Optional.ofNullable(BY_NAME.get(type));
    }

    public String type() {
        return type;
    }

    /** {@code letters} or {@code recommendations}, as the correction form's address names them; null for none. */
    public String correctedOn() {
        return correctedOn;
    }
}
