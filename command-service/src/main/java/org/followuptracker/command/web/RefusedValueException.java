package org.followuptracker.command.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A value of a request body that {@link StrictJson} refuses, with the words the client is told; Jackson adds the
 * path of its field on the way out, and {@link ProblemDetailsAdvice} names that field.
 */
public class RefusedValueException extends MismatchedInputException {

    RefusedValueException(JsonParser parser, String message, Class<?> targetType) {
        super(parser, message, targetType);
    }
}
