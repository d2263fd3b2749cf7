package org.followuptracker.query.projection;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.followuptracker.events.FactRetracted;
import org.followuptracker.events.FollowUpSent;
import org.followuptracker.events.LetterPublished;
import org.followuptracker.events.LetterSent;
import org.followuptracker.events.PositionRecorded;
import org.followuptracker.events.RecommendationImplemented;
import org.followuptracker.events.RecommendationNotImplemented;
import org.followuptracker.events.RecommendationPartiallyImplemented;
import org.followuptracker.events.RecommendationRecorded;
import org.followuptracker.events.ResponseDueDateExtended;
import org.followuptracker.events.ResponseDueDateSet;
import org.followuptracker.events.ResponseDueDateWithdrawn;
import org.followuptracker.events.ResponseReceived;
import org.followuptracker.events.TrackerEvent;

/**
 * Every type of {@link TrackerEvent}, one constant each, for projections to dispatch on with a {@code switch}
 * expression without {@code default}: Java 17 has no switch over a sealed interface's types, but it does refuse a
 * switch expression that leaves out a constant of its enum. A type added to the sealed interface stops this class
 * from loading until it has a constant here, and the constant then makes the compiler name every switch expression it
 * must go to. Every projection's dispatch is such an expression (a switch statement would not be held to every
 * constant).
 */
public enum EventType {
    RECOMMENDATION_RECORDED(RecommendationRecorded.class),
    LETTER_SENT(LetterSent.class),
    FOLLOW_UP_SENT(FollowUpSent.class),
    RESPONSE_DUE_DATE_SET(ResponseDueDateSet.class),
    RESPONSE_DUE_DATE_EXTENDED(ResponseDueDateExtended.class),
    RESPONSE_DUE_DATE_WITHDRAWN(ResponseDueDateWithdrawn.class),
    RESPONSE_RECEIVED(ResponseReceived.class),
    LETTER_PUBLISHED(LetterPublished.class),
    POSITION_RECORDED(PositionRecorded.class),
    RECOMMENDATION_IMPLEMENTED(RecommendationImplemented.class),
    RECOMMENDATION_PARTIALLY_IMPLEMENTED(RecommendationPartiallyImplemented.class),
    RECOMMENDATION_NOT_IMPLEMENTED(RecommendationNotImplemented.class),
    FACT_RETRACTED(FactRetracted.class);

    private static final Map<Class<?>, EventType> BY_CLASS = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(type -> type.type, Function.identity()));

    static {
        List<Class<?>> permitted = List.of(TrackerEvent.class.getPermittedSubclasses());
        if (!BY_CLASS.keySet().equals(Set.copyOf(permitted))) {
            throw new IllegalStateException("the event types " + permitted + " are not those listed here: "
                    + BY_CLASS.keySet());
        }
    }

    private final Class<? extends TrackerEvent> type;

    EventType(Class<? extends TrackerEvent> type) {
        this.type = type;
    }

    /** The type of {@code event}. */
    public static EventType of(TrackerEvent event) {
        return BY_CLASS.get(event.getClass());
    }

    /** Its name on the topic and in the API: the record's simple name ({@code LetterSent}). */
    public String typeName() {
        return type.getSimpleName();
    }
}
