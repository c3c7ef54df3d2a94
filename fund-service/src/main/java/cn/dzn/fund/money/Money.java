package cn.dzn.fund.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Amounts are 万元 (the unit of every seed text and cap) as BigDecimal with scale 6, which is
 * exact to the fen: 1万元 = 1,000,000 fen, so the unscaled value of an amount is its fen. No
 * amount is ever a double. The ledger counts fen as longs.
 */
public final class Money {

    /** Decimals of 万元 in one fen. */
    public static final int SCALE = 6;

    /** Beyond this an amount is not normalised: validation refuses it without building a huge number. */
    private static final BigDecimal NORMALISABLE = new BigDecimal("1000000000000");

    private Money() {
    }

    /**
     * The amount at scale 6 when it is a whole number of fen of a sane size, so that equal
     * amounts compare and store alike (5 and 5.000000); anything else is returned as sent, for
     * {@link Amount} to refuse. Never scales a value such as 1e999999999 up.
     */
    public static BigDecimal normal(BigDecimal wan) {
        if (wan == null || wan.abs().compareTo(NORMALISABLE) > 0) {
            return wan;
        }
        BigDecimal stripped = wan.stripTrailingZeros();
        return stripped.scale() > SCALE ? wan : stripped.setScale(SCALE, RoundingMode.UNNECESSARY);
    }

    /** Why {@code wan} is not an amount up to {@code max}, or null when it is one. */
    static String problemWith(BigDecimal wan, BigDecimal max, boolean zero) {
        if (wan.compareTo(max) > 0) {
            return "must be at most " + text(max);
        }
        if (wan.signum() < 0) {
            return "must not be negative";
        }
        if (wan.signum() == 0 && !zero) {
            return "must be more than 0";
        }
        if (wan.stripTrailingZeros().scale() > SCALE) {
            return "must be a whole number of fen: at most 6 decimals of 万元";
        }
        return null;
    }

    public static long fen(BigDecimal wan) {
        return wan.setScale(SCALE, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
    }

    public static BigDecimal wan(long fen) {
        return BigDecimal.valueOf(fen, SCALE);
    }

    /** Rounded down to the fen: a formula never pays a fraction of a fen more than it gives. */
    public static BigDecimal floor(BigDecimal wan) {
        return wan.setScale(SCALE, RoundingMode.DOWN);
    }

    public static BigDecimal min(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** For messages: {@code 1000万元}, {@code 0.5万元}. */
    public static String text(BigDecimal wan) {
        return wan.stripTrailingZeros().toPlainString() + "万元";
    }

    public static String text(long fen) {
        return text(wan(fen));
    }
}
