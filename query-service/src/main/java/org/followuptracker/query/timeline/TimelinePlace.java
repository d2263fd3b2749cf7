package org.followuptracker.query.timeline;

import org.springframework.data.annotation.Id;

/**
 * Which part of its month ({@link TimelineMonth}) holds an event's entry: written before the part, so that an event
 * applied again (after a write cut short) finds its entry wherever it is, rather than add it twice, and a retraction
 * finds the entry it marks with one lookup.
 */
public record TimelinePlace(@Id String eventId, String partKey) {

    public static final String COLLECTION = "timeline_places";
}
