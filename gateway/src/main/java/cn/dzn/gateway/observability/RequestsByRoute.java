package cn.dzn.gateway.observability;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.http.server.reactive.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

/**
 * The gateway's request timer ({@code http_server_requests_seconds}) by route as well: which
 * service a request went to, its status and time, in one timer per request. The route is
 * {@code none} for the gateway's own endpoints and for requests refused before routing.
 */
@Component
class RequestsByRoute extends DefaultServerRequestObservationConvention {

    private static final String ROUTE = "spring.cloud.gateway.route.id";

    @Override
    public KeyValues getLowCardinalityKeyValues(ServerRequestObservationContext context) {
        return super.getLowCardinalityKeyValues(context).and(KeyValue.of(ROUTE,
                context.getAttributes().get(GATEWAY_ROUTE_ATTR) instanceof Route route ? route.getId() : "none"));
    }
}
