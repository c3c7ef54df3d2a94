package cn.dzn.zone.evaluation;

import static com.mongodb.client.model.Filters.eq;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.springframework.stereotype.Service;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;

import cn.dzn.platform.errors.FieldError;
import cn.dzn.platform.errors.Problems;
import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.identity.Role;
import cn.dzn.platform.regions.RegionCode;
import cn.dzn.zone.indicators.IndicatorCatalog;
import cn.dzn.zone.periods.Period;
import cn.dzn.zone.rollups.RollupService;
import cn.dzn.zone.zones.Zone;
import cn.dzn.zone.zones.ZoneService;

/**
 * Evaluation schemes, zones' self-evaluations and the ranking they produce. A ranking is never
 * stored: it is computed from the scheme and the verified reports, which are stored, so the same
 * inputs always give the same ranking (and the same {@code inputsHash}).
 */
@Service
public class EvaluationService {

    // Rankings read every zone's figures, whichever caller asks: the ranking itself is published.
    private static final Caller EVALUATOR = new Caller("evaluation", RegionCode.NATIONAL, Set.of(Role.READ));
    private static final MathContext PRECISION = new MathContext(20, RoundingMode.HALF_EVEN);

    private final MongoCollection<Scheme> schemes;
    private final MongoCollection<Document> selfEvaluations;
    private final ZoneService zoneService;
    private final IndicatorCatalog indicators;
    private final RollupService rollups;

    public EvaluationService(MongoDatabase database, ZoneService zoneService, IndicatorCatalog indicators,
            RollupService rollups) {
        this.zoneService = zoneService;
        this.schemes = database.getCollection("evaluation_schemes", Scheme.class);
        this.selfEvaluations = database.getCollection("self_evaluations");
        this.indicators = indicators;
        this.rollups = rollups;
    }

    public Scheme define(Caller caller, String period, Scheme scheme) {
        caller.requireAdmin();
        List<FieldError> errors = new ArrayList<>();
        if (!period.equals(scheme.period())) {
            errors.add(new FieldError("period", "must be " + period + ", as in the path"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < scheme.weights().size(); i++) {
            String code = scheme.weights().get(i).indicator();
            if (indicators.find(code).isEmpty()) {
                errors.add(new FieldError("weights[" + i + "].indicator", "no indicator " + code));
            } else if (!seen.add(code)) {
                errors.add(new FieldError("weights[" + i + "].indicator", code + " appears more than once"));
            }
        }
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        Scheme previous = schemes.find(eq("_id", period)).first();
        Scheme stored = new Scheme(period, scheme.weights(), scheme.note(), previous == null ? 1 : previous.version() + 1);
        schemes.replaceOne(eq("_id", period), stored, new ReplaceOptions().upsert(true));
        return stored;
    }

    public Scheme scheme(String period) {
        Scheme scheme = schemes.find(eq("_id", period)).first();
        if (scheme == null) {
            throw Problems.notFound("evaluation scheme for " + period);
        }
        return scheme;
    }

    /** The zone's lead region records its self-evaluation of a period. */
    public SelfEvaluation selfEvaluate(Caller caller, String zoneId, String period, SelfEvaluation self) {
        // The caller's own view first: a zone it cannot see is 404, as on every other path.
        Zone zone = zoneService.get(caller, zoneId);
        caller.requireWrite(zone.regionCode());
        if (Period.parse(period) == null) {
            throw Problems.invalid(List.of(new FieldError("period", Period.FORMAT_MESSAGE)));
        }
        selfEvaluations.replaceOne(eq("_id", zoneId + "." + period), new Document("_id", zoneId + "." + period)
                .append("zoneId", zoneId).append("period", period).append("score", self.score())
                .append("summary", self.summary()), new ReplaceOptions().upsert(true));
        return self;
    }

    public Ranking ranking(String period) {
        Scheme scheme = scheme(period);
        List<Zone> live = zoneService.all();
        if (live.size() > Ranking.MAX_ROWS) {
            throw Problems.conflict("a ranking covers at most " + Ranking.MAX_ROWS + " zones; the service holds "
                    + live.size());
        }
        Map<String, Map<String, BigDecimal>> figures = new LinkedHashMap<>();
        live.stream().map(Zone::id).sorted().forEach(zoneId -> {
            Map<String, BigDecimal> byIndicator = new LinkedHashMap<>();
            for (Scheme.Weight weight : scheme.weights()) {
                byIndicator.put(weight.indicator(),
                        rollups.rollup(EVALUATOR, weight.indicator(), period, null, zoneId, true).value());
            }
            figures.put(zoneId, byIndicator);
        });
        Map<String, BigDecimal> scores = Scores.of(scheme, figures);
        List<String> order = new ArrayList<>(figures.keySet());
        order.sort(Comparator.comparing((String zoneId) -> scores.get(zoneId)).reversed()
                .thenComparing(Comparator.naturalOrder()));
        List<Ranking.Row> rows = new ArrayList<>();
        for (String zoneId : order) {
            Map<String, BigDecimal> zoneFigures = figures.get(zoneId);
            List<String> missing = zoneFigures.entrySet().stream().filter(entry -> entry.getValue() == null)
                    .map(Map.Entry::getKey).toList();
            rows.add(new Ranking.Row(rows.size() + 1, zoneId, nameOf(live, zoneId), scores.get(zoneId), zoneFigures,
                    missing, selfEvaluation(zoneId, period)));
        }
        return new Ranking(period, scheme, rows, hash(scheme, figures));
    }

    private SelfEvaluation selfEvaluation(String zoneId, String period) {
        Document self = selfEvaluations.find(eq("_id", zoneId + "." + period)).first();
        return self == null ? null : new SelfEvaluation(self.get("score", org.bson.types.Decimal128.class)
                .bigDecimalValue(), self.getString("summary"));
    }

    private static String nameOf(List<Zone> zones, String zoneId) {
        return zones.stream().filter(zone -> zone.id().equals(zoneId)).findFirst().map(Zone::name).orElse(null);
    }

    private static String hash(Scheme scheme, Map<String, Map<String, BigDecimal>> figures) {
        StringBuilder canonical = new StringBuilder(scheme.period());
        scheme.weights().forEach(weight -> canonical.append('|').append(weight.indicator()).append('=')
                .append(weight.weight().stripTrailingZeros().toPlainString()).append(Boolean.TRUE.equals(weight.lowerIsBetter()) ? "-" : "+"));
        figures.forEach((zoneId, values) -> values.forEach((indicator, value) -> canonical.append('|').append(zoneId)
                .append('.').append(indicator).append('=').append(value == null ? "-" : value.stripTrailingZeros()
                        .toPlainString())));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static BigDecimal divide(BigDecimal a, BigDecimal b) {
        return a.divide(b, PRECISION);
    }
}
