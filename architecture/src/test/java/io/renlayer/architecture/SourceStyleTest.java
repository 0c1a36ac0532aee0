package io.renlayer.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the formatter cannot see: every package says what it owns (a {@code package-info.java}),
 * and code names a type by its simple name, imported, unless that name is taken in the file.
 */
class SourceStyleTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern QUALIFIED = Pattern.compile(
            "(?<![\\w.$])((?:java|javax|jakarta|io\\.renlayer|org|com|redis)\\.(?:[a-z0-9_]+\\.)*)([A-Z]\\w*)");
    private static final Pattern IMPORT = Pattern.compile("^import ([\\w.]+)\\.(\\w+);", Pattern.MULTILINE);
    private static final Pattern DECLARED = Pattern.compile("\\b(?:class|interface|enum|record)\\s+(\\w+)");

    @Test
    void everyPackageSaysWhatItOwns() {
        List<Path> missing = sources("src/main/java").stream()
                .map(Path::getParent)
                .distinct()
                .filter(dir -> !Files.exists(dir.resolve("package-info.java")))
                .map(ROOT::relativize)
                .toList();
        assertThat(missing).as("packages without a package-info.java").isEmpty();
    }

    @Test
    void codeImportsWhatItNamesUnlessTheNameIsTaken() throws IOException {
        List<String> inline = new ArrayList<>();
        for (Path file : sources("src")) {
            inline.addAll(qualifiedNamesIn(file));
        }
        assertThat(inline).as("fully qualified names where an import would do").isEmpty();
    }

    @Test
    void theCheckFindsANameWrittenInFull() throws IOException {
        Path sample = Files.createTempDirectory("style").resolve("Sample.java");
        Files.writeString(sample, """
                package p;

                import java.util.List;

                /** java.util.Map in a comment is fine. */
                class Sample {
                    String s = "java.util.Map in a string is fine";
                    java.util.Map<String, List<String>> m; // this is not
                }
                """);
        assertThat(qualifiedNamesIn(sample)).singleElement().asString().endsWith(":8: java.util.Map");
    }

    private static List<Path> sources(String under) {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> ROOT.relativize(f).toString().contains(under + "/"))
                    .filter(f -> !ROOT.relativize(f).toString().contains("/target/"))
                    .filter(f -> !ROOT.relativize(f).toString().startsWith("."))
                    .filter(f -> !ROOT.relativize(f).toString().contains("node_modules"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> qualifiedNamesIn(Path file) throws IOException {
        String source = Files.readString(file);
        Map<String, String> imported = new HashMap<>();
        Matcher imports = IMPORT.matcher(source);
        while (imports.find()) {
            imported.put(imports.group(2), imports.group(1) + "." + imports.group(2));
        }
        Set<String> taken = new HashSet<>();
        DECLARED.matcher(source).results().forEach(m -> taken.add(m.group(1)));
        try (Stream<Path> siblings = Files.list(file.getParent())) {
            siblings.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".java"))
                    .forEach(n -> taken.add(n.substring(0, n.length() - 5)));
        }
        List<String> found = new ArrayList<>();
        boolean inComment = false;
        boolean inTextBlock = false;
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (inTextBlock) {
                inTextBlock = !line.contains("\"\"\"");
                continue;
            }
            if (inComment) {
                inComment = !line.contains("*/");
                continue;
            }
            if (line.startsWith("/*")) {
                inComment = !line.contains("*/");
                continue;
            }
            if (line.startsWith("*")
                    || line.startsWith("//")
                    || line.startsWith("import ")
                    || line.startsWith("package ")) {
                continue;
            }
            inTextBlock = countOf(line, "\"\"\"") % 2 == 1;
            Matcher m = QUALIFIED.matcher(codeOf(line));
            while (m.find()) {
                String name = m.group(2);
                String full = m.group(1) + name;
                boolean nameTaken =
                        imported.containsKey(name) && !imported.get(name).equals(full) || taken.contains(name);
                if (!nameTaken || full.startsWith("java.lang.") && full.indexOf('.', 10) < 0) {
                    found.add(ROOT.relativize(file) + ":" + (i + 1) + ": " + full);
                }
            }
        }
        return found;
    }

    /** The line without its string literals and trailing comment. */
    private static String codeOf(String line) {
        return line.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"")
                .replaceAll("'(\\\\.|[^'\\\\])*'", "''")
                .replaceAll("//.*$", "");
    }

    private static int countOf(String s, String part) {
        return s.split(Pattern.quote(part), -1).length - 1;
    }
}
