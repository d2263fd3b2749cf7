package org.followuptracker.command.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.followuptracker.command.letter.SendLetterRequest;

/**
 * The reference case: Amnesty International's open letter of 18 October 2012 (EUR 57/005/2012) to Kazakhstan's
 * Minister of Foreign Affairs, as the body of {@code POST /api/letters}. How it was read from the letter is in
 * {@code demo/README.md} beside it.
 */
public final class DemoLetter {

    public static final String RESOURCE = "/demo/kazakhstan-2012-open-letter.json";

    private DemoLetter() {
    }

    public static SendLetterRequest read(ObjectMapper json) {
        try (InputStream in = DemoLetter.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the command service");
            }
            return json.readValue(in, SendLetterRequest.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
