package org.followuptracker.web.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Redirects by path only. The page asked for before sign-in is saved with the full address the request named, whose
 * host comes from the {@code Host} header anyone can set: following it as it is would send a user who signs in to
 * whatever site that header named.
 */
final class RelativeRedirects implements RedirectStrategy {

    @Override
    public void sendRedirect(HttpServletRequest request, HttpServletResponse response, String url) throws IOException {
        response.sendRedirect(pathOf(request, url));
    }

    private static String pathOf(HttpServletRequest request, String url) {
        UriComponents parts;
        try {
            parts = UriComponentsBuilder.fromUriString(url).build();
        } catch (IllegalArgumentException unreadable) {
            return request.getContextPath() + "/";
        }
        String path = parts.getPath() == null || parts.getPath().isEmpty() ? "/" : parts.getPath();
        if (!path.startsWith("/") || path.startsWith("//") || path.contains("\\")) {
            return request.getContextPath() + "/";
        }
        // A saved request's address holds the context path already; a target such as "/" does not.
        String full = parts.getHost() != null || path.startsWith(request.getContextPath() + "/")
                ? path : request.getContextPath() + path;
        return parts.getQuery() == null ? full : full + "?" + parts.getQuery();
    }
}
