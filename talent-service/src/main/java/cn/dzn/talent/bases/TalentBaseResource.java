package cn.dzn.talent.bases;

import java.util.List;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.dzn.platform.errors.FieldError;
import cn.dzn.platform.resources.RecordStore;
import cn.dzn.platform.resources.ResourceDeclaration;
import cn.dzn.platform.resources.ResourceKit;
import cn.dzn.talent.common.Unique;

/**
 * Training bases as a resource of the kit (docs/sync.md) at {@code /api/talent-bases}, owned by
 * the region the base lies in; the kit's figures count them as {@code talentBases}.
 */
@Configuration
class TalentBaseResource extends ResourceDeclaration<TalentBaseInput, TalentBase> {

    TalentBaseResource() {
        super("/api/talent-bases", "talent_bases", TalentBaseInput.class, TalentBase.class,
                TalentBaseInput::regionCode);
    }

    @Bean
    RecordStore<TalentBaseInput, TalentBase> talentBaseStore(ResourceKit kit) {
        return kit.store(this);
    }

    /** The completions resource is served beneath this path (CompletionResource). */
    @Override
    public Set<String> reservedIds() {
        return Set.of(CompletionResource.SEGMENT);
    }

    /** Completions name courses by code, so a code names one course. */
    @Override
    public void check(TalentBaseInput base, List<FieldError> errors) {
        Unique.check(base.courses(), Course::code, "courses", "course code", errors);
    }
}
