package cn.dzn.fund;

/** Formats the service checks, shared by its features' records. */
public final class Patterns {

    /** A record id a client may choose (the kit's own rule), as ids are referred to across features. */
    public static final String ID = "[A-Za-z0-9._-]{1,64}";

    /**
     * A unified social credit code (统一社会信用代码, GB 32100): 18 characters, the letters I, O,
     * S, V and Z never appear. The check digit is not verified.
     */
    public static final String CREDIT_CODE = "[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}";

    public static final String CREDIT_CODE_MESSAGE = "must be an 18-character unified social credit code";

    /** A reference a client gives (a receipt, a contract number of its own). */
    public static final String REFERENCE = "[A-Za-z0-9-]{1,40}";

    private Patterns() {
    }
}
