package io.github.keycloaksspr.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The console output of one Keycloak process. Tests read it to prove that nothing went wrong quietly and that no
 * secret (a one-time code, a password) was ever written out.
 */
public final class ServerLog {

    /** Keycloak's console format: {@code 2026-11-22 03:10:11,123 WARN  [category] (thread) message}. */
    private static final Pattern LEVEL_AND_CATEGORY = Pattern.compile("^\\S+ \\S+ +(\\w+) +\\[([^\\]]+)]");

    private final Path file;

    ServerLog(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public String text() {
        return textSince(0);
    }

    /** A position to pass to {@link #textSince(long)}, so a test can look only at what its own requests logged. */
    public long mark() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String textSince(long mark) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            int from = (int) Math.min(mark, bytes.length);
            return new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    public List<String> lines() {
        return text().lines().toList();
    }

    /** Every ERROR line, whoever logged it. */
    public List<String> errorLines() {
        return lines().stream().filter(line -> "ERROR".equals(level(line))).toList();
    }

    /**
     * WARN and ERROR lines logged under {@code packagePrefix}, plus any exception or stack frame from it, even when
     * Keycloak's own code logged the exception.
     */
    public List<String> problemsFrom(String packagePrefix) {
        return lines().stream().filter(line -> isProblemFrom(line, packagePrefix)).toList();
    }

    public String tail(int count) {
        List<String> lines = lines();
        return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }

    private static boolean isProblemFrom(String line, String packagePrefix) {
        Matcher matcher = LEVEL_AND_CATEGORY.matcher(line);
        if (matcher.find()) {
            String level = matcher.group(1);
            return (level.equals("WARN") || level.equals("ERROR")) && matcher.group(2).startsWith(packagePrefix);
        }
        String trimmed = line.strip();
        return List.of("at " + packagePrefix, "Caused by: " + packagePrefix, packagePrefix).stream()
                .anyMatch(trimmed::startsWith);
    }

    private static String level(String line) {
        Matcher matcher = LEVEL_AND_CATEGORY.matcher(line);
        return matcher.find() ? matcher.group(1) : "";
    }

    @Override
    public String toString() {
        return file.toString();
    }
}
