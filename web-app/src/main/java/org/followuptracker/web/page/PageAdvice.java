package org.followuptracker.web.page;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.followuptracker.web.backend.ServiceRefused;
import org.followuptracker.web.backend.ServiceUnreachable;
import org.followuptracker.web.signin.SignedInUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.multipart.MultipartException;

/**
 * What every page has (who is signed in), and what a page shows when a service refused or did not answer: the
 * service's own explanation, with its status, never a stack trace.
 */
@ControllerAdvice
class PageAdvice {

    @ModelAttribute("user")
    SignedInUser user(@AuthenticationPrincipal SignedInUser user) {
        return user;
    }

    /** No field at fault until a service names one. */
    @ModelAttribute("errors")
    java.util.Map<String, String> errors() {
        return java.util.Map.of();
    }

    @ExceptionHandler(ServiceRefused.class)
    String refused(ServiceRefused refused, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (refused.status() == 401) {
            // The password changed, or the user was removed, since sign-in: sign in again.
            new SecurityContextLogoutHandler().logout(request, response, null);
            return "redirect:/signin?expired";
        }
        response.setStatus(refused.status() >= 500 ? refused.status() : refused.status() == 404 ? 404
                : refused.status() == 403 ? 403 : 400);
        model.addAttribute("problemTitle", refused.title());
        model.addAttribute("problemDetail", refused.detail());
        model.addAttribute("problemStatus", refused.status());
        return "problem";
    }

    /** A form sent as a multipart body that cannot be read: no form here sends one. */
    @ExceptionHandler(MultipartException.class)
    String unreadableForm(HttpServletResponse response, Model model) {
        response.setStatus(400);
        model.addAttribute("problemTitle", "The form could not be read");
        model.addAttribute("problemDetail", "Send it again from its page.");
        model.addAttribute("problemStatus", 400);
        return "problem";
    }

    @ExceptionHandler(ServiceUnreachable.class)
    String unreachable(ServiceUnreachable unreachable, HttpServletResponse response, Model model) {
        response.setStatus(503);
        model.addAttribute("problemTitle", unreachable.service() + " did not answer");
        model.addAttribute("problemDetail", "It may be starting or stopped. Try again in a moment.");
        model.addAttribute("problemStatus", 503);
        return "problem";
    }
}
