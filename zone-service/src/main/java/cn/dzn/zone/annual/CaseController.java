package cn.dzn.zone.annual;

import java.net.URI;
import java.util.List;

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
import jakarta.validation.Valid;

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
    List<CaseStudy> list(@RequestParam(required = false) String zoneId, @RequestParam(required = false) Integer year) {
        return cases.find(zoneId, year);
    }

    @GetMapping("/{id}")
    CaseStudy get(@PathVariable String id) {
        return cases.get(id);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> remove(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        cases.remove(caller, id);
        return ResponseEntity.noContent().build();
    }
}
