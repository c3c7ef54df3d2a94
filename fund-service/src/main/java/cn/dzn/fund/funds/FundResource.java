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
class FundResource implements ResourceDeclaration<Fund, Fund> {

    @Bean
    RecordStore<Fund, Fund> fundStore(ResourceKit kit) {
        return kit.store(this);
    }

    @Override
    public String path() {
        return "/api/funds";
    }

    @Override
    public String collection() {
        return "funds";
    }

    @Override
    public Class<Fund> inputType() {
        return Fund.class;
    }

    @Override
    public Class<Fund> viewType() {
        return Fund.class;
    }

    @Override
    public String regionOf(Fund fund) {
        return fund.regionCode();
    }
}
