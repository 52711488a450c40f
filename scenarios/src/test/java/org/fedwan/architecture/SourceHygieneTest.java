package org.fedwan.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Habits of the source that the compiler does not check: main code names classes through imports,
 * never inline as {@code java.util.Arrays.fill(...)}, and no main source file exceeds
 * {@value #MAX_LINES} lines. A fully qualified name is allowed only where Java needs it: when its
 * simple name is taken in the file by an import or by the file's own type.
 */
class SourceHygieneTest {

    /** The longest main source file the project accepts (issue 12). */
    static final int MAX_LINES = 600;

    private static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> MODULES = List.of("result-tables", "compression", "channel-models", "fl", "sim", "plots",
            "scenarios", "spark");
    private static final Pattern QUALIFIED = Pattern.compile(
            "(?<![\\w.\"])(?:java|javax|org|com)\\.[a-z][a-z0-9_]*(?:\\.[a-z][a-z0-9_]*)*\\.([A-Z]\\w*)");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?[\\w.]+\\.(\\w+)\\s*;", Pattern.MULTILINE);
    private static final Pattern TYPE = Pattern.compile("\\b(?:class|interface|enum|record)\\s+(\\w+)");

    @Test
    void mainCodeUsesImportsNotQualifiedNames() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : mainSources()) {
            found.addAll(qualifiedNames(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
        }
        assertEquals(List.of(), found, "use an import instead of the fully qualified name");
    }

    @Test
    void noMainSourceFileIsLongerThanTheLimit() throws IOException {
        List<String> tooLong = new ArrayList<>();
        for (Path file : mainSources()) {
            long lines = Files.readAllLines(file, StandardCharsets.UTF_8).size();
            if (lines > MAX_LINES) {
                tooLong.add(HOME.relativize(file) + ": " + lines + " lines");
            }
        }
        assertEquals(List.of(), tooLong, "split main source files over " + MAX_LINES + " lines");
    }

    @Test
    void theScanFindsWhatItShouldAndAllowsNameClashes() {
        String src = """
                package a;
                import java.util.List;
                import org.x.FrameOutcome;
                /** {@link java.util.Arrays} in Javadoc is fine. */
                class Demo {
                    // java.util.Map in a comment is fine
                    String s = "java.util.Set in a string is fine";
                    int[] a = java.util.Arrays.copyOf(new int[1], 2);
                    org.y.FrameOutcome o = null;
                    java.util.List<String> l = List.of();
                }
                """;
        List<String> found = qualifiedNames("Demo.java", src);
        assertEquals(2, found.size(), found.toString());
        assertTrue(found.get(0).endsWith("java.util.Arrays"), found.toString());
        assertTrue(found.get(1).endsWith("java.util.List"), found.toString());
    }

    /** Qualified names in the code of {@code src} (comments and strings left out) whose simple name is free. */
    static List<String> qualifiedNames(String name, String src) {
        Set<String> taken = new HashSet<>();
        Matcher imports = IMPORT.matcher(src);
        while (imports.find()) {
            taken.add(imports.group(1));
        }
        String code = stripCommentsAndStrings(src);
        Matcher types = TYPE.matcher(code);
        while (types.find()) {
            taken.add(types.group(1));
        }
        List<String> out = new ArrayList<>();
        String[] lines = code.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("import ") || line.startsWith("package ")) {
                continue;
            }
            Matcher m = QUALIFIED.matcher(line);
            while (m.find()) {
                if (!taken.contains(m.group(1)) || isImportedExactly(src, m.group())) {
                    out.add(name + ":" + (i + 1) + ": " + m.group());
                }
            }
        }
        return out;
    }

    /** A qualified name whose class is itself imported needs no qualification. */
    private static boolean isImportedExactly(String src, String qualified) {
        return src.contains("import " + qualified + ";");
    }

    /** The code with comments and string and character literals blanked, line breaks kept. */
    static String stripCommentsAndStrings(String src) {
        StringBuilder out = new StringBuilder(src.length());
        int i = 0;
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (src.startsWith("\"\"\"", i)) {
                int end = src.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end + 3;
                keepLineBreaks(out, src, i, end);
                i = end;
            } else if (c == '/' && i + 1 < n && src.charAt(i + 1) == '*') {
                int end = src.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                keepLineBreaks(out, src, i, end);
                i = end;
            } else if (c == '/' && i + 1 < n && src.charAt(i + 1) == '/') {
                int end = src.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && src.charAt(j) != c && src.charAt(j) != '\n') {
                    j += src.charAt(j) == '\\' ? 2 : 1;
                }
                out.append(c).append(c);
                i = Math.min(j + 1, n);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static void keepLineBreaks(StringBuilder out, String src, int from, int to) {
        for (int k = from; k < to; k++) {
            if (src.charAt(k) == '\n') {
                out.append('\n');
            }
        }
    }

    private static List<Path> mainSources() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String module : MODULES) {
            Path root = HOME.resolve(module).resolve("src/main/java");
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> s = Files.walk(root)) {
                s.filter(p -> p.toString().endsWith(".java")).sorted().forEach(files::add);
            }
        }
        assertTrue(files.size() > 100, "main sources not found under " + HOME);
        return files;
    }
}
