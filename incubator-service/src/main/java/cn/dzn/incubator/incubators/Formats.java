package cn.dzn.incubator.incubators;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;

/** The shapes of what incubator records name, checked wherever one is accepted; one place for "today". */
public final class Formats {

    /** A record id (the kit's own rule for ids a client chooses): records refer to each other by it. */
    public static final String ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    public static final String ID_MESSAGE = "must be a record id of 1 to 64 letters, digits, '.', '_' or '-'";
    public static final int MAX_ID = 64;

    /**
     * A unified social credit code (统一社会信用代码, GB 32100): 18 characters, the letters I, O, S,
     * V and Z never appear. The check digit is not verified.
     */
    public static final String CREDIT_CODE = "[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}";
    public static final String CREDIT_CODE_MESSAGE = "must be an 18-character unified social credit code";

    /**
     * How a tenant firm is told apart at its incubator: its unified social credit code, or for a
     * firm registered abroad (a tenant of an overseas incubator) its registration number there.
     */
    public static final String FIRM_ID = "[A-Za-z0-9][A-Za-z0-9-]{0,39}";
    public static final String FIRM_ID_MESSAGE = "must be the firm's unified social credit code or its registration"
            + " number abroad: 1 to 40 letters, digits or '-'";

    /** Dates are days in China: an incubator's "today" is Beijing's. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private Formats() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(CHINA));
    }

    /**
     * A record id derived from the ids it joins: {@code prefix} and the first 32 hex digits of
     * SHA-256 over them, since the ids side by side could pass the kit's 64 characters.
     */
    public static String key(String prefix, String... parts) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("/", parts).getBytes(StandardCharsets.UTF_8));
            return prefix + HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
