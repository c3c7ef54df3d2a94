package cn.dzn.talent.professionals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;

import cn.dzn.platform.errors.FieldError;
import cn.dzn.platform.errors.Problems;
import cn.dzn.platform.regions.RegionCode;
import cn.dzn.platform.regions.Tier;

/**
 * Progress toward the talent targets at every tier: 10,000 nationally (seed 003 主要指标), 1,000
 * in Shenzhen (seed 002 目标 and §21), 500 in Guangzhou (seed 001 一). Counts are aggregates, so
 * any caller may read any region's, as the zone overview's figures (docs/decisions.md).
 */
@Service
class ProgressService {

    private final ProfessionalService professionals;
    private final ProgressProperties properties;

    ProgressService(ProfessionalService professionals, ProgressProperties properties) {
        this.professionals = professionals;
        this.properties = properties;
    }

    Progress progress(RegionCode callerRegion, String asked) {
        RegionCode region = callerRegion;
        if (asked != null) {
            String problem = RegionCode.problemWith(asked);
            if (problem != null) {
                throw Problems.invalid(List.of(new FieldError("region", problem)));
            }
            region = RegionCode.of(asked);
        }
        Set<RegionCode> chain = new LinkedHashSet<>();
        chain.add(region);
        if (region.tier() == Tier.DISTRICT) {
            chain.add(RegionCode.of(region.code().substring(0, 4) + "00"));
        }
        chain.add(region.province());
        chain.add(RegionCode.NATIONAL);
        List<Progress.RegionProgress> tiers = new ArrayList<>();
        chain.forEach(code -> tiers.add(of(code)));
        List<Progress.RegionProgress> within = new ArrayList<>();
        for (ProgressProperties.Target target : properties.targets()) {
            RegionCode code = RegionCode.of(target.region());
            if (region.contains(code) && !chain.contains(code)) {
                within.add(of(code));
            }
        }
        return new Progress(region.code(), tiers, within);
    }

    private Progress.RegionProgress of(RegionCode region) {
        Map<Level, Long> byLevel = professionals.countByLevel(region);
        long total = byLevel.values().stream().mapToLong(Long::longValue).sum();
        ProgressProperties.Target target = properties.targets().stream()
                .filter(candidate -> candidate.region().equals(region.code())).findFirst().orElse(null);
        BigDecimal percent = target == null ? null : BigDecimal.valueOf(total * 100)
                .divide(BigDecimal.valueOf(target.professionals()), 1, RoundingMode.HALF_UP);
        return new Progress.RegionProgress(region.code(), region.tier(), total, byLevel,
                target == null ? null : target.professionals(), target == null ? null : target.source(), percent);
    }
}
