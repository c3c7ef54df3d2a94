package cn.dzn.talent.contract;

import java.util.Map;

import cn.dzn.talent.Fixtures;

/** Offshore innovation bases keep the kit's sync contract; their ids are the client's own. */
class OffshoreBaseSyncContractTest extends TalentSyncContract {

    OffshoreBaseSyncContractTest() {
        super("/api/offshore-bases", "offshore_bases", "operator");
    }

    @Override
    protected Map<String, Object> data(String region, int n) {
        return Fixtures.offshoreBase("离岸基地 " + scope + " " + n, region);
    }
}
