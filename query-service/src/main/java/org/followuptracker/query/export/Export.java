package org.followuptracker.query.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import org.followuptracker.query.web.InvalidParameterException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A view's rows as a download: every row the filters select (not one page), as CSV or as a JSON array. Asked for
 * with {@code format=csv} or {@code format=json} on the view itself.
 */
public final class Export {

    public enum Format { CSV, JSON }

    private Export() {
    }

    /** The export format asked for, or null for the view's own (paged) answer. */
    public static Format format(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Format.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("format", "must be csv or json");
        }
    }

    /**
     * @param columns the CSV header
     * @param row     a row's CSV cells, in the columns' order
     */
    public static <T> ResponseEntity<?> of(Format format, String name, List<T> items, List<String> columns,
            Function<T, List<Object>> row) {
        HttpHeaders headers = headers(format, name);
        if (format == Format.CSV) {
            return new ResponseEntity<>(Csv.write(columns, items.stream().map(row).toList()), headers,
                    org.springframework.http.HttpStatus.OK);
        }
        return new ResponseEntity<>(items, headers, org.springframework.http.HttpStatus.OK);
    }

    /**
     * As {@link #of}, written to {@code response} item by item as {@code items} hands them over, none held: for a
     * view of any length (the audit trail of a million events does not fit in the heap). Once the first bytes are
     * sent, a failure can only cut the download short.
     *
     * @param items hands every item, in order, to the consumer it is given
     */
    public static <T> void stream(Format format, String name, List<String> columns, Function<T, List<Object>> row,
            Consumer<Consumer<T>> items, ObjectMapper json, HttpServletResponse response) throws IOException {
        headers(format, name).forEach((header, values) -> values.forEach(value -> response.addHeader(header, value)));
        OutputStream body = response.getOutputStream();
        if (format == Format.CSV) {
            Writer csv = new BufferedWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8));
            csv.write(Csv.start(columns));
            items.accept(item -> unchecked(() -> csv.write(Csv.line(row.apply(item)))));
            csv.flush();
            return;
        }
        // Flushed at the end only, not after every item (the mapper's default).
        ObjectWriter writer = json.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
        try (JsonGenerator array = json.getFactory().createGenerator(body)) {
            array.writeStartArray();
            items.accept(item -> unchecked(() -> writer.writeValue(array, item)));
            array.writeEndArray();
        }
    }

    private static HttpHeaders headers(Format format, String name) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentDisposition(ContentDisposition.attachment()
                .filename(name + (format == Format.CSV ? ".csv" : ".json")).build());
        headers.setContentType(format == Format.CSV ? new MediaType("text", "csv", StandardCharsets.UTF_8)
                : MediaType.APPLICATION_JSON);
        return headers;
    }

    private interface Write {
        void run() throws IOException;
    }

    private static void unchecked(Write write) {
        try {
            write.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
