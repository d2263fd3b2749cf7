package org.followuptracker.events;

/** One recommendation and the position a response took on it. */
public record PositionTaken(String recommendationId, Position position) {
}
