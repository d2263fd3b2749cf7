package org.followuptracker.query.letter;

import java.time.LocalDate;

/** When the sender published the letter and, if it is online, where: its latest publication not retracted. */
public record Published(LocalDate on, String url) {
}
