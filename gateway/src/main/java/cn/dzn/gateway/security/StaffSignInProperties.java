package cn.dzn.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Staff sign-in through the ministry's OIDC provider: tokens from {@code issuer}, signed by a key
 * in {@code jwkSetUri}, meant for {@code audience}. {@code regionClaim} carries the staff member's
 * GB/T 2260 region, {@code rolesClaim} a list of READ / WRITE / ADMIN. Off while no issuer is set:
 * bearer tokens are then refused.
 */
@ConfigurationProperties("dzn.staff-sign-in")
public record StaffSignInProperties(String issuer, String jwkSetUri, String audience, String regionClaim,
        String rolesClaim) {

    public StaffSignInProperties {
        regionClaim = regionClaim == null ? "dzn_region" : regionClaim;
        rolesClaim = rolesClaim == null ? "dzn_roles" : rolesClaim;
        if (issuer != null && !issuer.isBlank() && (jwkSetUri == null || jwkSetUri.isBlank()
                || audience == null || audience.isBlank())) {
            throw new IllegalStateException("staff sign-in needs dzn.staff-sign-in.jwk-set-uri (DZN_STAFF_JWKS_URI) "
                    + "and an audience once an issuer (DZN_STAFF_ISSUER) is set");
        }
    }

    boolean enabled() {
        return issuer != null && !issuer.isBlank();
    }
}
