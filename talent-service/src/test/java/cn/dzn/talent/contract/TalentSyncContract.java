package cn.dzn.talent.contract;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import cn.dzn.platform.test.CitySyncContract;

/** talent-service's resources run platform-test's city sync contract in the context its tests share. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
abstract class TalentSyncContract extends CitySyncContract {

    TalentSyncContract(String path, String collection, String required) {
        super(path, collection, required);
    }
}
