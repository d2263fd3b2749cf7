package org.followuptracker.web.recommendation;

import java.util.List;
import java.util.Map;
import org.followuptracker.web.backend.Services;
import org.followuptracker.web.page.Views;
import org.followuptracker.web.signin.SignedInUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The board of recommendations with its filters, and each recommendation's own history. */
@Controller
class BoardController {

    static final List<String> STATUSES = List.of("NOT_ASSESSED", "NOT_IMPLEMENTED", "PARTIALLY_IMPLEMENTED", "IMPLEMENTED");
    static final List<String> POSITIONS = List.of("SUPPORTED", "PARTIALLY_SUPPORTED", "NOTED", "REJECTED", "NO_POSITION");
    static final List<String> MECHANISMS = List.of("UPR", "TREATY_BODY", "SPECIAL_PROCEDURE", "PLEDGE", "NGO");

    private final Services services;

    BoardController(Services services) {
        this.services = services;
    }

    /** The board's filters, as the reader set them. */
    public record Filters(String country, String status, String position, String mechanism, String theme, String state,
            String symbol, String q, String asOf, Integer page) {

        Map<String, Object> parameters() {
            return Views.parameters("country", country, "status", status, "position", position, "mechanism", mechanism,
                    "theme", theme, "state", state, "symbol", symbol, "q", q, "asOf", Views.endOfDay(asOf),
                    "page", page == null ? 0 : page, "size", 50);
        }
    }

    @GetMapping("/recommendations")
    String board(@AuthenticationPrincipal SignedInUser user, @ModelAttribute("filters") Filters filters, Model model) {
        model.addAttribute("board", services.read(user, "/api/recommendations", filters.parameters()));
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("positions", POSITIONS);
        model.addAttribute("mechanisms", MECHANISMS);
        model.addAttribute("page", filters.page() == null ? 0 : filters.page());
        return "board";
    }

    @GetMapping("/recommendations/{recommendationId}")
    String recommendation(@AuthenticationPrincipal SignedInUser user, @PathVariable String recommendationId,
            @RequestParam(required = false) String asOf, Model model) {
        model.addAttribute("recommendation", services.read(user, "/api/recommendations/" + Views.id(recommendationId),
                Views.parameters("asOf", Views.endOfDay(asOf))));
        model.addAttribute("asOf", asOf);
        return "recommendation";
    }
}
