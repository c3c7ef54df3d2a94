package cn.dzn.fund.funds;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.dzn.platform.resources.RecordStore;
import cn.dzn.platform.resources.ResourceDeclaration;
import cn.dzn.platform.resources.ResourceKit;

/**
 * Funds as a resource of the kit (docs/sync.md), at {@code /api/funds}; the kit's figures count
 * them as {@code funds}. A stub until the fund model is built: the record is its own input.
 */
@Configuration
class FundResource extends ResourceDeclaration<Fund, Fund> {

    FundResource() {
        super("/api/funds", "funds", Fund.class, Fund.class, Fund::regionCode);
    }

    @Bean
    RecordStore<Fund, Fund> fundStore(ResourceKit kit) {
        return kit.store(this);
    }
}
