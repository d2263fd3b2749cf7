package org.followuptracker.web.recording;

import java.util.ArrayList;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Records a government's answer to one letter: a position may be given on each item the letter urged. */
@Controller
class ResponseFormController {

    private final Services services;
    private final TimelineLookup timeline;

    ResponseFormController(Services services, TimelineLookup timeline) {
        this.services = services;
        this.timeline = timeline;
    }

    @GetMapping("/record/countries/{country}/letters/{letterId}/response")
    String form(@AuthenticationPrincipal SignedInUser user, @PathVariable String country, @PathVariable String letterId,
            Model model) {
        String iso3 = Views.country(country);
        return show(user, iso3, timeline.letter(user, iso3, Views.id(letterId)), new ResponseForm(), Outcome.noErrors(),
                model);
    }

    @PostMapping("/record/countries/{country}/letters/{letterId}/response")
    String submit(@AuthenticationPrincipal SignedInUser user, @PathVariable String country, @PathVariable String letterId,
            @ModelAttribute("form") ResponseForm form, Model model, RedirectAttributes redirect) {
        String iso3 = Views.country(country);
        String id = Views.id(letterId);
        Map<String, Object> letter = timeline.letter(user, iso3, id);
        ResponseForm.Request request = form.request(urgedIds(letter));
        try {
            services.record(user, "/api/letters/" + id + "/responses", request.body(), form.getIdempotencyKey());
            redirect.addFlashAttribute("recorded", "Response recorded, with " + request.recommendationOfPosition().size()
                    + " position" + (request.recommendationOfPosition().size() == 1 ? "" : "s") + ".");
            return "redirect:/countries/" + iso3;
        } catch (ServiceRefused | ServiceUnreachable failure) {
            if (!Outcome.concernsTheForm(failure)) {
                throw failure;
            }
            Outcome.failed(failure, form, field -> ResponseForm.fieldOfForm(field, request.recommendationOfPosition()),
                    model);
            return show(user, iso3, letter, form, null, model);
        }
    }

    private String show(SignedInUser user, String country, Map<String, Object> letter, ResponseForm form,
            Map<String, String> errors, Model model) {
        List<Map<String, Object>> urged = new ArrayList<>();
        for (String id : urgedIds(letter)) {
            urged.add(services.read(user, "/api/recommendations/" + Views.id(id), Views.parameters()));
        }
        if (errors != null) {
            model.addAttribute("errors", errors);
        }
        model.addAttribute("form", form);
        model.addAttribute("country", country);
        model.addAttribute("letter", letter);
        model.addAttribute("urged", urged);
        model.addAttribute("positions", List.of("SUPPORTED", "PARTIALLY_SUPPORTED", "NOTED", "REJECTED", "NO_POSITION"));
        return "record-response";
    }

    @SuppressWarnings("unchecked")
    private static List<String> urgedIds(Map<String, Object> letter) {
        return (List<String>) letter.getOrDefault("recommendationIds", List.of());
    }
}
