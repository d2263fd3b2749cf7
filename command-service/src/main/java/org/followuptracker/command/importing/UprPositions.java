package org.followuptracker.command.importing;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.followuptracker.events.Position;

/**
 * The position a State took on a UPR recommendation, in the words the sources use: the UHRI's "Supported" and
 * "Noted", UPR Info's "Accepted", Working Group reports' "not supported", and splits such as "Supported/Noted".
 */
final class UprPositions {

    /** Stands for "no answer yet" while reading: the row gets no position at all, not NO_POSITION. */
    private static final Optional<Position> PENDING = Optional.empty();

    private static final Map<String, Optional<Position>> WORDING = Map.ofEntries(
            Map.entry("supported", Optional.of(Position.SUPPORTED)),
            Map.entry("accepted", Optional.of(Position.SUPPORTED)),
            Map.entry("partially supported", Optional.of(Position.PARTIALLY_SUPPORTED)),
            Map.entry("supported in part", Optional.of(Position.PARTIALLY_SUPPORTED)),
            Map.entry("partially accepted", Optional.of(Position.PARTIALLY_SUPPORTED)),
            Map.entry("accepted in part", Optional.of(Position.PARTIALLY_SUPPORTED)),
            Map.entry("noted", Optional.of(Position.NOTED)),
            Map.entry("took note", Optional.of(Position.NOTED)),
            Map.entry("rejected", Optional.of(Position.REJECTED)),
            Map.entry("not supported", Optional.of(Position.REJECTED)),
            Map.entry("not accepted", Optional.of(Position.REJECTED)),
            Map.entry("no position", Optional.of(Position.NO_POSITION)),
            Map.entry("no position expressed", Optional.of(Position.NO_POSITION)),
            Map.entry("no clear position", Optional.of(Position.NO_POSITION)),
            Map.entry("pending", PENDING),
            Map.entry("to be examined", PENDING),
            Map.entry("under consideration", PENDING),
            Map.entry("under examination", PENDING));

    private static final Pattern INNERMOST_REMARK = Pattern.compile("\\([^()]*\\)");
    private static final Pattern UNCLOSED_REMARK = Pattern.compile("\\(.*|\\)");
    private static final Pattern PARTS = Pattern.compile("[/;\\n]");
    private static final Pattern HYPHEN = Pattern.compile("[-\u2010\u2013]");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private UprPositions() {
    }

    /**
     * The position, or null when the cell is empty or the answer is pending. A split answer that supports some
     * parts ("Supported/Noted", "Accepted/Noted") is PARTIALLY_SUPPORTED.
     *
     * @throws IllegalArgumentException for wording this does not know, naming it
     */
    static Position read(String cell) {
        List<String> lines = UhriCells.values(cell);
        if (lines.isEmpty()) {
            return null;
        }
        String wording = String.join("\n", lines);
        Set<Position> answers = EnumSet.noneOf(Position.class);
        for (String part : PARTS.split(withoutRemarks(wording))) {
            for (Optional<Position> answer : answersIn(part, wording)) {
                answer.ifPresent(answers::add);
            }
        }
        if (answers.isEmpty()) {
            return null;
        }
        if (answers.size() == 1) {
            return answers.iterator().next();
        }
        if (answers.contains(Position.SUPPORTED) || answers.contains(Position.PARTIALLY_SUPPORTED)) {
            return Position.PARTIALLY_SUPPORTED;
        }
        // "Noted/Rejected" and the like: no support, but which answer stands is for a person to say.
        throw new IllegalArgumentException("'" + String.join(" ", lines) + "' mixes answers that do not combine");
    }

    private static List<Optional<Position>> answersIn(String part, String wording) {
        String phrase = phrase(part);
        if (phrase.isEmpty()) {
            return List.of();
        }
        Optional<Position> whole = WORDING.get(HYPHEN.matcher(phrase).replaceAll(" ").replaceAll(" +", " "));
        if (whole != null) {
            return List.of(whole); // "partially-supported" is one answer
        }
        // "Supported-Noted": a hyphen between two answers is a split answer.
        List<Optional<Position>> answers = new ArrayList<>();
        for (String piece : HYPHEN.split(phrase)) {
            Optional<Position> answer = WORDING.get(phrase(piece));
            if (answer == null) {
                throw new IllegalArgumentException("'" + wording.replace('\n', ' ') + "' is not recognised");
            }
            answers.add(answer);
        }
        return answers;
    }

    // Remarks in brackets say where a position comes from ("Supported (A/HRC/14/10 para. 95)"), not what it is.
    private static String withoutRemarks(String wording) {
        String previous;
        String text = wording;
        do {
            previous = text;
            text = INNERMOST_REMARK.matcher(text).replaceAll(" ");
        } while (!text.equals(previous));
        return UNCLOSED_REMARK.matcher(text).replaceAll(" ");
    }

    private static String phrase(String text) {
        String phrase = SPACES.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
        return phrase.replaceAll("[.,:]+$", "").strip();
    }
}
