package org.followuptracker.query.letter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.followuptracker.query.store.Retraction;

/**
 * A letter and everything recorded about its answer: the due dates it was given, the responses and follow-ups,
 * each with when it was recorded and, if so, when it was retracted; so what was known at any moment can be told.
 */
public record LetterRecord(
        String letterId,
        String eventId,
        String reference,
        String subject,
        String recipient,
        String sentOn,
        Instant recordedAt,
        Retraction retracted,
        List<DueDate> dueDates,
        List<Reply> responses,
        List<FollowUp> followUps,
        List<Publication> publications) {

    public LetterRecord {
        dueDates = dueDates == null ? List.of() : dueDates;
        responses = responses == null ? List.of() : responses;
        followUps = followUps == null ? List.of() : followUps;
        publications = publications == null ? List.of() : publications;
    }

    /** A letter not (yet) published, as it is sent. */
    public LetterRecord(String letterId, String eventId, String reference, String subject, String recipient,
            String sentOn, Instant recordedAt, Retraction retracted, List<DueDate> dueDates, List<Reply> responses,
            List<FollowUp> followUps) {
        this(letterId, eventId, reference, subject, recipient, sentOn, recordedAt, retracted, dueDates, responses,
                followUps, List.of());
    }

    /** A due date given to the letter (null dueBy: the due date was withdrawn). */
    public record DueDate(String eventId, String dueBy, Instant recordedAt, Retraction retracted) {
    }

    public record Reply(String eventId, String responseId, String receivedOn, Instant recordedAt, Retraction retracted) {
    }

    public record FollowUp(String eventId, String sentOn, Instant recordedAt, Retraction retracted) {
    }

    /** The letter published on a day, at {@code url} if it is online. */
    public record Publication(String eventId, String publishedOn, String url, Instant recordedAt, Retraction retracted) {
    }

    LetterRecord withDueDate(DueDate due) {
        return dueDates.stream().anyMatch(d -> d.eventId().equals(due.eventId())) ? this : copy(append(dueDates, due), responses, followUps, publications, retracted);
    }

    LetterRecord withResponse(Reply reply) {
        return responses.stream().anyMatch(r -> r.eventId().equals(reply.eventId())) ? this : copy(dueDates, append(responses, reply), followUps, publications, retracted);
    }

    LetterRecord withFollowUp(FollowUp followUp) {
        return followUps.stream().anyMatch(f -> f.eventId().equals(followUp.eventId())) ? this : copy(dueDates, responses, append(followUps, followUp), publications, retracted);
    }

    LetterRecord withPublication(Publication publication) {
        return publications.stream().anyMatch(p -> p.eventId().equals(publication.eventId())) ? this
                : copy(dueDates, responses, followUps, append(publications, publication), retracted);
    }

    /**
     * Marks the fact {@code retractedEventId} (the letter itself, a due date, a response, a follow-up, a publication)
     * retracted, once.
     */
    LetterRecord retracting(String retractedEventId, Retraction retraction) {
        if (eventId.equals(retractedEventId)) {
            return retracted != null ? this : copy(dueDates, responses, followUps, publications, retraction);
        }
        return copy(
                mark(dueDates, d -> d.eventId().equals(retractedEventId) && d.retracted() == null,
                        d -> new DueDate(d.eventId(), d.dueBy(), d.recordedAt(), retraction)),
                mark(responses, r -> r.eventId().equals(retractedEventId) && r.retracted() == null,
                        r -> new Reply(r.eventId(), r.responseId(), r.receivedOn(), r.recordedAt(), retraction)),
                mark(followUps, f -> f.eventId().equals(retractedEventId) && f.retracted() == null,
                        f -> new FollowUp(f.eventId(), f.sentOn(), f.recordedAt(), retraction)),
                mark(publications, p -> p.eventId().equals(retractedEventId) && p.retracted() == null,
                        p -> new Publication(p.eventId(), p.publishedOn(), p.url(), p.recordedAt(), retraction)),
                retracted);
    }

    /** What was known of the letter at {@code asOf}; null if it was not yet recorded, or already retracted. */
    public LetterState asOf(Instant asOf) {
        if (recordedAt.isAfter(asOf) || Retraction.knownAt(retracted, asOf)) {
            return null;
        }
        String dueBy = dueDates.stream()
                .filter(d -> !d.recordedAt().isAfter(asOf) && !Retraction.knownAt(d.retracted(), asOf))
                .reduce((first, second) -> second).map(DueDate::dueBy).orElse(null);
        LocalDate firstAnswer = responses.stream()
                .filter(r -> !r.recordedAt().isAfter(asOf) && !Retraction.knownAt(r.retracted(), asOf))
                .map(r -> LocalDate.parse(r.receivedOn()))
                .min(Comparator.naturalOrder()).orElse(null);
        List<FollowUp> followedUp = followUps.stream()
                .filter(f -> !f.recordedAt().isAfter(asOf) && !Retraction.knownAt(f.retracted(), asOf))
                .toList();
        return new LetterState(letterId, reference, subject, recipient, LocalDate.parse(sentOn),
                dueBy == null ? null : LocalDate.parse(dueBy), firstAnswer, followedUp.size(),
                followedUp.stream().map(f -> LocalDate.parse(f.sentOn())).max(Comparator.naturalOrder()).orElse(null),
                published(asOf));
    }

    /** The latest publication recorded by {@code asOf} and not retracted then; null if none. */
    Published published(Instant asOf) {
        return publications.stream()
                .filter(p -> !p.recordedAt().isAfter(asOf) && !Retraction.knownAt(p.retracted(), asOf))
                .reduce((first, second) -> second)
                .map(p -> new Published(LocalDate.parse(p.publishedOn()), p.url())).orElse(null);
    }

    private LetterRecord copy(List<DueDate> dueDates, List<Reply> responses, List<FollowUp> followUps,
            List<Publication> publications, Retraction retracted) {
        return new LetterRecord(letterId, eventId, reference, subject, recipient, sentOn, recordedAt, retracted, dueDates,
                responses, followUps, publications);
    }

    private static <T> List<T> append(List<T> list, T item) {
        return Stream.concat(list.stream(), Stream.of(item)).toList();
    }

    private static <T> List<T> mark(List<T> list, java.util.function.Predicate<T> which, UnaryOperator<T> change) {
        return list.stream().map(item -> which.test(item) ? change.apply(item) : item).toList();
    }
}
