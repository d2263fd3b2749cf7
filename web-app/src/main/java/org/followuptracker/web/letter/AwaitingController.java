package org.followuptracker.web.letter;

import org.followuptracker.web.backend.Services;
import org.followuptracker.web.page.Views;
import org.followuptracker.web.signin.SignedInUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Who owes us an answer, across countries: most overdue first. */
@Controller
class AwaitingController {

    private final Services services;

    AwaitingController(Services services) {
        this.services = services;
    }

    @GetMapping("/letters/awaiting")
    String awaiting(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String country,
            @RequestParam(defaultValue = "true") boolean overdue, @RequestParam(required = false) String asOf,
            @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("awaiting", services.read(user, "/api/letters/awaiting", Views.parameters("country", country,
                "overdue", overdue ? "true" : null, "asOf", Views.endOfDay(asOf), "page", page, "size", 50)));
        model.addAttribute("country", country);
        model.addAttribute("overdue", overdue);
        model.addAttribute("asOf", asOf);
        model.addAttribute("page", page);
        return "awaiting";
    }
}
