package org.followuptracker.web.country;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.followuptracker.web.backend.FactType;

/**
 * A country's timeline drawn on a time axis: letters and follow-ups on the top lane, answers below them, findings
 * below those, UN recommendations at the bottom; each kind with a shape and colour of its own. Between a letter and
 * its first answer runs a line; from a letter that no answer came to, a dashed line runs up to today (red once it is
 * overdue): the gaps. Retracted facts stay, drawn hollow. The pages draw it as SVG from these coordinates.
 * It spans the years 1900 to 2200 at most ({@link #FIRST_DRAWN}).
 */
public record TimelinePicture(int width, int height, double axisY, List<Lane> lanes, List<Tick> ticks,
        List<Mark> marks, List<Span> spans, double todayX, String todayLabel, boolean empty) {

    /** Every kind of fact, by name ({@link FactType}). */
    public static final List<String> TYPES = FactType.NAMES;

    static final int WIDTH = 1000;
    static final double LEFT = 150;
    static final double RIGHT = 30;
    static final double LETTERS = 40;
    static final double GAPS = 70;
    static final double ANSWERS = 100;
    static final double FINDINGS = 150;
    static final double UN = 200;
    static final double AXIS = 235;
    static final int HEIGHT = 265;
    /** The proleptic year ("uuuu"): year -9999999 is shown with its sign, not as 10000000 of another era. */
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);
    /**
     * The days the picture spans at most, the years the API takes dates in: a fact outside them (only an event
     * stored before the API refused such dates can be) is drawn at the edge of the span of the others, and its
     * label tells its day.
     */
    static final LocalDate FIRST_DRAWN = LocalDate.of(1900, 1, 1);
    static final LocalDate LAST_DRAWN = LocalDate.of(2200, 12, 31);

    public record Lane(double y, String label) {
    }

    public record Tick(double x, String label) {
    }

    /**
     * One fact: {@code shape} is {@code circle}, {@code rect}, {@code polygon} (with {@code points}) or {@code line};
     * {@code kind} picks its colour; {@code label} is its tooltip; {@code href} where clicking it leads.
     */
    public record Mark(String shape, String kind, double x, double y, double size, String points, String label,
            boolean retracted, String href) {
    }

    /** The time a letter waited: {@code answered}, {@code awaiting} or {@code overdue}. */
    public record Span(String kind, double x1, double x2, double y, String label) {
    }

    public static TimelinePicture of(List<Map<String, Object>> entries, List<Map<String, Object>> openLetters,
            LocalDate today) {
        List<Lane> lanes = List.of(new Lane(LETTERS, "Letters, follow-ups"), new Lane(ANSWERS, "Answers, positions"),
                new Lane(FINDINGS, "Findings"), new Lane(UN, "UN recommendations"));
        if (entries.isEmpty()) {
            return new TimelinePicture(WIDTH, HEIGHT, AXIS, lanes, List.of(), List.of(), List.of(), WIDTH - RIGHT,
                    DAY.format(today), true);
        }
        LocalDate first = drawn(today);
        LocalDate last = first;
        for (Map<String, Object> entry : entries) {
            LocalDate day = day(entry);
            if (!day.equals(drawn(day))) {
                continue; // drawn at the edge, not stretching the picture over millions of years
            }
            first = day.isBefore(first) ? day : first;
            last = day.isAfter(last) ? day : last;
        }
        long days = Math.max(30, ChronoUnit.DAYS.between(first, last));
        LocalDate from = first.minusDays(Math.max(3, days / 30));
        LocalDate to = last.plusDays(Math.max(3, days / 30));
        Scale scale = new Scale(from, to);

        List<Mark> marks = new ArrayList<>();
        Map<String, LocalDate> firstAnswer = new HashMap<>();
        for (Map<String, Object> entry : entries) {
            Mark mark = mark(entry, scale);
            if (mark != null) {
                marks.add(mark);
            }
            if (FactType.RESPONSE_RECEIVED.type().equals(entry.get("type")) && entry.get("retracted") == null
                    && entry.get("letterId") != null) {
                firstAnswer.merge((String) entry.get("letterId"), day(entry), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        Map<String, Map<String, Object>> open = new HashMap<>();
        openLetters.forEach(letter -> open.put((String) letter.get("letterId"), letter));
        List<Span> spans = new ArrayList<>();
        for (Map<String, Object> entry : entries) {
            if (!FactType.LETTER_SENT.type().equals(entry.get("type")) || entry.get("retracted") != null) {
                continue;
            }
            String letterId = (String) entry.get("letterId");
            LocalDate sent = day(entry);
            LocalDate answered = firstAnswer.get(letterId);
            if (answered != null) {
                spans.add(new Span("answered", scale.x(sent), scale.x(answered), GAPS, "Answered after "
                        + ChronoUnit.DAYS.between(sent, answered) + " days"));
            } else if (open.containsKey(letterId)) {
                Map<String, Object> waiting = open.get(letterId);
                boolean overdue = Boolean.TRUE.equals(waiting.get("overdue"));
                spans.add(new Span(overdue ? "overdue" : "awaiting", scale.x(sent), scale.x(today), GAPS,
                        "No answer for " + waiting.get("daysWaited") + " days"
                                + (overdue ? ", " + waiting.get("daysOverdue") + " days overdue" : "")));
            }
        }
        return new TimelinePicture(WIDTH, HEIGHT, AXIS, lanes, ticks(scale), marks, spans, scale.x(today),
                DAY.format(today), false);
    }

    /** The fact's mark; none for a retraction (it shows on the fact it retracted) or a kind newer than this app. */
    private static Mark mark(Map<String, Object> entry, Scale scale) {
        Optional<FactType> kind = FactType.named((String) entry.get("type"));
        if (kind.isEmpty()) {
            return null;
        }
        double x = scale.x(day(entry));
        boolean retracted = entry.get("retracted") != null;
        String label = DAY.format(day(entry)) + ": " + entry.get("summary") + (retracted ? " (retracted)" : "");
        String letter = entry.get("letterId") == null ? null : "#letter-" + entry.get("letterId");
        return switch (kind.get()) {
            case LETTER_SENT -> new Mark("circle", "letter", x, LETTERS, 8, null, label, retracted, letter);
            case FOLLOW_UP_SENT -> new Mark("polygon", "follow-up", x, LETTERS, 8,
                    points(x, LETTERS - 8, x + 8, LETTERS + 7, x - 8, LETTERS + 7), label, retracted, letter);
            case RESPONSE_DUE_DATE_SET, RESPONSE_DUE_DATE_EXTENDED, RESPONSE_DUE_DATE_WITHDRAWN ->
                    new Mark("line", "due", x, LETTERS, 12, null, label, retracted, letter);
            case LETTER_PUBLISHED -> new Mark("rect", "publication", x, LETTERS, 6, null, label, retracted, letter);
            case RESPONSE_RECEIVED -> new Mark("rect", "response", x, ANSWERS, 8, null, label, retracted, letter);
            case POSITION_RECORDED -> new Mark("rect", "position", x, ANSWERS, 5, null, label, retracted, null);
            case RECOMMENDATION_IMPLEMENTED -> finding("implemented", x, label, retracted);
            case RECOMMENDATION_PARTIALLY_IMPLEMENTED -> finding("partially-implemented", x, label, retracted);
            case RECOMMENDATION_NOT_IMPLEMENTED -> finding("not-implemented", x, label, retracted);
            case RECOMMENDATION_RECORDED -> new Mark("circle", "recommendation", x, UN, 4, null, label, retracted, null);
            case FACT_RETRACTED -> null;
        };
    }

    private static Mark finding(String kind, double x, String label, boolean retracted) {
        return new Mark("polygon", kind, x, FINDINGS, 9,
                points(x, FINDINGS - 9, x + 9, FINDINGS, x, FINDINGS + 9, x - 9, FINDINGS), label, retracted, null);
    }

    private static String points(double... coordinates) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < coordinates.length; i += 2) {
            points.append(i == 0 ? "" : " ").append(round(coordinates[i])).append(',').append(round(coordinates[i + 1]));
        }
        return points.toString();
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /** The day a fact happened, or was recorded; a year may have more than four digits and a sign. */
    static LocalDate day(Map<String, Object> entry) {
        Object occurred = entry.get("occurredOn");
        String text = occurred instanceof String day && !day.isBlank() ? day : String.valueOf(entry.get("recordedAt"));
        int time = text.indexOf('T');
        return LocalDate.parse(time < 0 ? text : text.substring(0, time));
    }

    private static LocalDate drawn(LocalDate day) {
        return day.isBefore(FIRST_DRAWN) ? FIRST_DRAWN : day.isAfter(LAST_DRAWN) ? LAST_DRAWN : day;
    }

    /** Year ticks for a long span, month ticks for a short one; never more than about a dozen. */
    private static List<Tick> ticks(Scale scale) {
        List<Tick> ticks = new ArrayList<>();
        long months = ChronoUnit.MONTHS.between(scale.from, scale.to);
        if (months > 24) {
            long step = Math.max(1, (months / 12 + 11) / 12);
            for (int year = scale.from.getYear() + 1; year <= scale.to.getYear(); year += (int) step) {
                ticks.add(new Tick(scale.x(LocalDate.of(year, 1, 1)), String.valueOf(year)));
            }
        } else {
            long step = Math.max(1, (months + 11) / 12);
            LocalDate tick = scale.from.withDayOfMonth(1).plusMonths(1);
            DateTimeFormatter month = DateTimeFormatter.ofPattern("MMM uuuu", Locale.ENGLISH);
            while (!tick.isAfter(scale.to)) {
                ticks.add(new Tick(scale.x(tick), month.format(tick)));
                tick = tick.plusMonths(step);
            }
        }
        return ticks;
    }

    private record Scale(LocalDate from, LocalDate to) {
        double x(LocalDate day) {
            double span = Math.max(1, ChronoUnit.DAYS.between(from, to));
            double at = Math.min(span, Math.max(0, ChronoUnit.DAYS.between(from, day)));
            return round(LEFT + (WIDTH - LEFT - RIGHT) * at / span);
        }
    }
}
