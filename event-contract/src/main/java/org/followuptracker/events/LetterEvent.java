package org.followuptracker.events;

/**
 * An event in the history of one letter ({@code letterId}): what the letter aggregate rebuilds itself from. Whoever
 * acts on each kind does so through a {@link Visitor}: a new kind of letter event adds a method to it, so the
 * compiler names every place that must handle the new kind instead of letting it fall through. (A retraction,
 * {@link FactRetracted}, concerns letters and recommendations alike and is neither.)
 */
public sealed interface LetterEvent permits LetterSent, FollowUpSent, ResponseDueDateSet, ResponseDueDateExtended,
        ResponseDueDateWithdrawn, ResponseReceived, LetterPublished {

    String letterId();

    /** What the visitor makes of this event: the method for its kind is called. */
    <R> R accept(Visitor<R> visitor);

    /** One method for each kind of letter event. */
    interface Visitor<R> {

        R letterSent(LetterSent event);

        R followUpSent(FollowUpSent event);

        R responseDueDateSet(ResponseDueDateSet event);

        R responseDueDateExtended(ResponseDueDateExtended event);

        R responseDueDateWithdrawn(ResponseDueDateWithdrawn event);

        R responseReceived(ResponseReceived event);

        R letterPublished(LetterPublished event);
    }
}
