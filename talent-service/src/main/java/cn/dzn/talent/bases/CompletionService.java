package cn.dzn.talent.bases;

import static com.mongodb.client.model.Filters.eq;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import cn.dzn.platform.resources.RecordStore;

/** What other features ask of training: which curriculum modules a professional has completed. */
@Service
public class CompletionService {

    private final RecordStore<CompletionInput, Completion> completions;
    private final TalentBaseService bases;

    CompletionService(RecordStore<CompletionInput, Completion> completions, TalentBaseService bases) {
        this.completions = completions;
        this.bases = bases;
    }

    /**
     * The modules {@code talentId} completed: a module counts once the trainee completed, at one
     * base, every course of that module the base's curriculum lists. A deleted base's
     * completions no longer count, since its curriculum is gone; levels already reached stay.
     */
    public Set<Module> modulesCompletedBy(String talentId) {
        Set<Module> completed = EnumSet.noneOf(Module.class);
        for (Completion completion : completions.liveRecords(eq("talentId", talentId))) {
            TalentBase base = bases.lookup(completion.baseId()).orElse(null);
            if (base == null || base.courses() == null) {
                continue;
            }
            Set<String> done = completion.courses().stream().map(CompletedCourse::code).collect(Collectors.toSet());
            Map<Module, Set<String>> curriculum = base.courses().stream().collect(Collectors.groupingBy(
                    Course::module, Collectors.mapping(Course::code, Collectors.toSet())));
            curriculum.forEach((module, codes) -> {
                if (done.containsAll(codes)) {
                    completed.add(module);
                }
            });
        }
        return completed;
    }
}
