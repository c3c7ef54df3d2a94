package cn.dzn.fund.investments;

import java.math.BigDecimal;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What a sub-fund has committed of its size and has left, in 万元, and how far it is from the
 * guidance-fund rule on what it invests in (DOMAIN.md): at least three times the guidance part,
 * and at least half its size, must go to firms commercialising publicly funded results.
 */
public record SubFundPosition(@Schema(maxLength = 64) String subFundId, BigDecimal sizeWan, BigDecimal committedWan, BigDecimal availableWan,
        BigDecimal publiclyFundedWan, BigDecimal publiclyFundedRequiredWan) {
}
