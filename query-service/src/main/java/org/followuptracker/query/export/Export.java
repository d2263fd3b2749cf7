package org.followuptracker.query.export;

import java.util.List;
import java.util.Locale;
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
        String filename = name + (format == Format.CSV ? ".csv" : ".json");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentDisposition(ContentDisposition.attachment().filename(filename).build());
        if (format == Format.CSV) {
            headers.setContentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8));
            return new ResponseEntity<>(Csv.write(columns, items.stream().map(row).toList()), headers,
                    org.springframework.http.HttpStatus.OK);
        }
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new ResponseEntity<>(items, headers, org.springframework.http.HttpStatus.OK);
    }
}
