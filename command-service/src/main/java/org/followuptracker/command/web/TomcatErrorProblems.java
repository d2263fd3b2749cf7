package org.followuptracker.command.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat refuses some requests before any servlet sees them (an encoded {@code /} or a NUL in the path, a request
 * line it cannot parse) and writes its own HTML page for them; this writes a problem body instead, as
 * {@link ErrorProblems} does for what reaches {@code /error}.
 */
@Configuration
class TomcatErrorProblems {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemBodiesFromTomcat() {
        // Named as the host's error report valve, so that the host does not add its own HTML one beside it.
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
                host.getPipeline().addValve(new ProblemReportValve());
            }
        });
    }

    static final class ProblemReportValve extends ErrorReportValve {

        private static final ObjectMapper JSON = new ObjectMapper();

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int code = response.getStatus();
            // As Tomcat's own: only an error nothing has been written for, and only once.
            if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatus status = HttpStatus.resolve(code);
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", code == 400 ? "https://follow-up-tracker.org/problems/malformed-request"
                    : "about:blank");
            problem.put("title", status == null ? "Error" : status.getReasonPhrase());
            problem.put("status", code);
            problem.put("detail", code == 400
                    ? "the request cannot be taken: its path or a header holds a character it may not (such as an "
                            + "encoded '/' or a control character)"
                    : "the request was refused");
            if (code == 400) {
                problem.put("field", "path");
            }
            try {
                // No charset named: the body is ASCII, which every charset a client assumes reads alike.
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(JSON.writeValueAsString(problem));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // The client is gone or the response was committed meanwhile: nothing more to tell.
            }
        }
    }
}
