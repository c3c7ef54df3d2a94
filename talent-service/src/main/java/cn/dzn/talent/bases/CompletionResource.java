package cn.dzn.talent.bases;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.dzn.platform.errors.FieldError;
import cn.dzn.platform.resources.RecordStore;
import cn.dzn.platform.resources.ResourceDeclaration;
import cn.dzn.platform.resources.ResourceKit;
import cn.dzn.talent.common.Unique;

/**
 * Training completions as a resource of the kit at {@code /api/talent-bases/completions} (under
 * the bases' prefix, which the gateway routes here); the kit's figures count them as
 * {@code trainingCompletions}, the trainees who completed courses at a base.
 */
@Configuration
class CompletionResource extends ResourceDeclaration<CompletionInput, Completion> {

    static final String SEGMENT = "completions";

    private final TalentBaseService bases;

    CompletionResource(TalentBaseService bases) {
        super("/api/talent-bases/" + SEGMENT, "training_completions", CompletionInput.class, Completion.class,
                CompletionInput::regionCode);
        this.bases = bases;
    }

    @Bean
    RecordStore<CompletionInput, Completion> completionStore(ResourceKit kit) {
        return kit.store(this);
    }

    /**
     * One record per base and trainee: the key is derived from the two ids, since the ids side by
     * side could pass the kit's 64 characters. A client leaves it out, or takes it from a read.
     */
    @Override
    public String naturalId(CompletionInput input) {
        return input.baseId() == null || input.talentId() == null ? null : CompletionInput.key(input.baseId(), input.talentId());
    }

    @Override
    public List<ListFilter> listFilters() {
        return List.of(ListFilter.of("baseId"), ListFilter.of("talentId"));
    }

    /**
     * The base's own region records who completed its courses, and only courses it teaches. A
     * base outside that region is answered as one that does not exist.
     */
    @Override
    public void check(CompletionInput input, List<FieldError> errors) {
        Unique.check(input.courses(), CompletedCourse::code, "courses", "course", errors);
    }

    @Override
    public void checkReferences(CompletionInput input, List<FieldError> errors) {
        TalentBase base = bases.lookup(input.baseId())
                .filter(found -> found.regionCode().equals(input.regionCode())).orElse(null);
        if (base == null) {
            errors.add(new FieldError("baseId", "no training base " + input.baseId() + " in region "
                    + input.regionCode()));
            return;
        }
        Set<String> taught = base.courses() == null ? Set.of()
                : base.courses().stream().map(Course::code).collect(Collectors.toSet());
        for (int i = 0; i < input.courses().size(); i++) {
            if (!taught.contains(input.courses().get(i).code())) {
                errors.add(new FieldError("courses[" + i + "].code", "base " + base.id() + " teaches no course "
                        + input.courses().get(i).code()));
            }
        }
    }
}
