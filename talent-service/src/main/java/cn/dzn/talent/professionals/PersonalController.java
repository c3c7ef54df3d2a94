package cn.dzn.talent.professionals;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.dzn.platform.identity.Caller;
import cn.dzn.talent.common.Formats;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * {@code GET /api/talents/{id}/personal}: a professional's personal data, one record at a time,
 * for its own city; the kit's lists and feeds never carry it, so no one can list it in bulk.
 */
@RestController
@RequestMapping("/api/talents")
class PersonalController {

    private final ProfessionalService professionals;

    PersonalController(ProfessionalService professionals) {
        this.professionals = professionals;
    }

    @Operation(summary = "A professional's personal data, for a caller of its own city or district only "
            + "(403 for a province or the nation, 404 outside the region or when none is kept)")
    // Not {id}: the kit's document replaces every path under {path}/{id}/ with its own.
    @GetMapping("/{talentId}/personal")
    Personal personal(@AuthenticationPrincipal Caller caller,
            @Parameter(schema = @Schema(maxLength = Formats.TALENT_ID_LENGTH)) @PathVariable String talentId) {
        return professionals.personalFor(caller, talentId);
    }
}
