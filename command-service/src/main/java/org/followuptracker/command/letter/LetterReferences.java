package org.followuptracker.command.letter;

import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.followuptracker.events.FactRetracted;
import org.followuptracker.events.LetterSent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The references each sender has given its letters (such as Amnesty International's index numbers), which must
 * be unique per sender. Kept up to date in the same transaction as the events, so no two letters can share one.
 */
@Component
@ProcessingGroup(LetterReferences.PROCESSING_GROUP)
public class LetterReferences {

    public static final String PROCESSING_GROUP = "letter-references";

    private final JdbcTemplate jdbc;

    LetterReferences(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> letterWith(String sender, String reference) {
        return jdbc.queryForList("SELECT letter_id FROM letter_reference WHERE sender = ? AND reference = ?",
                String.class, sender.strip(), reference.strip()).stream().findFirst();
    }

    /** A retracted letter frees its reference: the corrected letter is recorded anew under it. */
    @EventHandler
    void on(FactRetracted event) {
        if (event.retractedType().equals("LetterSent")) {
            jdbc.update("DELETE FROM letter_reference WHERE letter_id = ?", event.aggregateId());
        }
    }

    @EventHandler
    void on(LetterSent event) {
        if (event.reference() != null) {
            jdbc.update("INSERT INTO letter_reference (sender, reference, letter_id) VALUES (?, ?, ?)",
                    event.sender(), event.reference(), event.letterId());
        }
    }
}
