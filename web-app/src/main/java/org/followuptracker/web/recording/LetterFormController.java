package org.followuptracker.web.recording;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Records a letter. The form posts back to itself to search the known recommendations or to add a block for one
 * more new recommendation, so it works without JavaScript and keeps everything typed.
 */
@Controller
class LetterFormController {

    private final Services services;

    LetterFormController(Services services) {
        this.services = services;
    }

    @GetMapping("/record/letter")
    String form(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String country,
            Model model) {
        LetterForm form = new LetterForm();
        form.setCountry(country == null ? null : Views.country(country));
        return show(user, form, Outcome.noErrors(), model);
    }

    @PostMapping("/record/letter")
    String submit(@AuthenticationPrincipal SignedInUser user, @ModelAttribute("form") LetterForm form,
            @RequestParam(defaultValue = "record") String action, Model model, RedirectAttributes redirect) {
        if (action.equals("search")) {
            return show(user, form, Outcome.noErrors(), model);
        }
        if (action.equals("add")) {
            form.getNewRecommendations().add(new LetterForm.NewRecommendation());
            model.addAttribute("focusNew", form.getNewRecommendations().size() - 1);
            return show(user, form, Outcome.noErrors(), model);
        }
        LetterForm.Request request = form.request();
        try {
            Map<String, Object> recorded = services.record(user, "/api/letters", request.body(), form.getIdempotencyKey());
            redirect.addFlashAttribute("recorded", "Letter recorded: " + form.getSubject() + ". It urges "
                    + request.fieldOfRecommendation().size() + " recommendation"
                    + (request.fieldOfRecommendation().size() == 1 ? "" : "s") + ".");
            redirect.addFlashAttribute("recordedLetterId", recorded.get("letterId"));
            return "redirect:/countries/" + Views.country(form.getCountry());
        } catch (ServiceRefused | ServiceUnreachable failure) {
            // (A 404 here is about a recommendation the letter names, not the page: it stays with the form.)
            if (failure instanceof ServiceRefused refused && (refused.status() == 401 || refused.status() == 403)) {
                throw failure;
            }
            Outcome.failed(failure, form, field -> LetterForm.fieldOfForm(field, request.fieldOfRecommendation()), model);
            return show(user, form, null, model);
        }
    }

    private String show(SignedInUser user, LetterForm form, Map<String, String> errors, Model model) {
        if (errors != null) {
            model.addAttribute("errors", errors);
        }
        model.addAttribute("form", form);
        // The recommendations already picked, and those the search found (in this country if one is given).
        Map<String, Map<String, Object>> picked = new LinkedHashMap<>();
        for (String id : form.getPicked()) {
            if (id != null && id.matches("[A-Za-z0-9_-]{1,64}")) {
                try {
                    picked.put(id, services.read(user, "/api/recommendations/" + id, Views.parameters()));
                } catch (ServiceRefused gone) {
                    if (gone.status() != 404) {
                        throw gone;
                    }
                    @SuppressWarnings("unchecked")
                    Map<String, Object> missing = (Map<String, Object>) org.followuptracker.web.backend.JsonObject.of(
                            Map.of("recommendationId", id, "text", "(not found: " + gone.detail() + ")"));
                    picked.put(id, missing);
                }
            }
        }
        List<Map<String, Object>> found = new ArrayList<>();
        if (form.getSearch() != null && !form.getSearch().isBlank()) {
            String country = form.getCountry() != null && form.getCountry().strip().matches("[A-Za-z]{3}")
                    ? form.getCountry().strip() : null;
            found = Views.list(services.read(user, "/api/recommendations",
                    Views.parameters("q", form.getSearch(), "country", country, "size", 20)), "recommendations").stream()
                    .filter(r -> !picked.containsKey((String) r.get("recommendationId"))).toList();
            model.addAttribute("searched", true);
        }
        model.addAttribute("pickedRecommendations", picked.values());
        model.addAttribute("found", found);
        model.addAttribute("mechanisms", List.of("UPR", "TREATY_BODY", "SPECIAL_PROCEDURE", "PLEDGE", "NGO"));
        return "record-letter";
    }
}
