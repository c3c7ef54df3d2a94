package cn.dzn.platform.test;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Secrets made up afresh in every test JVM: a test that passes on a secret written in the source
 * would hide a service that accepts one. The services under test get {@link #INTERNAL_TOKEN_SECRET}
 * from {@link EmbeddedMongoContextCustomizerFactory}; {@link TestCallers} signs with it.
 */
public final class TestSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    public static final String INTERNAL_TOKEN_SECRET = random();

    private TestSecrets() {
    }

    /** 32 random bytes in hex, the shape the launcher generates. */
    public static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
