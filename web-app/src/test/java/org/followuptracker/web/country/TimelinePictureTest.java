package org.followuptracker.web.country;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimelinePictureTest {

    private static final LocalDate TODAY = LocalDate.of(2013, 6, 1);

    @Test
    void eachKindOfFactHasItsLaneAndShapeAndARetractedOneIsMarked() {
        TimelinePicture picture = TimelinePicture.of(List.of(
                entry("LetterSent", "2012-10-18", "letter-1"),
                entry("FollowUpSent", "2012-12-01", "letter-1"),
                entry("ResponseDueDateSet", "2012-10-18", "letter-1"),
                retracted(entry("ResponseReceived", "2013-01-10", "letter-1")),
                entry("RecommendationPartiallyImplemented", "2013-05-01", null),
                entry("RecommendationRecorded", "2010-03-16", null),
                entry("FactRetracted", "2013-01-12", "letter-1")), List.of(), TODAY);

        assertThat(picture.marks()).extracting(TimelinePicture.Mark::kind)
                .containsExactly("letter", "follow-up", "due", "response", "partially-implemented", "recommendation");
        assertThat(picture.marks()).extracting(TimelinePicture.Mark::shape)
                .containsExactly("circle", "polygon", "line", "rect", "polygon", "circle");
        assertThat(picture.marks().get(3).retracted()).isTrue();
        assertThat(picture.marks().get(0).href()).isEqualTo("#letter-letter-1");
        assertThat(picture.marks().get(1).y()).isEqualTo(picture.marks().get(0).y());
        assertThat(picture.marks().get(3).y()).isGreaterThan(picture.marks().get(0).y());
        // Oldest to the left; today at the right end of the facts.
        assertThat(picture.marks().get(5).x()).isLessThan(picture.marks().get(0).x());
        assertThat(picture.todayX()).isGreaterThan(picture.marks().get(4).x());
        assertThat(picture.ticks()).extracting(TimelinePicture.Tick::label).contains("2011", "2012", "2013");
    }

    @Test
    void aLetterAnsweredShowsTheWaitAndOneUnansweredAGapUpToTodayRedOnceOverdue() {
        TimelinePicture picture = TimelinePicture.of(List.of(
                        entry("LetterSent", "2012-10-18", "answered"),
                        entry("LetterSent", "2013-01-15", "overdue"),
                        entry("LetterSent", "2013-05-01", "awaiting"),
                        entry("ResponseReceived", "2012-11-30", "answered")),
                List.of(Map.of("letterId", "overdue", "overdue", true, "daysWaited", 137, "daysOverdue", 90),
                        Map.of("letterId", "awaiting", "overdue", false, "daysWaited", 31, "daysOverdue", 0)), TODAY);

        assertThat(picture.spans()).extracting(TimelinePicture.Span::kind).containsExactly("answered", "overdue", "awaiting");
        assertThat(picture.spans().get(0).label()).isEqualTo("Answered after 43 days");
        assertThat(picture.spans().get(1).label()).isEqualTo("No answer for 137 days, 90 days overdue");
        assertThat(picture.spans().get(1).x2()).isEqualTo(picture.todayX());
        assertThat(picture.spans().get(0).x2()).isEqualTo(picture.marks().get(3).x());
    }

    @Test
    void aRetractedAnswerLeavesTheLetterWaiting() {
        TimelinePicture picture = TimelinePicture.of(List.of(entry("LetterSent", "2012-10-18", "letter-1"),
                        retracted(entry("ResponseReceived", "2012-11-30", "letter-1"))),
                List.of(Map.of("letterId", "letter-1", "overdue", false, "daysWaited", 226, "daysOverdue", 0)), TODAY);
        assertThat(picture.spans()).extracting(TimelinePicture.Span::kind).containsExactly("awaiting");
    }

    @Test
    void nothingRecordedYetDrawsAnEmptyPicture() {
        TimelinePicture picture = TimelinePicture.of(List.of(), List.of(), TODAY);
        assertThat(picture.empty()).isTrue();
        assertThat(picture.marks()).isEmpty();
    }

    @Test
    void aFactOutsideTheYears1900To2200IsDrawnAtTheEdgeWithItsDayAsRecordedAndTheOthersKeepTheirSpread() {
        TimelinePicture picture = TimelinePicture.of(List.of(
                        entry("LetterSent", "-999999999-01-01", "first-day"),
                        entry("LetterSent", "-9999999-01-01", "far-past"),
                        entry("LetterSent", "2012-10-18", "letter-1"),
                        entry("ResponseReceived", "2012-11-30", "letter-1"),
                        entry("FollowUpSent", "+9999999-12-31", "letter-1"),
                        entry("RecommendationImplemented", "+999999999-12-31", null)),
                List.of(Map.of("letterId", "far-past", "overdue", true, "daysWaited", 3652425000L,
                        "daysOverdue", 3652424970L)), TODAY);

        List<Double> xs = picture.marks().stream().map(TimelinePicture.Mark::x).toList();
        assertThat(xs).allSatisfy(x -> assertThat(x).isBetween(TimelinePicture.LEFT,
                (double) TimelinePicture.WIDTH - TimelinePicture.RIGHT));
        assertThat(xs.get(0)).isEqualTo(xs.get(1)).isEqualTo(TimelinePicture.LEFT);
        assertThat(xs.get(4)).isEqualTo(xs.get(5)).isEqualTo(TimelinePicture.WIDTH - TimelinePicture.RIGHT);
        // The picture spans the facts of the years 1900 to 2200: a letter and its answer six weeks apart stay apart.
        assertThat(xs.get(3) - xs.get(2)).isGreaterThan(100);
        assertThat(picture.marks().get(1).label()).startsWith("1 Jan -9999999: ");
        assertThat(picture.marks().get(4).label()).startsWith("31 Dec +9999999: ");
        assertThat(picture.spans()).extracting(TimelinePicture.Span::kind).containsExactly("overdue", "answered");
        assertThat(picture.ticks()).isNotEmpty().hasSizeLessThanOrEqualTo(13);
    }

    @Test
    void aDayGivenWithATimeIsReadAsItsDay() {
        Map<String, Object> recorded = new HashMap<>();
        recorded.put("recordedAt", "+10000-01-01T10:00:00Z");
        Map<String, Object> occurred = entry("LetterSent", "2012-10-18T10:00:00Z", "letter-1");

        assertThat(TimelinePicture.day(recorded)).isEqualTo(LocalDate.of(10000, 1, 1));
        assertThat(TimelinePicture.day(occurred)).isEqualTo(LocalDate.of(2012, 10, 18));
    }

    private static Map<String, Object> entry(String type, String day, String letterId) {
        Map<String, Object> entry = new HashMap<>();
        entry.put("type", type);
        entry.put("occurredOn", day);
        entry.put("summary", type + " on " + day);
        entry.put("letterId", letterId);
        return entry;
    }

    private static Map<String, Object> retracted(Map<String, Object> entry) {
        entry.put("retracted", Map.of("reason", "wrong"));
        return entry;
    }
}
