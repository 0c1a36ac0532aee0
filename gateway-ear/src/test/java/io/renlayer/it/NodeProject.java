package io.renlayer.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Node.js project under {@code src/test/node}, copied to {@code target} and installed from its
 * lock file with {@code npm ci} once per build, so tests can run the official JavaScript clients
 * and servers.
 */
final class NodeProject {

    private final Path dir;

    private NodeProject(Path dir) {
        this.dir = dir;
    }

    static synchronized NodeProject install(String name) throws IOException, InterruptedException {
        Path source = Path.of("src/test/node", name).toAbsolutePath();
        Path target = Path.of("target/node", name).toAbsolutePath();
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (!Files.isDirectory(target.resolve("node_modules"))) {
            Result installed =
                    new NodeProject(target).run(Limit.INSTALL, Map.of(), "npm", "ci", "--no-audit", "--no-fund");
            if (installed.exitCode() != 0) {
                throw new IOException("npm ci failed in " + target + ":\n" + installed.output());
            }
        }
        return new NodeProject(target);
    }

    Path dir() {
        return dir;
    }

    /** Runs a command in the project's folder; output and errors together. */
    Result run(Limit limit, Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(limit.seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish in " + limit.seconds + " s");
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    /** Starts a long-running command (a server); the caller stops it. */
    Process start(Map<String, String> env, Path log, String... command) throws IOException {
        List<String> args = new ArrayList<>(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(args)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    record Result(int exitCode, String output) {
        /** The last line printed: the scripts here print their findings as one JSON line at the end. */
        String lastLine() {
            String[] lines = output.strip().split("\n");
            return lines[lines.length - 1];
        }
    }

    enum Limit {
        INSTALL(300),
        SCRIPT(60);

        final int seconds;

        Limit(int seconds) {
            this.seconds = seconds;
        }
    }
}
