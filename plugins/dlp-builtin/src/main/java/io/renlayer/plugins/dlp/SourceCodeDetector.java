package io.renlayer.plugins.dlp;

import io.renlayer.spi.dlp.DlpDetector;
import io.renlayer.spi.dlp.Finding;
import io.renlayer.spi.dlp.ScanInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * SOURCE_CODE: blocks of code of real length, not inline snippets. A fenced block (```) with at
 * least {@link #MIN_FENCED_LINES} non-blank lines, or, unfenced, a run of at least
 * {@link #MIN_BARE_LINES} lines that read as code (statement endings, braces, declarations,
 * assignments, indentation) with at most one line in four that does not.
 */
final class SourceCodeDetector implements DlpDetector {

    static final int MIN_FENCED_LINES = 5;
    static final int MIN_BARE_LINES = 8;
    private static final String FENCE = "```";
    /** Lines longer than this are prose (or minified code, which is not what this type is about). */
    private static final int MAX_CODE_LINE = 300;

    private static final Set<String> LEADING_WORDS = Set.of(
            "def",
            "class",
            "import",
            "from",
            "return",
            "public",
            "private",
            "protected",
            "static",
            "func",
            "fn",
            "function",
            "const",
            "let",
            "var",
            "package",
            "#include",
            "#define",
            "using",
            "namespace",
            "async",
            "await",
            "elif",
            "else",
            "try",
            "except",
            "catch",
            "finally",
            "with",
            "yield",
            "if",
            "for",
            "while",
            "switch",
            "select",
            "insert",
            "update",
            "delete",
            "create",
            "where",
            "join",
            "group",
            "order",
            "set",
            "do",
            "done",
            "fi",
            "then",
            "echo",
            "end");

    @Override
    public String id() {
        return "renlayer-code";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public List<Finding> scan(ScanInput input) {
        String text = input.text();
        List<Finding> findings = new ArrayList<>();
        List<int[]> fenced = fencedBlocks(text);
        for (int[] block : fenced) {
            if (block[2] >= MIN_FENCED_LINES) {
                findings.add(Finding.of("SOURCE_CODE", block[0], block[1], 0.9));
            }
        }
        if (countNewlines(text) >= MIN_BARE_LINES) {
            bareRuns(text, fenced, findings);
        }
        return findings;
    }

    /** {@code [contentStart, contentEnd, nonBlankLines]} of each fenced block; an unclosed one runs to the end. */
    static List<int[]> fencedBlocks(String text) {
        List<int[]> blocks = new ArrayList<>();
        int from = 0;
        while (true) {
            int open = text.indexOf(FENCE, from);
            if (open < 0) {
                return blocks;
            }
            int contentStart = text.indexOf('\n', open);
            if (contentStart < 0) {
                return blocks; // an inline ``` at the very end
            }
            contentStart++;
            int close = text.indexOf("\n" + FENCE, contentStart - 1);
            int contentEnd = close < 0 ? text.length() : close;
            if (contentEnd > contentStart) {
                blocks.add(new int[] {contentStart, contentEnd, nonBlankLines(text, contentStart, contentEnd)});
            }
            if (close < 0) {
                return blocks;
            }
            from = close + 1 + FENCE.length();
        }
    }

    /** Unfenced runs of code-like lines, outside the fenced blocks. */
    private static void bareRuns(String text, List<int[]> fenced, List<Finding> findings) {
        int runStart = -1;
        int runEnd = -1;
        int code = 0;
        int other = 0;
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            String line = text.substring(lineStart, lineEnd);
            boolean inFence = insideAny(fenced, lineStart);
            if (!inFence && !line.isBlank() && codeLike(line) && !line.contains(FENCE)) {
                if (runStart < 0) {
                    runStart = lineStart;
                }
                runEnd = lineEnd;
                code++;
            } else if (!inFence && line.isBlank() && runStart >= 0) {
                // blank lines inside code are part of it
            } else if (runStart >= 0 && !inFence && other < code / 4) {
                other++;
            } else {
                emit(runStart, runEnd, code, findings);
                runStart = -1;
                code = 0;
                other = 0;
            }
            lineStart = lineEnd + 1;
        }
        emit(runStart, runEnd, code, findings);
    }

    /**
     * Whether a line reads as code: cheap character tests (its last and first characters, its
     * indentation, its first word, an assignment), no regular expression, so long prose lines cost
     * one look at their ends.
     */
    static boolean codeLike(String line) {
        int end = line.length();
        while (end > 0 && Character.isWhitespace(line.charAt(end - 1))) {
            end--;
        }
        if (end == 0 || end > MAX_CODE_LINE) {
            return false;
        }
        char last = line.charAt(end - 1);
        if (";{}()[],:".indexOf(last) >= 0) {
            return true;
        }
        int start = 0;
        while (start < end && (line.charAt(start) == ' ' || line.charAt(start) == '\t')) {
            start++;
        }
        char first = line.charAt(start);
        if (")]}".indexOf(first) >= 0
                || line.startsWith("//", start)
                || line.startsWith("/*", start)
                || line.startsWith("--", start)
                || first == '#'
                || first == '*'
                || first == '@') {
            return true;
        }
        if (start >= 4 || (start >= 1 && line.charAt(0) == '\t')) {
            return last != '.';
        }
        int wordEnd = start;
        while (wordEnd < end && !Character.isWhitespace(line.charAt(wordEnd)) && line.charAt(wordEnd) != '(') {
            wordEnd++;
        }
        if (LEADING_WORDS.contains(line.substring(start, wordEnd).toLowerCase(Locale.ROOT))) {
            return last != '.';
        }
        int assign = line.indexOf('=', start);
        return assign > start
                && assign < end - 1
                && line.charAt(assign + 1) != '='
                && line.substring(start, assign).strip().matches("[A-Za-z_$][\\w.$\\[\\]]*\\s*[-+*/%|&]?");
    }

    private static void emit(int start, int end, int codeLines, List<Finding> findings) {
        if (start >= 0 && codeLines >= MIN_BARE_LINES) {
            findings.add(Finding.of("SOURCE_CODE", start, end, 0.7));
        }
    }

    private static boolean insideAny(List<int[]> blocks, int position) {
        for (int[] block : blocks) {
            if (position >= block[0] - FENCE.length() - 1 && position <= block[1] + FENCE.length() + 1) {
                return true;
            }
        }
        return false;
    }

    private static int nonBlankLines(String text, int start, int end) {
        int lines = 0;
        boolean content = false;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                lines += content ? 1 : 0;
                content = false;
            } else if (!Character.isWhitespace(c)) {
                content = true;
            }
        }
        return lines + (content ? 1 : 0);
    }

    private static int countNewlines(String text) {
        int count = 0;
        for (int i = text.indexOf('\n'); i >= 0 && count < MIN_BARE_LINES; i = text.indexOf('\n', i + 1)) {
            count++;
        }
        return count;
    }
}
