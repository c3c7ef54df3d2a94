package cn.dzn.gateway.security;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import cn.dzn.gateway.clients.ClientDirectory;
import reactor.core.publisher.Mono;

/** Turns a presented key into its caller; an unknown or revoked key fails (401). */
@Component
class ApiKeyAuthenticationManager implements ReactiveAuthenticationManager {

    private final ClientDirectory directory;

    ApiKeyAuthenticationManager(ClientDirectory directory) {
        this.directory = directory;
    }

    @Override
    public Mono<Authentication> authenticate(Authentication presented) {
        return directory.callerFor((String) presented.getCredentials())
                .<Authentication>map(ApiKeyAuthentication::verified)
                .switchIfEmpty(Mono.error(() -> new BadCredentialsException("the API key is unknown or revoked")));
    }
}
