package org.followuptracker.command.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.followuptracker.command.letter.SendLetterRequest;
import org.junit.jupiter.api.Test;

/** The demo data is the 2012 letter as written: every UN citation of its footnotes, and nothing else. */
class DemoLetterTest {

    private static final Path LETTER = Path.of("..", "..", "shared", "corpus", "open-letter-kazakhstan-hrc-2012.txt");

    private final SendLetterRequest demo = DemoLetter.read(new ObjectMapper().registerModule(new JavaTimeModule()));

    @Test
    void itIsAValidLetterToKazakhstanOfTheDayAmnestyPublishedIt() {
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

        assertThat(validator.validate(demo)).isEmpty();
        assertThat(demo.country()).isEqualTo("KAZ");
        assertThat(demo.reference()).isEqualTo("EUR 57/005/2012");
        assertThat(demo.sentOn()).isEqualTo(LocalDate.of(2012, 10, 18));
        assertThat(demo.copiedTo()).hasSize(2).anyMatch(c -> c.contains("Geneva")).anyMatch(c -> c.contains("New York"));
        assertThat(demo.recommendations()).allMatch(r -> r.recommendationId() == null && !r.text().isBlank());
    }

    @Test
    void everyUprRecommendationTheFootnotesCiteIsASourceWithItsRecommendingState() throws Exception {
        String text = Files.readString(LETTER).replaceAll("\\s+", " ");
        Matcher cited = Pattern.compile("(9[57]\\.\\d+) \\(([A-Z][A-Za-z ]+?)\\)").matcher(text);
        List<String> citations = new ArrayList<>();
        while (cited.find()) {
            citations.add(cited.group(1) + " " + cited.group(2));
        }
        assertThat(citations).hasSize(15).contains("95.42 Australia", "97.18 Spain");

        List<String> sources = demo.recommendations().stream()
                .flatMap(r -> r.sources().stream())
                .filter(s -> s.symbol().equals("A/HRC/14/10"))
                .map(s -> s.paragraph() + " " + String.join(", ", s.recommendingStates()))
                .toList();
        assertThat(sources).containsExactlyInAnyOrderElementsOf(citations);
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
