package cn.dzn.talent.bases;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.dzn.platform.resources.RecordStore;
import cn.dzn.platform.resources.ResourceDeclaration;
import cn.dzn.platform.resources.ResourceKit;

/**
 * Talent training bases as a resource of the kit (docs/sync.md), at {@code /api/talent-bases}
 * (the gateway routes that prefix here); the kit's figures count them as {@code talentBases}. A
 * stub until the base model is built: the record is its own input.
 */
@Configuration
class TalentBaseResource extends ResourceDeclaration<TalentBase, TalentBase> {

    TalentBaseResource() {
        super("/api/talent-bases", "talent_bases", TalentBase.class, TalentBase.class, TalentBase::regionCode);
    }

    @Bean
    RecordStore<TalentBase, TalentBase> talentBaseStore(ResourceKit kit) {
        return kit.store(this);
    }
}
