package org.followuptracker.command.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Hostile request bodies, drawn from a seeded {@link Random} so that a failing case comes back with its seed: a
 * valid JSON command changed in one hostile way (a field replaced by a value of the wrong kind, a huge string, control
 * or right-to-left characters, an injection string, a far date or deep nesting; a field removed; an unknown one
 * added; the body cut short or replaced with garbage), and multipart bodies, well-formed or not.
 */
public final class Hostile {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final char[] NASTY_CHARS = {'\u0000', '\u001B', '\u007F', '\u0085', '\u202E', '\u200F', '\u2066',
            '\uFEFF', '\uD800', '\uDC00', '\n', '\r', '\t', '"', '\\', '<', '>', '\'', '&', 'a'};
    private static final List<String> NASTY_TEXTS = List.of("'; DROP TABLE domainevententry; --",
            "<script>alert(1)</script>", "${jndi:ldap://x/a}", "{{7*7}}", "../../etc/passwd",
            "=HYPERLINK(\"http://x\")",
            "\u202Egnp.exe", "KAZ\u0000", "2012-13-45", "2999-01-01", "0000-00-00", "+999999999-12-31",
            "+9999999-12-31", "-9999999-01-01", "1899-12-31", "2201-01-01", " 2012-10-18", "2012-10-18\n",
            "1970-01-01T00:00:00Z", "SUPPORTED ", "supported", "kaz", "XXX", " ", "");
    private static final List<String> WRONG_KINDS = List.of("1e309", "-0", "9223372036854775808", "1.5", "NaN", "true",
            "false", "null", "{}", "[]", "[null]", "[1, 2]", "[2013, 1, 1]", "{\"text\": 1}",
            "[{\"recommendationId\": null}]", "[\"\"]");
    private static final List<String> GARBAGE = List.of("null", "[]", "\"text\"", "42", "true", "{}", "{\"a\":", "{{}}",
            "{\"country\": \"KAZ\",}", "\uFEFF{}", "");
    private static final List<String> UNKNOWN_FIELDS = List.of("actor", "recordedBy", "eventId", "aggregateId",
            "__proto__", "");

    private final Random random;

    public Hostile(Random random) {
        this.random = random;
    }

    /** Values of every wrong kind, each tried in every field ({@code HostileInputTest}). */
    public static List<String> wrongKinds() {
        return WRONG_KINDS;
    }

    /** The valid body, changed in one hostile way. */
    public String jsonBody(ObjectNode valid) {
        List<String> fields = new ArrayList<>();
        valid.fieldNames().forEachRemaining(fields::add);
        String field = fields.get(random.nextInt(fields.size()));
        int pick = random.nextInt(12);
        if (pick < 6) {
            ObjectNode copy = valid.deepCopy();
            copy.put(field, "\u0000PLACEHOLDER\u0000");
            return copy.toString().replace("\"\\u0000PLACEHOLDER\\u0000\"", jsonValue());
        } else if (pick < 8) {
            ObjectNode copy = valid.deepCopy();
            copy.remove(field);
            return copy.toString();
        } else if (pick < 9) {
            ObjectNode copy = valid.deepCopy();
            copy.put(oneOf(UNKNOWN_FIELDS), "someone else");
            return copy.toString();
        } else if (pick < 10) {
            String text = valid.toString();
            return text.substring(0, random.nextInt(text.length()));
        }
        return oneOf(List.<Supplier<String>>of(
                () -> anyText(200),
                () -> oneOf(GARBAGE),
                () -> "[" + valid + "]",
                () -> deep(between(500, 100_000), "[", "]", ""),
                () -> deep(between(500, 100_000), "{\"a\":", "}", "1"))).get();
    }

    /** A JSON value, as text, of the wrong kind or of the right kind with hostile content. */
    public String jsonValue() {
        return oneOf(List.<Supplier<String>>of(
                () -> quoted(anyText(300)),
                () -> quoted(nastyText()),
                () -> quoted(oneOf(NASTY_TEXTS)),
                () -> quoted("y".repeat(between(10_000, 600_000))),
                () -> String.valueOf(random.nextInt()),
                () -> oneOf(WRONG_KINDS),
                () -> deep(between(100, 5_000), "[", "]", ""))).get();
    }

    /**
     * A multipart body for the boundary {@code zzz}: cut short, garbage, a part with no name, a file part with hostile
     * content, a part header with no end, or a well-formed file of a few CSV lines.
     */
    public String multipartBody() {
        String csvLines = "Text,Countries Concerned,Document Symbol,OHCHR Annotation Id\r\n"
                + anyText(40).replace("\r", "") + ",Kazakhstan,A/HRC/14/10," + random.nextInt(1000) + "\r\n";
        return oneOf(List.<Supplier<String>>of(
                () -> "--zzz\r\ngarbage",
                () -> "--zzz",
                () -> "",
                () -> anyText(200),
                () -> "--zzz\r\nContent-Disposition: form-data\r\n\r\nx\r\n--zzz--\r\n",
                () -> "--zzz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\n"
                        + nastyText() + "\r\n--zzz--\r\n",
                () -> "--zzz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n",
                () -> "--zzz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\n" + csvLines,
                () -> "--zzz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n"
                        + "Content-Type: text/csv; charset=UTF-16\r\n\r\n" + csvLines + "--zzz--\r\n")).get();
    }

    /** Any characters at all, up to {@code max}, halves of surrogate pairs and controls included. */
    public String anyText(int max) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(max + 1);
        for (int i = 0; i < length; i++) {
            text.append((char) random.nextInt(Character.MAX_VALUE + 1));
        }
        return text.toString();
    }

    private String nastyText() {
        StringBuilder text = new StringBuilder();
        int length = between(1, 60);
        for (int i = 0; i < length; i++) {
            text.append(NASTY_CHARS[random.nextInt(NASTY_CHARS.length)]);
        }
        return text.toString();
    }

    private static String deep(int depth, String open, String close, String inside) {
        return open.repeat(depth) + inside + close.repeat(depth);
    }

    private static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    public <T> T oneOf(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
