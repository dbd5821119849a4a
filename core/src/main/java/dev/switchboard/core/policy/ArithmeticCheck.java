package dev.switchboard.core.policy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Re-does the arithmetic a worked answer writes out ("16 - 3 = 13", "{@code <<9*2=18>>}") and counts the
 * statements whose result is wrong: a slip in the working is a strong sign that the final answer is wrong too,
 * and it costs no model call to see.
 */
public final class ArithmeticCheck {

    private static final String NUMBER = "\\d[\\d,]*(?:\\.\\d+)?";
    private static final Pattern STATEMENT = Pattern.compile("(" + NUMBER + "(?:\\s*[-+*/x×÷]\\s*\\$?" + NUMBER
            + ")+)\\s*=\\s*\\$?(-?" + NUMBER + ")");
    private static final Pattern TOKEN = Pattern.compile(NUMBER + "|[-+*/x×÷]");

    private ArithmeticCheck() {
    }

    /** How many written-out calculations in the text give a wrong result (beyond the rounding they show). */
    public static int wrongStatements(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        Matcher statement = STATEMENT.matcher(text);
        int wrong = 0;
        while (statement.find()) {
            Double value = evaluate(statement.group(1));
            String written = statement.group(2).replace(",", "");
            if (value != null && !matches(value, written)) {
                wrong++;
            }
        }
        return wrong;
    }

    /** True when the written result is the value rounded to the decimals it shows. */
    private static boolean matches(double value, String written) {
        BigDecimal shown;
        try {
            shown = new BigDecimal(written);
        } catch (NumberFormatException e) {
            return true; // not a number after all: nothing to check
        }
        double tolerance = 0.5 * Math.pow(10, -Math.max(0, shown.scale())) + 1e-9;
        return Math.abs(value - shown.doubleValue()) <= tolerance;
    }

    /** Evaluates numbers joined by + - * / with the usual precedence; null when it cannot (division by 0). */
    static Double evaluate(String expression) {
        List<String> tokens = new ArrayList<>();
        Matcher token = TOKEN.matcher(expression.replace("$", ""));
        while (token.find()) {
            tokens.add(token.group());
        }
        double sum = 0;
        double term = parse(tokens.get(0));
        char sign = '+';
        for (int i = 1; i + 1 < tokens.size(); i += 2) {
            char op = tokens.get(i).charAt(0);
            double next = parse(tokens.get(i + 1));
            switch (op) {
                case '*', 'x', '×' -> term *= next;
                case '/', '÷' -> {
                    if (next == 0) {
                        return null;
                    }
                    term /= next;
                }
                default -> {
                    sum += sign == '+' ? term : -term;
                    sign = op;
                    term = next;
                }
            }
        }
        return sum + (sign == '+' ? term : -term);
    }

    private static double parse(String number) {
        return Double.parseDouble(number.replace(",", ""));
    }
}
