package org.followuptracker.command.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Set;
import org.followuptracker.command.actor.Provenance;
import org.followuptracker.command.letter.LetterRecorder;
import org.followuptracker.command.letter.LetterReferences;
import org.followuptracker.command.letter.SendLetterRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records the demo letter on first start, as a coordinator would, so the embedded default opens with the reference
 * case in it. Its reference (unique per sender) tells whether it is there already, so a restart adds nothing.
 */
@Component
@ConditionalOnProperty(name = "tracker.demo.enabled", havingValue = "true")
class DemoLetterLoader {

    static final String ACTOR = "demo-data";
    private static final Logger log = LoggerFactory.getLogger(DemoLetterLoader.class);

    private final LetterRecorder recorder;
    private final LetterReferences references;
    private final ObjectMapper json;
    private final Validator validator;

    DemoLetterLoader(LetterRecorder recorder, LetterReferences references, ObjectMapper json, Validator validator) {
        this.recorder = recorder;
        this.references = references;
        this.json = json;
        this.validator = validator;
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        SendLetterRequest letter = DemoLetter.read(json);
        Set<ConstraintViolation<SendLetterRequest>> violations = validator.validate(letter);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("the demo letter is invalid: " + violations);
        }
        if (references.letterWith(letter.sender(), letter.reference()).isPresent()) {
            log.info("Demo letter {} is already recorded", letter.reference());
            return;
        }
        var recorded = recorder.sendLetter(letter, new Provenance(ACTOR, letter.source()));
        log.info("Recorded the demo letter {} to {} as letter {}, urging {} recommendations", letter.reference(),
                letter.country(), recorded.letterId(), recorded.recommendationIds().size());
    }
}
