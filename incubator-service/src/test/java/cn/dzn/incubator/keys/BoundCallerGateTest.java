package cn.dzn.incubator.keys;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where an incubator's own key may go at all (what it may do there, the declarations decide). */
class BoundCallerGateTest {

    @Test
    void itsOwnRecordTenantsAndPairingsAreOpenToIt() {
        for (String request : new String[] {"GET /api/incubators", "GET /api/incubators/inc-1",
            "PUT /api/incubators/inc-1", "POST /api/incubators/inc-1/close", "GET /api/incubators/inc-1/assessment",
            "GET /api/incubators/inc-1/tenants", "POST /api/incubators/tenants", "POST /api/incubators/tenants/sync",
            "POST /api/incubators/tenants/t1/graduate", "GET /api/incubators/tenants/counts",
            "POST /api/incubators/pairings", "POST /api/incubators/pairings/p1/end",
            "POST /api/incubators/pairings/moves", "GET /api/incubators/pairings/moves/changes"}) {
            String[] parts = request.split(" ");
            assertThat(BoundCallerGate.allowed(parts[0], parts[1])).as(request).isTrue();
        }
    }

    @Test
    void everythingElseIsClosedToIt() {
        for (String request : new String[] {"POST /api/incubators", "DELETE /api/incubators/inc-1",
            "POST /api/incubators/sync", "GET /api/incubators/audit", "GET /api/incubators/registrations",
            "GET /api/incubators/registrations/inc-2", "POST /api/incubators/registrations/inc-2/approve",
            "POST /api/incubators/registrations", "POST /api/incubators/inc-1/key", "GET /api/incubators/inc-1/key",
            "GET /api/incubators/targets/shenzhen-maker-spaces", "GET /api/incubators/targets",
            "DELETE /api/incubators/tenants/t1", "GET /api/incubators/tenants/audit",
            "POST /api/incubators/pairings/p1/confirm", "POST /api/incubators/pairings/sync",
            "DELETE /api/incubators/pairings/p1", "GET /api/incubators/pairings/moves/audit",
            "POST /api/incubators/pairings/moves/sync", "GET /internal/figures", "GET /api/zones",
            "GET /v3/api-docs", "PATCH /api/incubators/inc-1"}) {
            String[] parts = request.split(" ");
            assertThat(BoundCallerGate.allowed(parts[0], parts[1])).as(request).isFalse();
        }
    }
}
