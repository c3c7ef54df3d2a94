package cn.dzn.fund.money;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Bean Validation constraint: an amount in 万元 that is exact to the fen (at most 6 decimals),
 * not negative, more than zero unless {@link #zero()}, and at most {@link #max()}. Null is left
 * to {@code @NotNull}. Amounts sent as strings never get here: strict JSON refuses them.
 */
@Documented
@Constraint(validatedBy = Amount.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Amount {

    String message() default "must be an amount in 万元";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The largest amount allowed, in 万元. */
    String max();

    /** Whether zero is an amount here (what has been redeemed so far, say). */
    boolean zero() default false;

    class Validator implements ConstraintValidator<Amount, BigDecimal> {

        private BigDecimal max;
        private boolean zero;

        @Override
        public void initialize(Amount amount) {
            max = new BigDecimal(amount.max());
            zero = amount.zero();
        }

        @Override
        public boolean isValid(BigDecimal value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            String problem = Money.problemWith(value, max, zero);
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
            return false;
        }
    }
}
