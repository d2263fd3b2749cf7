package org.followuptracker.web.page;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/** What a refused page says: a form sent without its CSRF token (or from a stale page), or a role that may not. */
@Controller
class DeniedController {

    @RequestMapping("/denied")
    String denied(HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(403);
        boolean staleForm = request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException;
        model.addAttribute("problemTitle", staleForm ? "This form has expired" : "Not for your role");
        model.addAttribute("problemDetail", staleForm
                ? "The form was sent without its security token, or from a page older than your sign-in. Nothing was "
                        + "recorded: open the form again."
                : "Your role may not open this page or do this.");
        model.addAttribute("problemStatus", 403);
        return "problem";
    }
}
