package org.fedwan.scenarios.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fedwan.scenarios.ScenarioException;
import org.fedwan.scenarios.ScenarioLoader;
import org.fedwan.scenarios.cli.FedwanCli;
import org.fedwan.scenarios.sweep.SweepSpec;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * The {@code ./fedwan} command lines of a markdown file, checked against the real command line and
 * the files they name (issue 15: docs that cannot rot).
 *
 * <ul>
 *   <li>Runnable commands: the lines of fenced blocks whose info string starts with {@code bash}
 *   (continuation lines joined), and {@code $ ./fedwan} lines of {@code console} blocks. Each is
 *   split into words as a shell would (quotes, escapes; {@code $VAR}, {@code ${...}} and
 *   {@code $(...)} stand for the value {@code 1}), parsed with {@link FedwanCli#commandLine()}
 *   (unknown commands and options, missing or malformed values fail), and every {@code .yaml}
 *   word without a variable is loaded: a study with {@link SweepSpec#load} when it is the study of
 *   {@code sweep} or {@code budget}, otherwise a scenario with {@link ScenarioLoader#load}. A file
 *   is looked up in the FedWAN folder, or else among the files the same markdown writes with
 *   {@code cat > FILE <<'EOF'}.</li>
 *   <li>Synopses: {@code ./fedwan} lines of other fenced blocks and inline code spans that start
 *   with {@code ./fedwan}: the command named must exist and every {@code --option} written must be
 *   one of its options (placeholders such as {@code SCENARIO} are not parsed).</li>
 * </ul>
 */
final class DocCommands {

    /** A fenced block: the line of its opening fence (1-based), its info string and its lines. */
    record Block(int fenceLine, String info, List<String> lines) {
    }

    /** A shell word and whether it holds a parameter expansion. */
    record Word(String text, boolean variable) {
    }

    private static final Pattern HEREDOC = Pattern.compile("cat\\s*>\\s*(\\S+)\\s*<<-?\\s*['\"]?(\\w+)['\"]?\\s*$");
    private static final Pattern INLINE = Pattern.compile("`(\\./fedwan [^`]*)`");
    private static final String OPERATORS = "|&;<>()";

    private final Path home;

    /** @param home the FedWAN folder: commands run there, and files they name are relative to it */
    DocCommands(Path home) {
        this.home = home;
    }

    /** The fenced blocks of a markdown text; an unclosed block runs to the end. */
    static List<Block> blocks(List<String> lines) {
        List<Block> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (!l.startsWith("```")) {
                continue;
            }
            int start = i;
            List<String> body = new ArrayList<>();
            for (i++; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
                body.add(lines.get(i));
            }
            out.add(new Block(start + 1, l.substring(3).strip(), body));
        }
        return out;
    }

    /** Whether a block's commands are meant to be run: info string {@code bash} or {@code bash TAG}. */
    static boolean runnable(Block b) {
        return b.info().equals("bash") || b.info().startsWith("bash ");
    }

    /**
     * The logical lines of a runnable block, heredoc bodies left out: line number in the file to
     * text, continuation lines ({@code \} at the end) joined with a space.
     */
    static Map<Integer, String> logicalLines(Block b) {
        Map<Integer, String> out = new LinkedHashMap<>();
        List<String> ls = b.lines();
        for (int i = 0; i < ls.size(); i++) {
            int line = b.fenceLine() + 1 + i;
            StringBuilder sb = new StringBuilder();
            String l = ls.get(i);
            while (l.endsWith("\\") && i + 1 < ls.size()) {
                sb.append(l, 0, l.length() - 1).append(' ');
                l = ls.get(++i);
            }
            sb.append(l);
            String text = sb.toString();
            if (b.info().equals("console")) {
                if (!text.startsWith("$ ")) {
                    continue;
                }
                text = text.substring(2);
            }
            out.put(line, text);
            Matcher h = HEREDOC.matcher(text);
            if (h.find()) {
                while (i + 1 < ls.size() && !ls.get(i + 1).equals(h.group(2))) {
                    i++;
                }
                i++;
            }
        }
        return out;
    }

    /** The files a markdown writes with {@code cat > FILE <<'EOF'} in runnable blocks, by name. */
    static Map<String, String> heredocs(List<Block> blocks) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Block b : blocks) {
            if (!runnable(b)) {
                continue;
            }
            List<String> ls = b.lines();
            for (int i = 0; i < ls.size(); i++) {
                Matcher h = HEREDOC.matcher(ls.get(i));
                if (!h.find()) {
                    continue;
                }
                StringBuilder body = new StringBuilder();
                for (i++; i < ls.size() && !ls.get(i).equals(h.group(2)); i++) {
                    body.append(ls.get(i)).append('\n');
                }
                out.put(h.group(1), body.toString());
            }
        }
        return out;
    }

    /**
     * Splits a command line into words and operators as a shell does: quotes and backslashes
     * kept out of the words, parameter expansions replaced by {@code 1}, a {@code #} starting a
     * word ends the line, each of {@code | & ; < > ( )} outside quotes is a word of its own.
     */
    static List<Word> words(String line) {
        List<Word> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean inWord = false;
        boolean variable = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                end = end < 0 ? line.length() : end;
                w.append(line, i + 1, end);
                inWord = true;
                i = end + 1;
            } else if (c == '"') {
                i++;
                while (i < line.length() && line.charAt(i) != '"') {
                    if (line.charAt(i) == '$') {
                        i = skipExpansion(line, i);
                        w.append('1');
                        variable = true;
                    } else {
                        if (line.charAt(i) == '\\' && i + 1 < line.length()) {
                            i++;
                        }
                        w.append(line.charAt(i++));
                    }
                }
                inWord = true;
                i++;
            } else if (c == '\\' && i + 1 < line.length()) {
                w.append(line.charAt(i + 1));
                inWord = true;
                i += 2;
            } else if (c == '$' && i + 1 < line.length() && expansionStart(line.charAt(i + 1))) {
                i = skipExpansion(line, i);
                w.append('1');
                inWord = true;
                variable = true;
            } else if (Character.isWhitespace(c) || OPERATORS.indexOf(c) >= 0) {
                if (inWord) {
                    out.add(new Word(w.toString(), variable));
                }
                w.setLength(0);
                inWord = false;
                variable = false;
                if (!Character.isWhitespace(c)) {
                    out.add(new Word(String.valueOf(c), false));
                }
                i++;
            } else if (c == '#' && !inWord) {
                break;
            } else {
                w.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) {
            out.add(new Word(w.toString(), variable));
        }
        return out;
    }

    /** Whether {@code $} followed by {@code c} starts an expansion: a name, {@code ${...}} or {@code $(...)}. */
    private static boolean expansionStart(char c) {
        return c == '(' || c == '{' || c == '_' || Character.isLetter(c);
    }

    /** The index after a parameter expansion or command substitution starting at {@code i} ({@code $}). */
    private static int skipExpansion(String s, int i) {
        char open = i + 1 < s.length() ? s.charAt(i + 1) : ' ';
        if (open == '(' || open == '{') {
            char close = open == '(' ? ')' : '}';
            int depth = 0;
            for (int j = i + 1; j < s.length(); j++) {
                if (s.charAt(j) == open) {
                    depth++;
                } else if (s.charAt(j) == close && --depth == 0) {
                    return j + 1;
                }
            }
            return s.length();
        }
        int j = i + 1;
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
            j++;
        }
        return j;
    }

    /** The arguments of the {@code ./fedwan} call in a line (up to the next operator), or null if none. */
    static List<Word> fedwanArgs(List<Word> words) {
        for (int i = 0; i < words.size(); i++) {
            if (words.get(i).text().equals("./fedwan") && !words.get(i).variable()) {
                List<Word> args = new ArrayList<>();
                for (int j = i + 1; j < words.size(); j++) {
                    String t = words.get(j).text();
                    if (t.length() == 1 && OPERATORS.contains(t)) {
                        break;
                    }
                    args.add(words.get(j));
                }
                return args;
            }
        }
        return null;
    }

    /** Every problem of a markdown file's commands, one line each naming the file and line; empty if none. */
    List<String> problems(Path markdown) throws IOException {
        List<String> lines = Files.readAllLines(markdown);
        List<Block> blocks = blocks(lines);
        Map<String, String> written = heredocs(blocks);
        String where = home.relativize(markdown.toAbsolutePath().normalize()).toString();
        List<String> problems = new ArrayList<>();
        for (Block b : blocks) {
            if (runnable(b) || b.info().equals("console")) {
                for (Map.Entry<Integer, String> e : logicalLines(b).entrySet()) {
                    List<Word> args = fedwanArgs(words(e.getValue()));
                    if (args != null) {
                        check(where + ":" + e.getKey(), args, written, problems);
                    }
                }
            } else {
                for (int i = 0; i < b.lines().size(); i++) {
                    String l = b.lines().get(i).strip();
                    if (l.startsWith("./fedwan ")) {
                        synopsis(where + ":" + (b.fenceLine() + 1 + i), l, problems);
                    }
                }
            }
        }
        boolean inFence = false;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("```")) {
                inFence = !inFence;
                continue;
            }
            if (!inFence) {
                Matcher m = INLINE.matcher(lines.get(i));
                while (m.find()) {
                    synopsis(where + ":" + (i + 1), m.group(1), problems);
                }
            }
        }
        return problems;
    }

    /** Parses a runnable command with the real command line and loads the files it names. */
    private void check(String where, List<Word> args, Map<String, String> written, List<String> problems) {
        String shown = "./fedwan " + String.join(" ", args.stream().map(Word::text).toList());
        ParseResult parsed;
        try {
            parsed = FedwanCli.commandLine().parseArgs(args.stream().map(Word::text).toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            problems.add(where + ": `" + shown + "`: " + e.getMessage());
            return;
        }
        String command = parsed.hasSubcommand() ? parsed.subcommand().commandSpec().name() : "";
        List<String> positional = parsed.hasSubcommand()
                ? parsed.subcommand().matchedPositionals().stream().map(p -> String.valueOf((Object) p.getValue())).toList()
                : List.of();
        for (Word w : args) {
            if (w.variable() || !w.text().matches(".*\\.ya?ml")) {
                continue;
            }
            boolean study = (command.equals("sweep") || command.equals("budget")) && positional.contains(w.text());
            try {
                load(w.text(), study, written);
            } catch (ScenarioException e) {
                problems.add(where + ": `" + shown + "`: " + String.join("; ", e.problems()));
            } catch (IOException e) {
                problems.add(where + ": `" + shown + "`: " + w.text() + ": " + e);
            }
        }
    }

    /** Loads a scenario or study named by a command, from the FedWAN folder or the files the markdown writes. */
    private void load(String name, boolean study, Map<String, String> written) throws ScenarioException, IOException {
        Path file = home.resolve(name);
        Path tmp = null;
        if (!Files.exists(file) && written.containsKey(name)) {
            tmp = Files.createTempDirectory("fedwan-doc-");
            Files.createSymbolicLink(tmp.resolve("scenarios"), home.resolve("scenarios"));
            for (Map.Entry<String, String> e : written.entrySet()) {
                Path f = tmp.resolve(e.getKey());
                Files.createDirectories(f.getParent());
                Files.writeString(f, e.getValue());
            }
            file = tmp.resolve(name);
        }
        try {
            if (study) {
                SweepSpec.load(file, home.resolve("data"));
            } else {
                ScenarioLoader.load(file, home.resolve("data"));
            }
        } finally {
            if (tmp != null) {
                try (var s = Files.walk(tmp)) {
                    for (Path p : s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        }
    }

    /** Checks a synopsis: its command exists and every option written is one of the command's. */
    private static void synopsis(String where, String line, List<String> problems) {
        CommandSpec spec = FedwanCli.commandLine().getCommandSpec();
        boolean commandSeen = false;
        for (String raw : line.substring("./fedwan".length()).trim().split("\\s+")) {
            String t = raw.replaceAll("[\\[\\]…]", "");
            if (t.isEmpty() || t.equals("|") || t.equals("--")) {
                continue;
            }
            if (t.startsWith("-") && t.length() > 1 && !Character.isDigit(t.charAt(1))) {
                String name = t.contains("=") ? t.substring(0, t.indexOf('=')) : t;
                if (spec.findOption(name) == null) {
                    problems.add(where + ": `" + line + "`: " + (spec.name().equals("fedwan") ? "fedwan" : "fedwan " + spec.name())
                            + " has no option " + name);
                }
            } else if (!commandSeen && spec.name().equals("fedwan")) {
                commandSeen = true;
                if (t.matches("[a-z][a-z-]*")) {
                    CommandLine sub = spec.subcommands().get(t);
                    if (sub == null) {
                        problems.add(where + ": `" + line + "`: no command " + t);
                        return;
                    }
                    spec = sub.getCommandSpec();
                }
            }
        }
    }
}
