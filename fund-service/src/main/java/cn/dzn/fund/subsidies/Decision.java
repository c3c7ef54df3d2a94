package cn.dzn.fund.subsidies;

import java.math.BigDecimal;
import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What was decided on an application, and why: the amount the rule's formula gives, every cap
 * it met (a line each in {@code reasoning}, the clause named), and the amount granted.
 *
 * @param computedWan what the formula gives before the caps kept over applications
 * @param amountWan   what is granted: REDUCED when a cap took part of it, REJECTED when nothing
 */
public record Decision(
        Status status,
        BigDecimal computedWan,
        BigDecimal amountWan,
        @ArraySchema(maxItems = 20, schema = @Schema(maxLength = 1000)) List<String> reasoning) {

    public enum Status {
        GRANTED, REDUCED, REJECTED
    }
}
