package org.followuptracker.web.page;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page, and the start page: the countries. */
@Controller
class SignInController {

    @GetMapping("/signin")
    String signIn() {
        return "signin";
    }

    @GetMapping("/")
    String start() {
        return "redirect:/countries";
    }
}
