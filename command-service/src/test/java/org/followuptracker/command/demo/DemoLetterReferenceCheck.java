package org.followuptracker.command.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.followuptracker.command.letter.SendLetterRequest;
import org.junit.jupiter.api.Test;

/**
 * The demo data against the 2012 letter as published and the UPR review it cites, which live beside the project in
 * the reference data folder (never copied into it). Run only by the reference-data profile, which names that folder
 * ({@code -Preference-data -Dreference-data=<folder>}); without the folder or the letter it fails.
 */
class DemoLetterReferenceCheck {

    private static final String FOLDER_PROPERTY = "tracker.reference-data";

    private final SendLetterRequest demo = DemoLetter.read(new ObjectMapper().registerModule(new JavaTimeModule()));

    @Test
    void everyUprRecommendationTheFootnotesCiteIsASourceWithItsRecommendingState() throws Exception {
        String text = Files.readString(referenceFile("corpus", "open-letter-kazakhstan-hrc-2012.txt"))
                .replaceAll("\\s+", " ");
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

    /** The states are checked against the letter above: the review's list names some in full (United Kingdom of...). */
    @Test
    void everyUprSourceIsARecommendationOfTheReview() throws Exception {
        Set<String> recommendations = new HashSet<>();
        CSVFormat header = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader csv = Files.newBufferedReader(referenceFile("data", "upr-kazakhstan-2010", "recommendations.csv"));
                CSVParser rows = CSVParser.parse(csv, header)) {
            for (CSVRecord row : rows) {
                recommendations.add(row.get("document_symbol") + " " + row.get("rec_id"));
            }
        }
        assertThat(recommendations).hasSizeGreaterThan(100);

        List<String> uprSources = demo.recommendations().stream()
                .flatMap(r -> r.sources().stream())
                .filter(s -> s.symbol().startsWith("A/HRC/"))
                .map(s -> s.symbol() + " " + s.paragraph())
                .toList();
        assertThat(uprSources).hasSize(15).allSatisfy(source -> assertThat(recommendations).contains(source));
    }

    private static Path referenceFile(String... names) {
        String folder = System.getProperty(FOLDER_PROPERTY, "");
        assertThat(folder).as("the reference data folder, given as -Dreference-data=<folder>")
                .isNotBlank().doesNotContain("${");
        Path file = Path.of(folder, names);
        assertThat(file).as("a file of the reference data").isRegularFile();
        return file;
    }
}
