package org.followuptracker.web.audit;

import org.followuptracker.web.backend.Services;
import org.followuptracker.web.page.Views;
import org.followuptracker.web.signin.SignedInUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit trail, for auditors and admins: every event in the order recorded, and whether each chain holds. */
@Controller
class AuditController {

    private final Services services;

    AuditController(Services services) {
        this.services = services;
    }

    @GetMapping("/audit")
    String audit(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String country,
            @RequestParam(required = false) String actor, @RequestParam(required = false) String type,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "false") boolean verify,
            Model model) {
        model.addAttribute("audit", services.read(user, "/api/audit", Views.parameters("country", country,
                "actor", actor, "type", type, "from", from, "to", to, "page", page, "size", 50)));
        // Only when asked: it reads every entry of every chain (22 s at a million events on the embedded store), too
        // much to do again for every page of the trail.
        if (verify) {
            model.addAttribute("verification", services.read(user, "/api/audit/verification", Views.parameters()));
        }
        model.addAttribute("country", country);
        model.addAttribute("actor", actor);
        model.addAttribute("type", type);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("page", page);
        return "audit";
    }
}
