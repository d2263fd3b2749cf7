package org.followuptracker.web.recording;

import java.util.List;
import java.util.Map;
import org.followuptracker.web.backend.ServiceRefused;
import org.followuptracker.web.backend.ServiceUnreachable;
import org.followuptracker.web.backend.Services;
import org.followuptracker.web.page.Views;
import org.followuptracker.web.signin.SignedInUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Records a follow-up to a letter, its publication, an implementation finding on a recommendation, and a correction
 * (the retraction of a fact that was wrong, which stays in the history, marked).
 */
@Controller
class FactFormController {

    private final Services services;
    private final TimelineLookup timeline;

    FactFormController(Services services, TimelineLookup timeline) {
        this.services = services;
        this.timeline = timeline;
    }

    @GetMapping("/record/countries/{country}/letters/{letterId}/follow-up")
    String followUp(@AuthenticationPrincipal SignedInUser user, @PathVariable String country,
            @PathVariable String letterId, Model model) {
        return showLetterForm(user, Views.country(country), Views.id(letterId), new FactForm(), model, "follow-up");
    }

    @PostMapping("/record/countries/{country}/letters/{letterId}/follow-up")
    String recordFollowUp(@AuthenticationPrincipal SignedInUser user, @PathVariable String country,
            @PathVariable String letterId, @ModelAttribute("form") FactForm form, Model model, RedirectAttributes redirect) {
        String iso3 = Views.country(country);
        String id = Views.id(letterId);
        return record(user, "/api/letters/" + id + "/follow-ups", form.body("sentOn", "summary", "responseDueBy", "source"),
                form, model, redirect, "Follow-up recorded.", "/countries/" + iso3,
                () -> showLetterForm(user, iso3, id, form, model, "follow-up"));
    }

    /** The form of a fact of a letter: {@code kind} is {@code follow-up} or {@code publication}. */
    private String showLetterForm(SignedInUser user, String country, String letterId, FactForm form, Model model,
            String kind) {
        model.addAttribute("letter", timeline.letter(user, country, letterId));
        model.addAttribute("country", country);
        model.addAttribute("form", form);
        model.addAttribute("kind", kind);
        return "record-fact";
    }

    @GetMapping("/record/countries/{country}/letters/{letterId}/publication")
    String publication(@AuthenticationPrincipal SignedInUser user, @PathVariable String country,
            @PathVariable String letterId, Model model) {
        return showLetterForm(user, Views.country(country), Views.id(letterId), new FactForm(), model, "publication");
    }

    @PostMapping("/record/countries/{country}/letters/{letterId}/publication")
    String recordPublication(@AuthenticationPrincipal SignedInUser user, @PathVariable String country,
            @PathVariable String letterId, @ModelAttribute("form") FactForm form, Model model, RedirectAttributes redirect) {
        String iso3 = Views.country(country);
        String id = Views.id(letterId);
        return record(user, "/api/letters/" + id + "/publication", form.body("publishedOn", "url", "source"),
                form, model, redirect, "Publication recorded.", "/countries/" + iso3,
                () -> showLetterForm(user, iso3, id, form, model, "publication"));
    }

    @GetMapping("/record/recommendations/{recommendationId}/finding")
    String finding(@AuthenticationPrincipal SignedInUser user, @PathVariable String recommendationId, Model model) {
        return showFinding(user, Views.id(recommendationId), new FactForm(), model);
    }

    @PostMapping("/record/recommendations/{recommendationId}/finding")
    String recordFinding(@AuthenticationPrincipal SignedInUser user, @PathVariable String recommendationId,
            @ModelAttribute("form") FactForm form, Model model, RedirectAttributes redirect) {
        String id = Views.id(recommendationId);
        return record(user, "/api/recommendations/" + id + "/implementation",
                form.body("status", "assessedOn", "evidence", "source"), form, model, redirect,
                "Implementation finding recorded.", "/recommendations/" + id, () -> showFinding(user, id, form, model));
    }

    private String showFinding(SignedInUser user, String recommendationId, FactForm form, Model model) {
        model.addAttribute("recommendation", services.read(user, "/api/recommendations/" + recommendationId,
                Views.parameters()));
        model.addAttribute("form", form);
        model.addAttribute("kind", "finding");
        model.addAttribute("statuses", List.of("IMPLEMENTED", "PARTIALLY_IMPLEMENTED", "NOT_IMPLEMENTED"));
        return "record-fact";
    }

    /** A correction of a fact of a letter ({@code of=letters}) or of a recommendation ({@code of=recommendations}). */
    @GetMapping("/record/corrections")
    String correction(@AuthenticationPrincipal SignedInUser user, @RequestParam String of, @RequestParam String id,
            @RequestParam String eventId, @RequestParam(required = false) String country, Model model) {
        FactForm form = new FactForm();
        form.getFields().put("eventId", eventId);
        return showCorrection(user, aggregate(of), Views.id(id), country, form, model);
    }

    @PostMapping("/record/corrections")
    String recordCorrection(@AuthenticationPrincipal SignedInUser user, @RequestParam String of, @RequestParam String id,
            @RequestParam(required = false) String country, @ModelAttribute("form") FactForm form, Model model,
            RedirectAttributes redirect) {
        String aggregate = aggregate(of);
        String target = Views.id(id);
        String back = country != null && !country.isBlank() ? "/countries/" + Views.country(country)
                : aggregate.equals("recommendations") ? "/recommendations/" + target : "/countries";
        return record(user, "/api/" + aggregate + "/" + target + "/retractions", form.body("eventId", "reason", "source"),
                form, model, redirect, "Correction recorded: the fact stays in the history, marked retracted.", back,
                () -> showCorrection(user, aggregate, target, country, form, model));
    }

    private String showCorrection(SignedInUser user, String aggregate, String id, String country, FactForm form,
            Model model) {
        String eventId = form.getFields().getOrDefault("eventId", "");
        Object fact = null;
        if (country != null && !country.isBlank()) {
            fact = timeline.find(user, Views.country(country), null, e -> eventId.equals(e.get("eventId")))
                    .map(e -> e.get("summary")).orElse(null);
        }
        model.addAttribute("fact", fact);
        model.addAttribute("of", aggregate);
        model.addAttribute("targetId", id);
        model.addAttribute("country", country);
        model.addAttribute("form", form);
        model.addAttribute("kind", "correction");
        return "record-fact";
    }

    private static String aggregate(String of) {
        if (!of.equals("letters") && !of.equals("recommendations")) {
            throw new ServiceRefused(404, "Not found", "A correction is of a letter's fact or a recommendation's.",
                    Map.of());
        }
        return of;
    }

    private String record(SignedInUser user, String path, Map<String, Object> body, FactForm form, Model model,
            RedirectAttributes redirect, String recorded, String back, java.util.function.Supplier<String> again) {
        try {
            services.record(user, path, body, form.getIdempotencyKey());
            redirect.addFlashAttribute("recorded", recorded);
            return "redirect:" + back;
        } catch (ServiceRefused | ServiceUnreachable failure) {
            if (!Outcome.concernsTheForm(failure)) {
                throw failure;
            }
            Outcome.failed(failure, form, field -> field, model);
            return again.get();
        }
    }
}
