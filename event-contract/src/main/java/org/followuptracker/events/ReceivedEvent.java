package org.followuptracker.events;

/**
 * An event as a reader received it: the envelope (its event brought up to the current revision) and the event's
 * {@code data} (as JSON, without insignificant white space) and revision as they travelled, for whoever must keep
 * what was sent (the audit trail).
 */
public record ReceivedEvent(EventEnvelope envelope, String dataAsSent, String revisionAsSent) {
}
