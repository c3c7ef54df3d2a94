package cn.dzn.fund.contract;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import cn.dzn.platform.test.CitySyncContract;

/**
 * fund-service's resources run platform-test's city sync contract in the API tests' own context
 * (FundServiceTestBase's properties), so it starts once.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "dzn.sample-data.enabled=true")
abstract class FundSyncContract extends CitySyncContract {

    FundSyncContract(String path, String collection, String required) {
        super(path, collection, required);
    }
}
