package org.followuptracker.web.recording;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.followuptracker.web.backend.ServiceRefused;
import org.followuptracker.web.backend.ServiceUnreachable;
import org.springframework.ui.Model;

/**
 * What a form page shows when command-service did not record what was typed, with everything typed still in place.
 * <ul>
 * <li>Refused (bad input, a conflict): a message beside each field at fault (the service's field names translated
 * to the form's) and a summary on top. Nothing was recorded, so the next try gets a new idempotency key.</li>
 * <li>In doubt (no answer in time, a 5xx, or the same key still being recorded, 409): the fact may have been
 * recorded. The form keeps its key, so pressing again records it once, never twice.</li>
 * <li>The key was used already for other values (422): an earlier press was recorded with what was typed then.</li>
 * </ul>
 */
final class Outcome {

    static final String KEY = "Idempotency-Key";

    private Outcome() {
    }

    static void failed(RuntimeException failure, RecordingForm form, UnaryOperator<String> fieldOfForm, Model model) {
        if (failure instanceof ServiceUnreachable) {
            inDoubt(model, "command-service did not answer in time, so this may or may not have been recorded. Press "
                    + "the button again: it will be recorded once, never twice.");
            return;
        }
        ServiceRefused refused = (ServiceRefused) failure;
        boolean aboutTheKey = refused.fieldErrors().containsKey(KEY);
        if (refused.status() >= 500 || (aboutTheKey && refused.status() == 409)) {
            inDoubt(model, "This may or may not have been recorded (" + refused.detail() + "). Press the button "
                    + "again: it will be recorded once, never twice.");
            return;
        }
        form.setIdempotencyKey(UUID.randomUUID().toString());
        if (aboutTheKey) {
            model.addAttribute("refusalTitle", "Recorded before.");
            model.addAttribute("refusal", "An earlier press of this form was recorded, with what was typed then. Check "
                    + "the timeline before recording it again.");
            return;
        }
        Map<String, String> errors = new LinkedHashMap<>();
        refused.fieldErrors().forEach((field, message) -> errors.merge(fieldOfForm.apply(field), message,
                (first, second) -> first + "; " + second));
        model.addAttribute("errors", errors);
        model.addAttribute("refusalTitle", "Not recorded.");
        model.addAttribute("refusal", refused.detail());
    }

    /** Whether the failure leaves the page to the form (else it is the sign-in's or a refused role's). */
    static boolean concernsTheForm(RuntimeException failure) {
        return !(failure instanceof ServiceRefused refused)
                || (refused.status() != 401 && refused.status() != 403 && refused.status() != 404);
    }

    private static void inDoubt(Model model, String message) {
        model.addAttribute("refusalTitle", "Perhaps recorded.");
        model.addAttribute("refusal", message);
    }

    static Map<String, String> noErrors() {
        return Map.of();
    }
}
