package cn.dzn.talent.contract;

import java.util.Map;

import cn.dzn.talent.Fixtures;

/** Commissioner assignments keep the kit's sync contract; their ids are the client's own. */
class CommissionerSyncContractTest extends TalentSyncContract {

    CommissionerSyncContractTest() {
        super("/api/commissioners", "commissioner_assignments", "enterprise");
    }

    @Override
    protected Map<String, Object> data(String region, int n) {
        return Fixtures.commissioner(region, "p" + scope + "-" + n);
    }
}
