package cn.dzn.gateway.clients;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Makes new keys and hashes presented ones. Keys are 256-bit random values, so a keyed fast hash
 * is as safe as a slow password hash and costs microseconds per request instead of milliseconds.
 */
@Component
public class ApiKeys {

    static final String PREFIX = "dzn_";
    private static final String HMAC = "HmacSHA256";

    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec secret;

    public ApiKeys(ApiKeyProperties properties) {
        this.secret = new SecretKeySpec(properties.hashSecret().getBytes(StandardCharsets.UTF_8), HMAC);
    }

    public String generate() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public String hash(String key) {
        try {
            // Mac instances are not thread-safe; a fresh one is cheap next to a network round trip.
            Mac mac = Mac.getInstance(HMAC);
            mac.init(secret);
            return HexFormat.of().formatHex(mac.doFinal(key.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
