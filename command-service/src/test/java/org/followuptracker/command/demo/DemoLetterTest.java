package org.followuptracker.command.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.List;
import org.followuptracker.command.letter.SendLetterRequest;
import org.junit.jupiter.api.Test;

/**
 * The demo data is a valid letter of the day it was published, citing treaty bodies by paragraph. That it cites
 * every UN recommendation of the letter as published is checked against the letter itself, which lives beside the
 * project: {@link DemoLetterReferenceCheck}.
 */
class DemoLetterTest {

    private final SendLetterRequest demo = DemoLetter.read(new ObjectMapper().registerModule(new JavaTimeModule()));

    @Test
    void itIsAValidLetterToKazakhstanOfTheDayAmnestyPublishedIt() {
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

        assertThat(validator.validate(demo)).isEmpty();
        assertThat(demo.country()).isEqualTo("KAZ");
        assertThat(demo.reference()).isEqualTo("EUR 57/005/2012");
        assertThat(demo.sentOn()).isEqualTo(LocalDate.of(2012, 10, 18));
        assertThat(demo.copiedTo()).hasSize(2)
                .anyMatch(c -> c.contains("Geneva")).anyMatch(c -> c.contains("New York"));
        assertThat(demo.recommendations()).allMatch(r -> r.recommendationId() == null && !r.text().isBlank());
    }

    @Test
    void theTreatyBodyRecommendationsAreCitedByParagraph() {
        List<String> treatyBodies = demo.recommendations().stream()
                .flatMap(r -> r.sources().stream())
                .filter(s -> !s.symbol().startsWith("A/HRC/"))
                .map(s -> s.symbol() + " para " + s.paragraph())
                .toList();

        assertThat(treatyBodies).containsExactlyInAnyOrder("CCPR/C/KAZ/CO/1 para 8", "CAT/C/KAZ/CO/2 para 9");
    }
}
