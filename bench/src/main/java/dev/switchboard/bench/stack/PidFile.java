package dev.switchboard.bench.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** The processes a local stack started, one {@code pid start-time role} line each, so a later run can stop them. */
public final class PidFile {

    /**
     * One process the stack started; {@code role} is {@code launcher}, a service module or {@code postgres};
     * {@code startedAt} is null when the system did not say.
     */
    public record Entry(long pid, Instant startedAt, String role) {
    }

    private final Path file;

    public PidFile(Path file) {
        this.file = file;
    }

    public Path path() {
        return file;
    }

    /** Appends a line at once, so the file is complete even when the stack dies half-started. */
    public synchronized void record(long pid, String role) {
        String started = ProcessHandle.of(pid).flatMap(p -> p.info().startInstant())
                .map(Instant::toString).orElse("-");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, pid + " " + started + " " + role + System.lineSeparator(),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public List<Entry> read() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file)) {
                String[] parts = line.trim().split("\\s+", 3);
                if (parts.length == 3 && parts[0].matches("\\d+")) {
                    Instant started = parts[1].equals("-") ? null : Instant.parse(parts[1]);
                    entries.add(new Entry(Long.parseLong(parts[0]), started, parts[2]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return entries;
    }

    /** The recorded processes that still run (a pid the system has since given to another process is left out). */
    public List<Entry> alive() {
        return read().stream().filter(e -> recorded(e).isPresent()).toList();
    }

    public void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }

    /**
     * Stops the live recorded processes, this JVM excepted: a polite signal first, then a forced kill of what is
     * still running after {@code grace}. Returns how many were stopped.
     */
    public int stopAll(Duration grace, Consumer<String> log) {
        long self = ProcessHandle.current().pid();
        List<ProcessHandle> stopping = new ArrayList<>();
        for (Entry entry : read()) {
            if (entry.pid() == self) {
                continue;
            }
            recorded(entry).ifPresent(process -> {
                log.accept("stopping " + entry.role() + " (pid " + entry.pid() + ")");
                process.destroy();
                stopping.add(process);
            });
        }
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle process : stopping) {
            try {
                process.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception timedOut) {
                log.accept("pid " + process.pid() + " still running after " + grace.toSeconds() + " s, killing it");
                process.destroyForcibly();
            }
        }
        return stopping.size();
    }

    /** The running process of an entry: same pid, same start time, and a program a stack starts. */
    private static Optional<ProcessHandle> recorded(Entry entry) {
        return ProcessHandle.of(entry.pid())
                .filter(ProcessHandle::isAlive)
                .filter(p -> entry.startedAt() == null
                        || p.info().startInstant().map(entry.startedAt()::equals).orElse(false))
                .filter(p -> p.info().command().map(PidFile::startedByStack).orElse(false));
    }

    private static boolean startedByStack(String command) {
        String name = Path.of(command).getFileName().toString();
        return name.equals("java") || name.equals("postgres");
    }
}
