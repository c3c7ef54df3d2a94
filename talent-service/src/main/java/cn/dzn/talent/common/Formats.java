package cn.dzn.talent.common;

/**
 * The shapes of identifiers the talent records name, checked wherever one is accepted so a
 * record never carries something that merely looks like one.
 */
public final class Formats {

    /**
     * A technology-contract registration number (技术合同认定登记号): 16 digits today, 14 in the
     * older form year + province + city + registration point + sequence (DOMAIN.md).
     */
    public static final String CONTRACT_NUMBER = "\\d{14}(\\d{2})?";
    public static final int CONTRACT_NUMBER_LENGTH = 16;
    public static final String CONTRACT_NUMBER_MESSAGE = "must be a technology-contract registration number of 14 or 16 digits";

    /** A reference a bureau keeps in its own system: letters, digits, '_' and '-'. */
    public static final String REFERENCE = "[A-Za-z0-9][A-Za-z0-9_-]{0,39}";
    public static final int REFERENCE_LENGTH = 40;
    public static final String REFERENCE_MESSAGE = "must be 1 to 40 letters, digits, '_' or '-'";

    /** A professional's id, its natural key {@code regionCode.ref} (ProfessionalResource). */
    public static final String TALENT_ID = "\\d{6}\\." + REFERENCE;
    public static final int TALENT_ID_LENGTH = 6 + 1 + REFERENCE_LENGTH;
    public static final String TALENT_ID_MESSAGE = "must be a professional's id, regionCode.ref";

    /** An ISO 3166-1 alpha-2 country code; CN is China. */
    public static final String COUNTRY = "[A-Z]{2}";
    public static final int COUNTRY_LENGTH = 2;
    public static final String COUNTRY_MESSAGE = "must be an ISO 3166-1 alpha-2 country code such as CN or DE";
    public static final String CHINA = "CN";

    /** A period of a year ({@code 2025}) or a quarter of one ({@code 2025Q3}). */
    public static final String PERIOD = "(20\\d\\d|2100)(Q[1-4])?";
    public static final int PERIOD_LENGTH = 6;
    public static final String PERIOD_MESSAGE = "must be a year from 2000 to 2100 like 2025, or a quarter like 2025Q3";

    /** A GB/T 2260 region code (the platform's @Region checks it) is six digits. */
    public static final int REGION_LENGTH = 6;

    private Formats() {
    }
}
