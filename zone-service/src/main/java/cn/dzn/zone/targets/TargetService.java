package cn.dzn.zone.targets;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;

import cn.dzn.platform.mongo.KeysetPager;
import cn.dzn.platform.mongo.ReferenceData;
import cn.dzn.platform.errors.FieldError;
import cn.dzn.platform.errors.Problems;
import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.web.Page;
import cn.dzn.platform.web.PageRequest;
import cn.dzn.zone.indicators.IndicatorCatalog;
import cn.dzn.zone.rollups.Rollup;
import cn.dzn.zone.rollups.RollupService;
import tools.jackson.databind.json.JsonMapper;

/**
 * Targets per region, indicator and year, and progress toward them. The seeds' targets
 * ({@code targets.json}: national, 深圳, 广州) are written at start-up where missing; an
 * administrator sets targets for its own region and the regions inside it.
 */
@Service
public class TargetService {

    private final MongoCollection<Target> targets;
    private final IndicatorCatalog indicators;
    private final RollupService rollups;

    public TargetService(MongoDatabase database, JsonMapper json, IndicatorCatalog indicators, RollupService rollups)
            {
        this.targets = database.getCollection("targets", Target.class);
        this.indicators = indicators;
        this.rollups = rollups;
        ReferenceData.insertMissing(targets, json, "/targets.json", Target.class);
    }

    public Page<Target> list(String regionCode, PageRequest page) {
        return KeysetPager.page(targets, regionCode == null ? Filters.empty() : Filters.eq("regionCode", regionCode),
                page, Target::id);
    }

    public Target get(String id) {
        Target target = targets.find(Filters.eq("_id", id)).first();
        if (target == null) {
            throw Problems.notFound("target " + id);
        }
        return target;
    }

    public Target define(Caller caller, String id, Target target) {
        caller.requireAdminOf(target.regionCode());
        List<FieldError> errors = new ArrayList<>();
        if (!id.equals(Target.idOf(target.regionCode(), target.indicator(), target.year()))) {
            errors.add(new FieldError("id", "a target's id is regionCode.indicator.year: "
                    + Target.idOf(target.regionCode(), target.indicator(), target.year())));
        }
        if (indicators.find(target.indicator()).isEmpty()) {
            errors.add(new FieldError("indicator", "no indicator " + target.indicator()));
        }
        if (target.maxValue() != null && (target.kind() != TargetKind.LEVEL || target.maxValue().compareTo(target.value()) < 0)) {
            errors.add(new FieldError("maxValue", "closes a LEVEL range and is not below value"));
        }
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        Target stored = new Target(id, target.regionCode(), target.indicator(), target.year(), target.kind(),
                target.value(), target.maxValue(), target.baseline(), target.source());
        targets.replaceOne(Filters.eq("_id", id), stored, new ReplaceOptions().upsert(true));
        return stored;
    }

    /** Progress in the caller's view: the actual figure is rolled up from the reports it may see. */
    public Progress progress(Caller caller, String id) {
        Target target = get(id);
        Rollup actual = rollups.rollup(caller, target.indicator(), Integer.toString(target.year()),
                target.regionCode(), null, true);
        BigDecimal required = required(target);
        String reason = null;
        if (required == null) {
            reason = "the target is a " + target.kind() + " and has no baseline to count from";
        } else if (actual.value() == null) {
            reason = "no verified annual report for " + target.year() + " yet";
        }
        BigDecimal ratio = reason != null || required.signum() == 0 ? null
                : actual.value().divide(required, MathContext.DECIMAL64);
        return new Progress(target, actual.value(), actual.reports(), required, ratio, reason);
    }

    private static BigDecimal required(Target target) {
        return switch (target.kind()) {
            case LEVEL -> target.value();
            case INCREMENT -> target.baseline() == null ? null : target.baseline().add(target.value());
            case GROWTH -> target.baseline() == null ? null : target.baseline()
                    .multiply(BigDecimal.ONE.add(target.value().movePointLeft(2)));
        };
    }
}
