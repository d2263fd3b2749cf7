package org.followuptracker.command.letter;

import java.util.List;

/** The answer to {@code POST /api/letters}: the letter's id and those of the recommendations it urges, in order. */
public record LetterRecorded(String letterId, List<String> recommendationIds) {
}
