package cn.dzn.zone.annual;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.dzn.platform.identity.AdministratorsOnly;
import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.web.Page;
import cn.dzn.platform.web.PageRequest;
import cn.dzn.zone.PageApiDocs;
import cn.dzn.zone.periods.Period;
import cn.dzn.zone.zones.Zone;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/** {@code /api/cases}: the case collection (seed 004 §七). */
@RestController
@RequestMapping("/api/cases")
class CaseController {

    private final CaseCollection cases;

    CaseController(CaseCollection cases) {
        this.cases = cases;
    }

    @AdministratorsOnly(national = true)
    @PostMapping
    ResponseEntity<CaseStudy> add(@AuthenticationPrincipal Caller caller, @Valid @RequestBody CaseStudy study) {
        CaseStudy stored = cases.add(caller, study);
        return ResponseEntity.created(URI.create("/api/cases/" + stored.id())).body(stored);
    }

    @GetMapping
    Page<CaseStudy> list(@RequestParam(required = false) @Size(max = Zone.MAX_ID) String zoneId,
            @RequestParam(required = false) @Min(value = Period.FIRST_YEAR, message = Period.YEAR_MESSAGE)
            @Max(value = Period.LAST_YEAR, message = Period.YEAR_MESSAGE) Integer year,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) @Size(max = PageApiDocs.MAX_CURSOR) String after) {
        return cases.page(zoneId, year, PageRequest.of(limit, after));
    }

    @GetMapping("/{id}")
    CaseStudy get(@PathVariable @Size(max = CaseStudy.MAX_ID) String id) {
        return cases.get(id);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> remove(@AuthenticationPrincipal Caller caller,
            @PathVariable @Size(max = CaseStudy.MAX_ID) String id) {
        cases.remove(caller, id);
        return ResponseEntity.noContent().build();
    }
}
