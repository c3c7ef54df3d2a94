package cn.dzn.talent.contract;

import java.util.Map;

import cn.dzn.talent.Fixtures;

/** Training bases keep the kit's sync contract; their ids are the client's own. */
class TalentBaseSyncContractTest extends TalentSyncContract {

    TalentBaseSyncContractTest() {
        super("/api/talent-bases", "talent_bases", "hostOrganisation");
    }

    @Override
    protected Map<String, Object> data(String region, int n) {
        return Fixtures.base("培养基地 " + scope + " " + n, region);
    }
}
