package org.followuptracker.events;

import java.time.LocalDate;

/**
 * What every event of the tracker has: the country it concerns (ISO 3166-1 alpha-3, which also keys the Kafka
 * topic so that each country's events stay in order) and the day it happened in the world. The types it permits
 * are every type of event there is ({@link EventTypes} lists them from here); each is also a {@link LetterEvent} or
 * a {@link RecommendationEvent}, except a retraction ({@link FactRetracted}), which may be of either.
 */
public sealed interface TrackerEvent permits RecommendationRecorded, LetterSent, FollowUpSent, ResponseDueDateSet,
        ResponseDueDateExtended, ResponseDueDateWithdrawn, ResponseReceived, LetterPublished,
        PositionRecorded, RecommendationImplemented, RecommendationPartiallyImplemented, RecommendationNotImplemented, FactRetracted {

    String country();

    /** When it happened in the world, as the coordinator states it; null when that is not known. */
    default LocalDate occurredOn() {
        return null;
    }
}
