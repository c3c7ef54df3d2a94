package cn.dzn.platform.regions;

import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A six-digit GB/T 2260 administrative-division code. {@code 000000} is the national tier,
 * {@code XX0000} a province, {@code XXXX00} a city and anything else a district or county.
 *
 * <p>Validation is structural plus the list of province-level prefixes: the full code table
 * (about 3,000 effective-dated entries) is not shipped yet, so a well-formed code for a city
 * that does not exist passes. See docs/decisions.md.
 */
public record RegionCode(String code) {

    private static final Pattern SIX_DIGITS = Pattern.compile("\\d{6}");

    // GB/T 2260 province-level prefixes, incl. Taiwan (71), Hong Kong (81) and Macao (82).
    private static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64",
            "65", "71", "81", "82");

    // Declared after the checks it needs: static fields initialise in order.
    public static final RegionCode NATIONAL = new RegionCode("000000");
    private static final java.util.Set<String> SEPARATELY_PLANNED = java.util.Set.of("330200", "440300", "370200",
            "350200", "210200");

    public RegionCode {
        String problem = problemWith(code);
        if (problem != null) {
            throw new InvalidRegionCodeException(code, problem);
        }
    }

    @JsonCreator
    public static RegionCode of(String code) {
        return new RegionCode(code);
    }

    public static boolean isValid(String code) {
        return problemWith(code) == null;
    }

    /** Why {@code code} is not a region code, or null when it is one. */
    public static String problemWith(String code) {
        if (code == null || !SIX_DIGITS.matcher(code).matches()) {
            return "must be a six-digit GB/T 2260 code";
        }
        if (code.equals("000000")) {
            return null;
        }
        if (!PROVINCES.contains(code.substring(0, 2))) {
            return "unknown province prefix " + code.substring(0, 2);
        }
        if (code.substring(2, 4).equals("00") && !code.endsWith("00")) {
            return "a district code needs a city part";
        }
        return null;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    public Tier tier() {
        if (code.equals("000000")) {
            return Tier.NATIONAL;
        }
        if (code.endsWith("0000")) {
            return Tier.PROVINCE;
        }
        return code.endsWith("00") ? Tier.CITY : Tier.DISTRICT;
    }

    /** The province (or province-level municipality) this region lies in; the nation for itself. */
    public RegionCode province() {
        return tier() == Tier.NATIONAL ? this : new RegionCode(code.substring(0, 2) + "0000");
    }

    /**
     * 计划单列市 (宁波, 深圳, 青岛, 厦门, 大连): cities that report straight to the national tier
     * as well as through their province (DOMAIN.md, "Region codes"), so roll-ups must count them once.
     */
    public boolean isSeparatelyPlanned() {
        return SEPARATELY_PLANNED.contains(code);
    }

    /** The significant prefix: everything a code inside this region starts with. */
    public String prefix() {
        return switch (tier()) {
            case NATIONAL -> "";
            case PROVINCE -> code.substring(0, 2);
            case CITY -> code.substring(0, 4);
            case DISTRICT -> code;
        };
    }

    /** True when {@code other} lies inside this region (a region contains itself). */
    public boolean contains(RegionCode other) {
        return other.code.startsWith(prefix());
    }

    public boolean contains(String other) {
        return isValid(other) && contains(new RegionCode(other));
    }

    /**
     * The half-open range [low, high) of codes inside this region, for an index-friendly
     * Mongo range filter; null for the nation, which contains everything.
     */
    public String[] codeRange() {
        if (tier() == Tier.NATIONAL) {
            return null;
        }
        String prefix = prefix();
        String low = (prefix + "000000").substring(0, 6);
        String next = String.valueOf(Long.parseLong(prefix) + 1);
        String high = (next + "000000").substring(0, 6);
        return new String[] {low, high};
    }

    @Override
    public String toString() {
        return code;
    }
}
