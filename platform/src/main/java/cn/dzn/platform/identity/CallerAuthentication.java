package cn.dzn.platform.identity;


import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A verified internal token. Controllers take the {@link Caller} with
 * {@code @AuthenticationPrincipal}; the raw token is kept so that Feign calls can pass it on.
 */
public class CallerAuthentication extends AbstractAuthenticationToken {

    private final Caller caller;
    private final Jwt token;

    public CallerAuthentication(Caller caller, Jwt token) {
        super(caller.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList());
        this.caller = caller;
        this.token = token;
        setAuthenticated(true);
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }

    @Override
    public Jwt getCredentials() {
        return token;
    }

    /** The Authorization header value to pass on to another service. */
    public String bearer() {
        return "Bearer " + token.getTokenValue();
    }

    @Override
    public String getName() {
        return caller.clientId();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CallerAuthentication that && that.token.equals(token);
    }

    @Override
    public int hashCode() {
        return token.hashCode();
    }

}
