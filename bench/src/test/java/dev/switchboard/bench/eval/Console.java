package dev.switchboard.bench.eval;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.ToIntFunction;

/**
 * What a command's {@code run(String[])} returned and printed on standard output and error.
 *
 * @param code its exit code
 */
record Console(int code, String out, String err) {

    /** Runs the command with both streams captured, and restores them afterwards. */
    static Console run(ToIntFunction<String[]> command, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = command.applyAsInt(args);
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
        return new Console(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
