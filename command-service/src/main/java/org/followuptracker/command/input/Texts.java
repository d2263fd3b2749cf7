package org.followuptracker.command.input;

/**
 * What a text the tracker records may hold: any character but a control character other than tab, line feed and
 * carriage return (NUL, escape, delete, the C1 controls: nothing a person types, and some stores or terminals cut
 * or run them), and no half of a surrogate pair (not a character at all: it cannot be written as UTF-8).
 */
public final class Texts {

    private Texts() {
    }

    /** Why the text cannot be recorded, or null when it can. */
    public static String fault(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return String.format("must not hold the control character U+%04X (only tab and line breaks are "
                        + "allowed)", (int) c);
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return String.format("must not hold U+%04X, half of a character (a lone surrogate)", (int) c);
            }
        }
        return null;
    }
}
