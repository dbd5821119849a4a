package dev.switchboard.core.classify;

import dev.switchboard.core.event.TaskType;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keyword, regex and structure rules that name what a prompt asks for.
 *
 * <p>Each rule has strong cues (an explicit instruction: "summarise", "translate", "write a function") and weak
 * cues (a hint: a code fence, digits with operators, a "why"). The strong cue that appears first wins, because
 * the instruction usually comes before the material it applies to ("Summarise this code: ```..."). Without a
 * strong cue the first rule, in list order, with a weak cue wins; without either the prompt is chat.
 */
final class TaskTypeRules {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private static final String LANGUAGES = "french|german|spanish|italian|portuguese|dutch|japanese|chinese"
            + "|mandarin|cantonese|korean|russian|arabic|hindi|polish|swedish|norwegian|danish|finnish|turkish"
            + "|greek|hebrew|ukrainian|czech|vietnamese|thai|indonesian";
    private static final String CODE_LANGUAGES = "python|java|javascript|typescript|golang|rust|kotlin|scala"
            + "|ruby|php|swift|bash|sql|c\\+\\+|c#";

    /** Order matters twice: it breaks ties between strong cues at the same place, and it ranks weak cues. */
    private static final List<Rule> RULES = List.of(
            new Rule(TaskType.SUMMARISATION,
                    "\\bsummar(?:y|ies|i[sz]\\w*)\\b|\\btl;?dr\\b|\\bsum\\s+(?:it\\s+)?up\\b|\\brecap\\b"
                            + "|\\bcondense\\b|\\bkey\\s+takeaways\\b|\\bin\\s+a\\s+nutshell\\b",
                    "\\bmain\\s+points\\b|\\bbrief\\s+overview\\b|\\bshorten\\b"),
            new Rule(TaskType.TRANSLATION,
                    "\\btranslat\\w*\\b|\\bhow\\s+(?:do|would)\\s+(?:you|i)\\s+say\\b",
                    "\\b(?:in|into)\\s+(?:" + LANGUAGES + ")\\b"),
            new Rule(TaskType.EXTRACTION,
                    "\\bextract\\w*\\b|\\bpull\\s+out\\s+(?:all|the|every)\\b|\\bnamed\\s+entit(?:y|ies)\\b"
                            + "|\\bparse\\b[^.?!\\n]{0,40}\\b(?:into|as)\\s+json\\b"
                            + "|\\blist\\s+(?:all|every)\\s+(?:the\\s+)?(?:names|dates|emails|e-mails|entities"
                            + "|amounts|people|companies|addresses|phone\\s+numbers)\\b",
                    "\\b(?:as|into|in)\\s+(?:json|csv|a\\s+table)\\b"),
            new Rule(TaskType.CLASSIFICATION,
                    "\\bclassif(?:y|ies|ied|ication)\\b|\\bcategori[sz](?:e|es|ation)\\b|\\bsentiment\\b"
                            + "|\\blabel\\s+(?:this|the\\s+following|each)\\b"
                            + "|\\bis\\s+(?:this|the\\s+following)\\s+(?:email|message|review|text|ticket|comment)"
                            + "\\s+(?:spam|positive|negative|toxic)\\b",
                    "\\bspam\\s+or\\s+not\\b|\\bpositive\\s+or\\s+negative\\b|\\bwhich\\s+category\\b"),
            new Rule(TaskType.CREATIVE,
                    "\\b(?:write|compose|create|draft)\\b[^.?!\\n]{0,30}?\\b(?:poem|story|stories|haiku|limerick"
                            + "|song|lyrics|sonnet|fairy\\s?tale|screenplay|fable|ballad)\\b"
                            + "|\\b(?:poem|haiku|limerick|sonnet)\\b",
                    "\\bonce\\s+upon\\s+a\\s+time\\b|\\bimagine\\b|\\bfictional\\b|\\bstory\\b"),
            new Rule(TaskType.CODE,
                    "\\b(?:write|implement|create|generate|build|fix|debug|refactor)\\b[^.?!\\n]{0,60}?"
                            + "\\b(?:function|method|class|script|program|query|regex|regular\\s+expression"
                            + "|unit\\s+tests?|endpoint|algorithm|code|snippet|component)\\b"
                            + "|\\b(?:in|using)\\s+(?:" + CODE_LANGUAGES + ")(?![\\w+#])"
                            + "|\\bstack\\s?trace\\b|\\bcompil(?:e|er|ation)\\s+error\\b|\\bsegfault\\b"
                            + "|\\bnull\\s?pointer\\w*\\b|\\bsql\\s+query\\b",
                    "```|#include\\b|\\b(?:def|func|public\\s+static|import\\s+java)\\b"
                            + "|\\bselect\\b[^;]{1,80}\\bfrom\\b|\\b(?:" + CODE_LANGUAGES + ")(?![\\w+#])"),
            new Rule(TaskType.MATHS,
                    "\\b(?:calculate|compute|evaluate|simplify|integrate|differentiate|derivative|integral"
                            + "|equation|arithmetic|probability)\\b|\\bhow\\s+many\\b|\\bsolve\\s+for\\b",
                    "\\d\\s*[+*/×÷^=]\\s*\\d|\\d\\s+-\\s+\\d|\\d\\s*%|\\bsolve\\b|\\bsquare\\s+root\\b"
                            + "|\\bpercent(?:age)?\\b"),
            new Rule(TaskType.REASONING,
                    "\\bstep[-\\s]by[-\\s]step\\b|\\bprove\\b|\\bproof\\b|\\blogic(?:al)?\\s+puzzle\\b"
                            + "|\\briddle\\b|\\bexplain\\s+(?:why|how)\\b|\\breason\\s+(?:through|about)\\b"
                            + "|\\bthink\\s+(?:carefully|it\\s+through)\\b|\\bwhat\\s+would\\s+happen\\s+if\\b"
                            + "|\\bdeduce\\b",
                    "\\bwhy\\b|\\bexplain\\b|\\bcompare\\b|\\btrade-?offs?\\b|\\bpros\\s+and\\s+cons\\b"));

    private TaskTypeRules() {
    }

    /** The task a prompt asks for; {@code instruction} is the user's text followed by any system text. */
    static TaskType detect(String instruction) {
        TaskType strongest = null;
        int earliest = Integer.MAX_VALUE;
        for (Rule rule : RULES) {
            Matcher m = rule.strong().matcher(instruction);
            if (m.find() && m.start() < earliest) {
                earliest = m.start();
                strongest = rule.type();
            }
        }
        if (strongest != null) {
            return strongest;
        }
        for (Rule rule : RULES) {
            if (rule.weak().matcher(instruction).find()) {
                return rule.type();
            }
        }
        return TaskType.CHAT;
    }

    private record Rule(TaskType type, Pattern strong, Pattern weak) {
        Rule(TaskType type, String strong, String weak) {
            this(type, Pattern.compile(strong, FLAGS), Pattern.compile(weak, FLAGS));
        }
    }
}
