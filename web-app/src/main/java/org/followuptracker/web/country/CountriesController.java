package org.followuptracker.web.country;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.followuptracker.web.backend.FactType;
import org.followuptracker.web.backend.Services;
import org.followuptracker.web.page.Views;
import org.followuptracker.web.signin.SignedInUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The countries we wrote to, and one country's page: its timeline as a picture, the letters with what each urged
 * and what was answered, and the timeline as a list; each as of a day if one is picked.
 */
@Controller
class CountriesController {

    /** The picture shows at most this many of the latest entries. */
    static final int PICTURE_ENTRIES = 2000;
    private static final int PAGE = 500;
    private static final int IDS_PER_CALL = 100;

    private final Services services;

    CountriesController(Services services) {
        this.services = services;
    }

    @GetMapping("/countries")
    String countries(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String q,
            @RequestParam(required = false) Boolean awaiting, @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) String asOf, @RequestParam(defaultValue = "0") int page, Model model) {
        Map<String, Object> parameters = Views.parameters("q", q, "awaiting", awaiting, "overdue", overdue,
                "asOf", Views.endOfDay(asOf), "page", page, "size", 50);
        model.addAttribute("countries", services.read(user, "/api/countries", parameters));
        model.addAttribute("q", q);
        model.addAttribute("awaiting", Boolean.TRUE.equals(awaiting));
        model.addAttribute("overdue", Boolean.TRUE.equals(overdue));
        model.addAttribute("asOf", asOf);
        model.addAttribute("page", page);
        return "countries";
    }

    @GetMapping("/countries/{iso3}")
    String country(@AuthenticationPrincipal SignedInUser user, @PathVariable String iso3,
            @RequestParam(required = false) String asOf, @RequestParam(required = false) List<String> type,
            @RequestParam(defaultValue = "0") int page, Model model) {
        String country = Views.country(iso3);
        String moment = Views.endOfDay(asOf);
        Map<String, Object> summary = services.read(user, "/api/countries/" + country, Views.parameters("asOf", moment));
        Map<String, Object> list = services.read(user, "/api/countries/" + country + "/timeline",
                Views.parameters("asOf", moment, "type", type, "page", page, "size", 50));
        Picture picture = pictureEntries(user, country, moment);
        List<Map<String, Object>> entries = picture.entries();
        Map<String, Map<String, Object>> recommendations = new HashMap<>();
        List<String> urged = LetterCards.urgedIds(entries);
        for (int from = 0; from < urged.size(); from += IDS_PER_CALL) {
            Map<String, Object> some = services.read(user, "/api/recommendations", Views.parameters("id",
                    urged.subList(from, Math.min(urged.size(), from + IDS_PER_CALL)), "asOf", moment, "size", 500));
            for (Map<String, Object> recommendation : Views.list(some, "recommendations")) {
                recommendations.put((String) recommendation.get("recommendationId"), recommendation);
            }
        }
        // "Today", as the services count days waited: the as-of day if one is picked, else today in UTC.
        LocalDate today = Views.day(asOf).orElse(LocalDate.now(java.time.ZoneOffset.UTC));
        List<Map<String, Object>> open = picture.openLetters();
        model.addAttribute("country", country);
        model.addAttribute("summary", summary);
        model.addAttribute("timeline", list);
        model.addAttribute("types", type == null ? List.of() : type);
        model.addAttribute("allTypes", TimelinePicture.TYPES);
        model.addAttribute("correctedOn", FactType.CORRECTED_ON);
        model.addAttribute("picture", TimelinePicture.of(entries, open, today));
        model.addAttribute("letters", LetterCards.of(entries, open, recommendations));
        model.addAttribute("lettersShown", LetterCards.SHOWN);
        model.addAttribute("asOf", asOf);
        model.addAttribute("page", page);
        return "country";
    }

    /**
     * The latest entries of the timeline (all of them, up to {@link #PICTURE_ENTRIES}), oldest first, and the letters
     * awaiting an answer that they concern (each page of the timeline names those of its entries).
     */
    private record Picture(List<Map<String, Object>> entries, List<Map<String, Object>> openLetters) {
    }

    private Picture pictureEntries(SignedInUser user, String country, String asOf) {
        String path = "/api/countries/" + country + "/timeline";
        Map<String, Object> first = services.read(user, path, Views.parameters("asOf", asOf, "size", PAGE));
        long total = ((Number) first.get("total")).longValue();
        int lastPage = (int) (Math.max(0, total - 1) / PAGE);
        int firstPage = Math.max(0, lastPage - PICTURE_ENTRIES / PAGE + 1);
        List<Map<String, Object>> entries = new ArrayList<>();
        List<Map<String, Object>> openLetters = new ArrayList<>();
        for (int p = firstPage; p <= lastPage; p++) {
            Map<String, Object> read = p == 0 ? first
                    : services.read(user, path, Views.parameters("asOf", asOf, "size", PAGE, "page", p));
            entries.addAll(Views.list(read, "entries"));
            openLetters.addAll(Views.list(read, "openLetters"));
        }
        return new Picture(entries, openLetters);
    }

}
