package org.followuptracker.query.letter;

import org.springframework.data.annotation.Id;

/**
 * One letter and everything recorded about its answer, in a document of its own: an event about a letter reads and
 * writes that letter only, not every letter of its country.
 */
public record LetterDocument(@Id String letterId, String country, LetterRecord letter) {

    public static final String COLLECTION = "letter";
}
