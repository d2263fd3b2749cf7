package org.followuptracker.web.recording;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.followuptracker.web.backend.ServiceRefused;
import org.springframework.ui.Model;

/**
 * What a form page shows after command-service refused what was typed: a message beside each field at fault (the
 * service's field names translated to the form's), a summary on top, and everything typed still in place. After a
 * refusal nothing was recorded, so the next try gets a new idempotency key; after a 503 the fact may have been
 * recorded, so the next try keeps the key and cannot record it twice.
 */
final class Outcome {

    private Outcome() {
    }

    static void refused(ServiceRefused refused, RecordingForm form, UnaryOperator<String> fieldOfForm, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        refused.fieldErrors().forEach((field, message) -> errors.merge(fieldOfForm.apply(field), message,
                (first, second) -> first + "; " + second));
        model.addAttribute("errors", errors);
        model.addAttribute("refusal", refused.inDoubt()
                ? "The event store did not answer, so this may or may not have been recorded. Press the button again: "
                        + "it will be recorded once, never twice."
                : refused.detail());
        if (!refused.inDoubt()) {
            form.setIdempotencyKey(UUID.randomUUID().toString());
        }
    }

    static Map<String, String> noErrors() {
        return Map.of();
    }
}
