package cn.dzn.gateway.clients;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.bson.types.ObjectId;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import cn.dzn.platform.errors.FieldError;
import cn.dzn.platform.errors.Problems;
import cn.dzn.platform.identity.Role;
import cn.dzn.platform.regions.RegionCode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Incubators' own keys (issue 17), issued and revoked for incubator-service on the gateway's
 * management port only, where the probes and metrics are and which the internet does not reach:
 * <ul>
 * <li>{@code POST /internal/incubator-keys} with {@link IncubatorKeyRequest} answers 201
 * {@code {"clientId", "apiKey"}}, the key shown this once: a client bound to the incubator, READ
 * and WRITE in its region. Any older client bound to the same incubator is revoked at once.</li>
 * <li>{@code DELETE /internal/incubator-keys/{clientId}} answers 204 (again 204 once revoked), 404
 * when no client of that id is bound to an incubator: incubator-service cannot revoke any other.</li>
 * </ul>
 * Both need incubator-service's own token ({@link IncubatorServiceTokens}), checked before the body
 * is read; anything else is a 401 problem. Revocation forgets the keys at once on this gateway and
 * within the key cache's TTL on the others, as {@code DELETE /api/clients/{id}} does.
 *
 * <p>Why a filter and not a controller: the management server is a child context of its own, whose
 * dispatcher knows the actuator's endpoints only, while the web filters of the application (this
 * one, request ids, security headers, the security chain) run on both servers. The filter answers
 * these paths itself when the request came in on the management server, judged by the server's
 * context that handles the exchange (not by a port number a forwarded header could fake), and 404
 * on the public port, before any credential is looked at. Without a separate management port the
 * endpoints do not exist at all: keys are then not issued rather than issued on the public port.
 */
@Component
class IncubatorKeyEndpoints implements WebFilter, Ordered {

    static final String PATH = "/internal/incubator-keys";
    /** The server namespace of Spring Boot's management server. */
    static final String MANAGEMENT = "management";
    private static final int MAX_BODY = 16 * 1024;

    private final ApiClientStore store;
    private final ApiKeys keys;
    private final ClientDirectory directory;
    private final IncubatorServiceTokens tokens;
    private final JsonMapper json;
    private final Validator validator;

    IncubatorKeyEndpoints(ApiClientStore store, ApiKeys keys, ClientDirectory directory, IncubatorServiceTokens tokens,
            JsonMapper json, Validator validator) {
        this.store = store;
        this.keys = keys;
        this.directory = directory;
        this.tokens = tokens;
        this.json = json;
        this.validator = validator;
    }

    /** The new client's id and its key, shown this once. */
    record IssuedKey(String clientId, String apiKey) {
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!path.startsWith(PATH) || path.length() > PATH.length() && path.charAt(PATH.length()) != '/') {
            return chain.filter(exchange);
        }
        if (!onManagementServer(exchange)) {
            return Mono.error(Problems.notFound("path " + path + " on this port"));
        }
        String clientId = path.length() > PATH.length() + 1 ? path.substring(PATH.length() + 1) : null;
        HttpMethod method = exchange.getRequest().getMethod();
        if (path.equals(PATH)) {
            return HttpMethod.POST.equals(method) ? authenticated(exchange, () -> issue(exchange))
                    : notAllowed(exchange, HttpMethod.POST);
        }
        if (clientId == null || clientId.contains("/") || clientId.length() > IncubatorKeyRequest.MAX_ID) {
            return Mono.error(Problems.notFound("path " + path));
        }
        return HttpMethod.DELETE.equals(method) ? authenticated(exchange, () -> revoke(exchange, clientId))
                : notAllowed(exchange, HttpMethod.DELETE);
    }

    /** After the request id and the body limit, before the security chain, which has nothing to do here. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }

    static boolean onManagementServer(ServerWebExchange exchange) {
        return exchange.getApplicationContext() instanceof WebServerApplicationContext server
                && MANAGEMENT.equals(server.getServerNamespace());
    }

    private Mono<Void> authenticated(ServerWebExchange exchange, java.util.function.Supplier<Mono<Void>> then) {
        String refusal = tokens.refusal(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION),
                Instant.now());
        if (refusal != null) {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            return Mono.error(Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated", refusal));
        }
        return then.get();
    }

    private Mono<Void> issue(ServerWebExchange exchange) {
        return DataBufferUtils.join(exchange.getRequest().getBody(), MAX_BODY)
                .map(buffer -> {
                    try {
                        byte[] bytes = new byte[buffer.readableByteCount()];
                        buffer.read(bytes);
                        return bytes;
                    } finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                .defaultIfEmpty(new byte[0])
                .onErrorMap(DataBufferLimitException.class, e -> Problems.of(HttpStatus.CONTENT_TOO_LARGE,
                        "body-too-large", "the request body is larger than " + MAX_BODY + " bytes"))
                .map(this::parse)
                .flatMap(request -> Mono.fromCallable(() -> issue(request)).subscribeOn(Schedulers.boundedElastic()))
                .flatMap(issued -> write(exchange, HttpStatus.CREATED, issued));
    }

    private IncubatorKeyRequest parse(byte[] body) {
        if (body.length == 0) {
            throw Problems.of(HttpStatus.BAD_REQUEST, "unreadable-body", "the request body is missing");
        }
        IncubatorKeyRequest request;
        try {
            request = json.readValue(body, IncubatorKeyRequest.class);
        } catch (JacksonException e) {
            throw Problems.of(HttpStatus.BAD_REQUEST, "unreadable-body",
                    "the body must be {\"incubatorId\", \"name\", \"regionCode\"} as JSON");
        }
        if (request == null) {
            throw Problems.of(HttpStatus.BAD_REQUEST, "unreadable-body", "the request body is missing");
        }
        List<FieldError> errors = new java.util.ArrayList<>(validator.validate(request).stream()
                .map(IncubatorKeyEndpoints::fieldError).toList());
        if (RegionCode.NATIONAL.code().equals(request.regionCode())) {
            errors.add(new FieldError("regionCode", "an incubator's key is never bound to the national tier"));
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(FieldError::field));
            throw Problems.invalid(errors);
        }
        return request;
    }

    private static FieldError fieldError(ConstraintViolation<IncubatorKeyRequest> violation) {
        return new FieldError(violation.getPropertyPath().toString(), violation.getMessage());
    }

    /** Inserts the new client first, then revokes the older ones: the incubator is never left without a key. */
    private IssuedKey issue(IncubatorKeyRequest request) {
        String apiKey = keys.generate();
        Instant now = Instant.now();
        ApiClient client = new ApiClient(new ObjectId().toHexString(), request.name().strip(), keys.hash(apiKey),
                request.regionCode(), Set.of(Role.READ, Role.WRITE), now, null, null, null, null, request.incubatorId());
        store.insert(client);
        for (ApiClient older : store.revokeBoundBefore(request.incubatorId(), client.id(), now)) {
            directory.forget(older.keyHash(), older.previousKeyHash());
        }
        return new IssuedKey(client.id(), apiKey);
    }

    private Mono<Void> revoke(ServerWebExchange exchange, String clientId) {
        return Mono.fromCallable(() -> {
            ApiClient bound = store.findBound(clientId)
                    .orElseThrow(() -> Problems.notFound("incubator's client " + clientId));
            ApiClient revoked = store.revoke(bound.id(), Instant.now()).orElse(bound);
            directory.forget(revoked.keyHash(), revoked.previousKeyHash());
            return revoked;
        }).subscribeOn(Schedulers.boundedElastic()).then(Mono.defer(() -> {
            exchange.getResponse().setStatusCode(HttpStatus.NO_CONTENT);
            return exchange.getResponse().setComplete();
        }));
    }

    private Mono<Void> write(ServerWebExchange exchange, HttpStatus status, Object body) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        byte[] bytes = json.writeValueAsBytes(body);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(bytes)));
    }

    private static Mono<Void> notAllowed(ServerWebExchange exchange, HttpMethod allowed) {
        exchange.getResponse().getHeaders().setAllow(Set.of(allowed));
        return Mono.error(Problems.of(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed",
                "only " + allowed.name() + " is served here"));
    }
}
