package org.followuptracker.events;

/**
 * An event in the history of one recommendation ({@code recommendationId}): what the recommendation aggregate
 * rebuilds itself from. Whoever acts on each kind does so through a {@link Visitor}: a new kind of recommendation
 * event adds a method to it, so the compiler names every place that must handle the new kind instead of letting it
 * fall through. (A retraction, {@link FactRetracted}, concerns letters and recommendations alike and is neither.)
 */
public sealed interface RecommendationEvent permits RecommendationRecorded, PositionRecorded,
        RecommendationImplemented, RecommendationPartiallyImplemented, RecommendationNotImplemented {

    String recommendationId();

    /** What the visitor makes of this event: the method for its kind is called. */
    <R> R accept(Visitor<R> visitor);

    /** One method for each kind of recommendation event. */
    interface Visitor<R> {

        R recommendationRecorded(RecommendationRecorded event);

        R positionRecorded(PositionRecorded event);

        R recommendationImplemented(RecommendationImplemented event);

        R recommendationPartiallyImplemented(RecommendationPartiallyImplemented event);

        R recommendationNotImplemented(RecommendationNotImplemented event);
    }
}
