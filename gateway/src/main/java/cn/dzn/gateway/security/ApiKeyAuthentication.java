package cn.dzn.gateway.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import cn.dzn.platform.identity.Caller;

/**
 * An API key as presented (credentials only), then as verified (the {@link Caller} it belongs to,
 * which controllers take with {@code @AuthenticationPrincipal}).
 */
public final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final transient Caller caller;
    private final String apiKey;

    private ApiKeyAuthentication(Caller caller, String apiKey) {
        super(caller == null ? List.of()
                : caller.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList());
        this.caller = caller;
        this.apiKey = apiKey;
        setAuthenticated(caller != null);
    }

    static ApiKeyAuthentication presented(String apiKey) {
        return new ApiKeyAuthentication(null, apiKey);
    }

    static ApiKeyAuthentication verified(Caller caller) {
        return new ApiKeyAuthentication(caller, null);
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }

    /** The key, only until it has been verified: the verified form never carries it around. */
    @Override
    public String getCredentials() {
        return apiKey;
    }

    @Override
    public String getName() {
        return caller == null ? "" : caller.clientId();
    }
}
