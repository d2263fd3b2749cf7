package org.followuptracker.command.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.time.LocalDate;
import org.followuptracker.command.input.Texts;
import org.followuptracker.events.AcceptedDates;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Request bodies are read strictly: {@code true} or {@code 1.5} where a name belongs is refused, not stored as
 * text; a date is a string as {@link AcceptedDates} takes it, nothing else ({@code []}, {@code [2012, 10, 18]},
 * {@code " 2012-10-18"} and year 9999999 are refused); a text holds no control character but tab, line feed and
 * carriage return, and no half of a surrogate pair ({@link Texts}). (Enums and unknown fields are made strict in
 * {@code application.yml}.) Each refusal is a {@link RefusedValueException}, which names its field.
 */
@Configuration
class StrictJson {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictReading() {
        return builder -> builder
                .deserializerByType(LocalDate.class, new Dates())
                .deserializerByType(String.class, new Text())
                .postConfigurer(mapper -> mapper.coercionConfigFor(LogicalType.Textual)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail));
    }

    /** A date: a JSON string, written as {@link AcceptedDates} takes it. (A JSON null never reaches it.) */
    static final class Dates extends StdScalarDeserializer<LocalDate> {

        Dates() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String written = parser.currentToken() == JsonToken.VALUE_STRING ? parser.getText() : null;
            try {
                return AcceptedDates.parse(written);
            } catch (IllegalArgumentException e) {
                throw new RefusedValueException(parser, e.getMessage(), LocalDate.class);
            }
        }
    }

    /** A text, read as Jackson reads one (so a number or {@code true} is refused as configured), then checked. */
    static final class Text extends StdScalarDeserializer<String> {

        Text() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            String fault = Texts.fault(text);
            if (fault != null) {
                throw new RefusedValueException(parser, fault, String.class);
            }
            return text;
        }
    }
}
