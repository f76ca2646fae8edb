package vn.ocop.portal.certification;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.ocop.portal.shared.VietnameseText;

/**
 * The evaluation form as typed: every field kept as text (so a refused form comes back as it was), checked on the
 * server whatever the page's script showed. The total and the stars are computed here, never read from the form.
 */
final class EvaluationForm {

    static final int TEXT_MAX = 200;
    /** OCOP certificates began in 2018 (Decision 490/QĐ-TTg). */
    static final LocalDate FIRST_DECISION = LocalDate.of(2018, 1, 1);

    /** A message of the bundle with up to two arguments. */
    record Problem(
            String key, @Nullable Object first, @Nullable Object second) {
        static Problem of(String key) {
            return new Problem("certification.form.error." + key, null, null);
        }

        static Problem of(String key, Object first, @Nullable Object second) {
            return new Problem("certification.form.error." + key, first, second);
        }
    }

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, Problem> problems = new LinkedHashMap<>();
    private @Nullable Score score;
    private @Nullable CertificationDesk.Evaluation evaluation;

    static final List<String> FIELDS = List.of(
            "scoreA",
            "scoreB",
            "scoreC",
            "decisionNumber",
            "decisionDate",
            "issuingBody",
            "issuingLevel",
            "validFrom",
            "validUntil");

    private EvaluationForm() {}

    /** An empty form; a renewal starts from the renewed certificate's issuing body and level. */
    static EvaluationForm blank(@Nullable CertificationDesk.Certificate renewed) {
        EvaluationForm form = new EvaluationForm();
        for (String field : FIELDS) {
            form.values.put(field, "");
        }
        if (renewed != null) {
            form.values.put("issuingBody", renewed.issuingBody());
            form.values.put("issuingLevel", renewed.issuingLevel().name());
        }
        return form;
    }

    /**
     * Reads and checks a submitted form.
     *
     * @param notBefore the decision date of the product's current certificate (a new decision cannot predate it)
     */
    static EvaluationForm read(Map<String, String> submitted, @Nullable LocalDate notBefore, LocalDate today) {
        EvaluationForm form = new EvaluationForm();
        for (String field : FIELDS) {
            String value = submitted.get(field);
            form.values.put(
                    field, value == null ? "" : VietnameseText.nfc(value).strip());
        }
        form.check(notBefore, today);
        return form;
    }

    private void check(@Nullable LocalDate notBefore, LocalDate today) {
        Integer a = part("scoreA", Score.MAX_A);
        Integer b = part("scoreB", Score.MAX_B);
        Integer c = part("scoreC", Score.MAX_C);
        if (a != null && b != null && c != null) {
            score = new Score(a, b, c);
            if (!score.certifiable()) {
                problems.put("score", Problem.of("not-certifiable", score.total(), score.stars()));
            }
        }
        String number = text("decisionNumber");
        String body = text("issuingBody");
        LocalDate decided = date("decisionDate", true);
        if (decided != null) {
            if (decided.isAfter(today)) {
                problems.put("decisionDate", Problem.of("future"));
                decided = null;
            } else if (decided.isBefore(FIRST_DECISION)) {
                problems.put("decisionDate", Problem.of("too-early"));
                decided = null;
            } else if (notBefore != null && decided.isBefore(notBefore)) {
                problems.put("decisionDate", Problem.of("before-current", notBefore.toString(), null));
                decided = null;
            }
        }
        IssuingLevel level = level();
        if (level != null && decided != null && score != null && score.certifiable()) {
            IssuingLevel required = IssuingLevel.requiredFor(score.stars(), decided);
            if (level != required) {
                problems.put("issuingLevel", Problem.of("level-" + required.name(), score.stars(), decided.toString()));
            }
        }
        LocalDate from = date("validFrom", false);
        if (from == null && !problems.containsKey("validFrom")) {
            from = decided;
        }
        LocalDate until = date("validUntil", false);
        if (until == null && !problems.containsKey("validUntil") && from != null) {
            until = from.plusMonths(Certification.VALIDITY_MONTHS);
        }
        if (from != null && until != null && !until.isAfter(from)) {
            problems.put("validUntil", Problem.of("until-before-from"));
        }
        if (problems.isEmpty()) {
            evaluation = new CertificationDesk.Evaluation(score, number, decided, body, level, from, until);
        }
    }

    /** Adds a problem found elsewhere (a decision number already recorded). */
    void refuse(String field, String key) {
        problems.put(field, Problem.of(key));
        evaluation = null;
    }

    private @Nullable Integer part(String field, int max) {
        String text = values.get(field);
        if (text.isEmpty()) {
            problems.put(field, Problem.of("score-missing", max, null));
            return null;
        }
        try {
            int points = Integer.parseInt(text);
            if (points < 0 || points > max) {
                problems.put(field, Problem.of("score-range", max, null));
                return null;
            }
            return points;
        } catch (NumberFormatException e) {
            problems.put(field, Problem.of("score-range", max, null));
            return null;
        }
    }

    private @Nullable String text(String field) {
        String text = values.get(field);
        if (text.isEmpty()) {
            problems.put(field, Problem.of("required"));
            return null;
        }
        if (text.codePointCount(0, text.length()) > TEXT_MAX) {
            problems.put(field, Problem.of("too-long", TEXT_MAX, null));
            return null;
        }
        return text;
    }

    private @Nullable LocalDate date(String field, boolean required) {
        String text = values.get(field);
        if (text.isEmpty()) {
            if (required) {
                problems.put(field, Problem.of("required"));
            }
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.put(field, Problem.of("date"));
            return null;
        }
    }

    private @Nullable IssuingLevel level() {
        for (IssuingLevel level : IssuingLevel.values()) {
            if (level.name().equals(values.get("issuingLevel"))) {
                return level;
            }
        }
        problems.put("issuingLevel", Problem.of("required"));
        return null;
    }

    Map<String, String> values() {
        return values;
    }

    Map<String, Problem> problems() {
        return problems;
    }

    /** The score, once the three parts are within their ranges. */
    @Nullable
    Score score() {
        return score;
    }

    /** The checked evaluation, or null while there are problems. */
    @Nullable
    CertificationDesk.Evaluation evaluation() {
        return evaluation;
    }
}
