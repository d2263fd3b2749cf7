package org.followuptracker.web.export;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.followuptracker.web.backend.Services;
import org.followuptracker.web.signin.SignedInUser;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The export buttons: a view's every row as CSV or JSON, downloaded as query-service makes it, with the filters the
 * page had. Only the views below can be exported; the audit trail only by those who may read it (the service checks).
 */
@Controller
class ExportController {

    private static final Map<String, String> VIEWS = Map.of(
            "board", "/api/recommendations",
            "awaiting", "/api/letters/awaiting",
            "countries", "/api/countries",
            "audit", "/api/audit");

    private final Services services;

    ExportController(Services services) {
        this.services = services;
    }

    @GetMapping("/export/{view}")
    ResponseEntity<Void> export(@AuthenticationPrincipal SignedInUser user, @PathVariable String view,
            @RequestParam MultiValueMap<String, String> parameters, HttpServletResponse response) throws IOException {
        String path = VIEWS.get(view);
        if (path == null) {
            return ResponseEntity.notFound().build();
        }
        download(user, path, parameters, response);
        return null;
    }

    @GetMapping("/export/countries/{iso3}/timeline")
    void timeline(@AuthenticationPrincipal SignedInUser user, @PathVariable String iso3,
            @RequestParam MultiValueMap<String, String> parameters, HttpServletResponse response) throws IOException {
        download(user, "/api/countries/" + org.followuptracker.web.page.Views.country(iso3) + "/timeline",
                parameters, response);
    }

    /**
     * Passes the download on as it comes, never held whole: the audit trail of a million events is some gigabytes.
     * Written here, not handed to Spring MVC to write later, which would cut a download still running after its
     * default asynchronous timeout.
     */
    private void download(SignedInUser user, String path, MultiValueMap<String, String> parameters,
            HttpServletResponse response) throws IOException {
        Map<String, Object> passed = new LinkedHashMap<>();
        parameters.forEach((name, values) -> {
            if (!name.equals("page") && !name.equals("size")) {
                passed.put(name, values);
            }
        });
        passed.putIfAbsent("format", "csv");
        HttpResponse<InputStream> download = services.download(user, path, passed);
        try (InputStream body = download.body()) {
            download.headers().firstValue(HttpHeaders.CONTENT_TYPE).ifPresent(response::setContentType);
            download.headers().firstValue(HttpHeaders.CONTENT_DISPOSITION)
                    .ifPresent(disposition -> response.setHeader(HttpHeaders.CONTENT_DISPOSITION, disposition));
            response.setStatus(200);
            body.transferTo(response.getOutputStream());
        }
    }
}
