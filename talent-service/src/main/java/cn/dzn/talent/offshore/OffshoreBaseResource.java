package cn.dzn.talent.offshore;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.dzn.platform.errors.FieldError;
import cn.dzn.platform.regions.RegionCode;
import cn.dzn.platform.resources.RecordStore;
import cn.dzn.platform.resources.ResourceDeclaration;
import cn.dzn.platform.resources.ResourceKit;
import cn.dzn.talent.common.Formats;
import cn.dzn.talent.common.Unique;

/**
 * Offshore innovation bases as a resource of the kit at {@code /api/offshore-bases}, owned by the
 * region the base lies in; the kit's figures count them as {@code offshoreBases}.
 */
@Configuration
class OffshoreBaseResource extends ResourceDeclaration<OffshoreBaseInput, OffshoreBase> {

    OffshoreBaseResource() {
        super("/api/offshore-bases", "offshore_bases", OffshoreBaseInput.class, OffshoreBase.class,
                OffshoreBaseInput::regionCode);
    }

    @Bean
    RecordStore<OffshoreBaseInput, OffshoreBase> offshoreBaseStore(ResourceKit kit) {
        return kit.store(this);
    }

    @Override
    public List<ListFilter> listFilters() {
        return List.of(ListFilter.of("type", OffshoreBaseType.class));
    }

    /**
     * Seed 002 §27's offshore model, "基地注册、海内外经营": a hosted project is registered in the
     * base's region and operates in China and abroad. A centre abroad lies outside China, and an
     * overseas base (海外基地) has at least one.
     */
    @Override
    public void check(OffshoreBaseInput base, List<FieldError> errors) {
        List<OverseasCentre> centres = base.overseasCentres() == null ? List.of() : base.overseasCentres();
        if (base.type() == OffshoreBaseType.OVERSEAS_BASE && centres.isEmpty()) {
            errors.add(new FieldError("overseasCentres", "an overseas base (海外基地) names at least one centre abroad"));
        }
        for (int i = 0; i < centres.size(); i++) {
            if (Formats.CHINA.equals(centres.get(i).country())) {
                errors.add(new FieldError("overseasCentres[" + i + "].country", "a centre abroad lies outside CN"));
            }
        }
        Unique.check(base.talents(), HostedTalent::ref, "talents", "talent", errors);
        List<HostedProject> projects = base.projects() == null ? List.of() : base.projects();
        RegionCode region = RegionCode.of(base.regionCode());
        for (int i = 0; i < projects.size(); i++) {
            HostedProject project = projects.get(i);
            if (!region.contains(project.registeredIn())) {
                errors.add(new FieldError("projects[" + i + "].registeredIn", "a hosted project is registered in the "
                        + "base's region " + base.regionCode() + " (seed 002 §27: 基地注册)"));
            }
            boolean home = project.operatingIn().contains(Formats.CHINA);
            boolean abroad = project.operatingIn().stream().anyMatch(country -> !Formats.CHINA.equals(country));
            if (!home || !abroad) {
                errors.add(new FieldError("projects[" + i + "].operatingIn", "a hosted project operates in CN and "
                        + "abroad (seed 002 §27: 海内外经营)"));
            }
        }
    }
}
