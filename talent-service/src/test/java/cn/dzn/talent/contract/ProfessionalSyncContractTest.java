package cn.dzn.talent.contract;

import java.util.Map;

import cn.dzn.talent.Fixtures;

/** Professionals keep the kit's sync contract under their natural key regionCode.ref. */
class ProfessionalSyncContractTest extends TalentSyncContract {

    ProfessionalSyncContractTest() {
        super("/api/talents", "professionals", "employer");
    }

    @Override
    protected Map<String, Object> data(String region, int n) {
        return Fixtures.professional(region, "c" + scope + "-" + n, n % 2 == 0 ? "BROKER" : "MANAGER");
    }

    @Override
    protected String id(Map<String, Object> data, int n) {
        return data.get("regionCode") + "." + data.get("ref");
    }
}
