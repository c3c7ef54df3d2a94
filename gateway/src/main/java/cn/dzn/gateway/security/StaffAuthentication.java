package cn.dzn.gateway.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import cn.dzn.platform.identity.Caller;

/**
 * A staff member's OIDC bearer token as presented (credentials only), then as verified: the
 * {@link Caller} its claims name, without the token.
 */
final class StaffAuthentication extends AbstractAuthenticationToken {

    private final transient Caller caller;
    private final String token;

    private StaffAuthentication(Caller caller, String token) {
        super(caller == null ? List.of()
                : caller.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList());
        this.caller = caller;
        this.token = token;
        setAuthenticated(caller != null);
    }

    static StaffAuthentication presented(String token) {
        return new StaffAuthentication(null, token);
    }

    static StaffAuthentication verified(Caller caller) {
        return new StaffAuthentication(caller, null);
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }

    @Override
    public String getCredentials() {
        return token;
    }

    @Override
    public String getName() {
        return caller == null ? "" : caller.clientId();
    }
}
