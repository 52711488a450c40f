package org.fedwan.sim.federation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fedwan.sim.config.InputFiles;

/**
 * When devices are online, from a CSV file of windows, one per line: {@code device,start_s,end_s}
 * (a header line with those names first; {@code device} is {@code dev-N} or {@code N}, the client
 * index from 0). A device the trace names is online only inside its windows (start inclusive, end
 * exclusive, simulated seconds from the start of the run); a device it does not name is always
 * online. With {@code period_s} in the header line's fourth column the windows repeat with that
 * period (e.g. 86400 for a daily pattern); without it they do not.
 */
public final class AvailabilityTrace {

    private final long[][] startsUs;
    private final long[][] endsUs;
    private final long periodUs;

    private AvailabilityTrace(long[][] startsUs, long[][] endsUs, long periodUs) {
        this.startsUs = startsUs;
        this.endsUs = endsUs;
        this.periodUs = periodUs;
    }

    /** A trace under which every device is always online. */
    public static AvailabilityTrace alwaysOnline(int clients) {
        return new AvailabilityTrace(new long[clients][], new long[clients][], 0);
    }

    /**
     * Largest trace read, bytes: 64 MiB is about 3 million windows (a window an hour for 1,000
     * devices over four months) and a few hundred MB of heap once read.
     */
    public static final long MAX_TRACE_BYTES = 64L << 20;

    /**
     * Reads a trace for {@code clients} devices.
     *
     * @throws IllegalArgumentException naming the file, the line and what is allowed, if a line is malformed
     */
    public static AvailabilityTrace read(Path file, int clients) throws IOException {
        // the file is checked (a regular file, at most MAX_TRACE_BYTES, UTF-8) before it is read
        List<String> lines = InputFiles.readText(file, MAX_TRACE_BYTES, "a CSV file 'device,start_s,end_s'").lines().toList();
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file + ": empty; allowed: a header 'device,start_s,end_s' then one window per line");
        }
        String[] header = lines.get(0).trim().split("\\s*,\\s*");
        if (header.length < 3 || !header[0].equals("device") || !header[1].equals("start_s") || !header[2].equals("end_s")
                || (header.length == 4 && !header[3].startsWith("period_s=")) || header.length > 4) {
            // the header is not quoted: this may be any file, not a trace
            throw new IllegalArgumentException(file + ":1: not the header of a trace; allowed: 'device,start_s,end_s' "
                    + "optionally followed by ',period_s=SECONDS'");
        }
        long periodUs = 0;
        if (header.length == 4) {
            double p = number(file, 1, "period_s", header[3].substring("period_s=".length()));
            if (!(p > 0)) {
                throw new IllegalArgumentException(file + ":1: period_s = " + header[3] + "; allowed: a number of seconds > 0");
            }
            periodUs = Math.round(p * 1e6);
        }
        List<List<long[]>> windows = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            windows.add(null);
        }
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s*,\\s*");
            if (f.length != 3) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": '" + line + "' has " + f.length
                        + " fields; allowed: device,start_s,end_s");
            }
            int c = device(file, i + 1, f[0], clients);
            double start = number(file, i + 1, "start_s", f[1]);
            double end = number(file, i + 1, "end_s", f[2]);
            if (!(start >= 0 && end > start) || (periodUs > 0 && end * 1e6 > periodUs)) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": window " + f[1] + " .. " + f[2]
                        + "; allowed: 0 <= start_s < end_s" + (periodUs > 0 ? " <= period_s" : ""));
            }
            if (windows.get(c) == null) {
                windows.set(c, new ArrayList<>());
            }
            windows.get(c).add(new long[] {Math.round(start * 1e6), Math.round(end * 1e6)});
        }
        long[][] starts = new long[clients][];
        long[][] ends = new long[clients][];
        for (int c = 0; c < clients; c++) {
            List<long[]> w = windows.get(c);
            if (w == null) {
                continue;
            }
            w.sort((a, b) -> Long.compare(a[0], b[0]));
            starts[c] = w.stream().mapToLong(x -> x[0]).toArray();
            ends[c] = w.stream().mapToLong(x -> x[1]).toArray();
        }
        return new AvailabilityTrace(starts, ends, periodUs);
    }

    /** Whether client {@code c} is online at engine time {@code us}. */
    public boolean online(int c, long us) {
        if (startsUs[c] == null) {
            return true;
        }
        long t = periodUs > 0 ? us % periodUs : us;
        int i = Arrays.binarySearch(startsUs[c], t);
        int last = i >= 0 ? i : -i - 2;
        // windows may overlap: look back over every window that starts at or before t
        for (int k = last; k >= 0; k--) {
            if (t < endsUs[c][k]) {
                return true;
            }
        }
        return false;
    }

    private static int device(Path file, int line, String text, int clients) {
        String digits = text.startsWith("dev-") ? text.substring(4) : text;
        try {
            int c = Integer.parseInt(digits);
            if (c >= 0 && c < clients) {
                return c;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(file + ":" + line + ": device '" + text + "'; allowed: dev-N or N with N from 0 to "
                + (clients - 1));
    }

    private static double number(Path file, int line, String column, String text) {
        try {
            double v = Double.parseDouble(text);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(file + ":" + line + ": " + column + " = '" + text + "'; allowed: a number of seconds");
    }
}
