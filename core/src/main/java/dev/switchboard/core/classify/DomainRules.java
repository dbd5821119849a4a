package dev.switchboard.core.classify;

import dev.switchboard.core.event.TaskType;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A coarse subject label for a prompt from keyword counts: {@code software}, {@code finance}, {@code science},
 * {@code medical}, {@code legal}, else {@code general}.
 */
final class DomainRules {

    static final String GENERAL = "general";
    static final String SOFTWARE = "software";

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private static final List<Domain> DOMAINS = List.of(
            new Domain(SOFTWARE, "\\b(?:code|coding|function|api|bug|debug|python|java|javascript|typescript"
                    + "|sql|database|server|kubernetes|docker|deploy\\w*|git|compile\\w*|repository|backend"
                    + "|frontend|microservices?|kafka|linux|algorithm|regex|json|http)\\b"),
            new Domain("finance", "\\b(?:invoices?|revenue|profit|loss|stocks?|shares|budget|tax(?:es)?"
                    + "|accounting|loans?|interest\\s+rates?|invest\\w*|bank\\w*|dividends?|portfolio|inflation"
                    + "|earnings|balance\\s+sheet|cash\\s+flow|mortgage|equity|bonds?)\\b"),
            new Domain("science", "\\b(?:physics|chemistry|biology|molecules?|atoms?|quantum|experiments?"
                    + "|hypothes[ie]s|cells?|dna|proteins?|climate|photosynthesis|gravity|evolution|species"
                    + "|chemical|electrons?|astronomy|planets?|energy)\\b"),
            new Domain("medical", "\\b(?:patients?|diagnos\\w*|symptoms?|medications?|dos(?:e|age)|clinical"
                    + "|disease|treatment|therapy|doctor|nurse|hospital|prescription|blood\\s+pressure)\\b"),
            new Domain("legal", "\\b(?:contracts?|clauses?|lawsuit|court|liability|gdpr|statutes?|attorney"
                    + "|lawyer|plaintiff|defendant|indemnif\\w*|jurisdiction|compliance|legal)\\b"));

    private DomainRules() {
    }

    /** The domain with the most keyword hits (ties: list order); code with no hits is still software. */
    static String domain(TaskType task, String text) {
        String best = GENERAL;
        int bestHits = 0;
        for (Domain domain : DOMAINS) {
            int hits = domain.hits(text);
            if (hits > bestHits) {
                best = domain.name();
                bestHits = hits;
            }
        }
        return bestHits == 0 && task == TaskType.CODE ? SOFTWARE : best;
    }

    private record Domain(String name, Pattern keywords) {
        Domain(String name, String keywords) {
            this(name, Pattern.compile(keywords, FLAGS));
        }

        int hits(String text) {
            Matcher m = keywords.matcher(text);
            int n = 0;
            while (m.find()) {
                n++;
            }
            return n;
        }
    }
}
