package org.followuptracker.command.input;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.followuptracker.events.Countries;

/** An ISO 3166-1 alpha-3 country code in capitals, such as {@code KAZ}: the code used inside UN symbols. */
@Documented
@Constraint(validatedBy = Iso3Country.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Iso3Country {

    String message() default "must be an ISO 3166-1 alpha-3 country code in capitals, such as KAZ";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Iso3Country, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || Countries.isIso3(value);
        }
    }
}
