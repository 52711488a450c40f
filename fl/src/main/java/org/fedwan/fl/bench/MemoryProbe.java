package org.fedwan.fl.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The process's memory at one instant: what {@code fedwan bench memory} prints after every round
 * and what the native-memory tests compare.
 *
 * <ul>
 * <li><b>Resident set</b> ({@code VmRSS}) and its peak ({@code VmHWM}), in bytes, from Linux's
 *     {@code /proc/self/status} (proc(5), "VmRSS: resident set size", "VmHWM: peak resident set
 *     size", given in kB = 1024 bytes); -1 where the file does not exist (not Linux). The peak is
 *     the figure {@code /usr/bin/time -v} reports as "Maximum resident set size".</li>
 * <li><b>ND4J native bytes</b>: the bytes of ND4J arrays currently allocated by libnd4j on the
 *     CPU, from libnd4j's allocation counter ({@code Nd4j.getEnvironment().getDeviceCouner(0)},
 *     sic, ND4J 1.0.0-M2.1: {@code sd::memory::MemoryCounter}, raised by every data buffer
 *     allocation and lowered when the buffer is freed, whether by {@code close()} or by the
 *     garbage collector's deallocator thread).</li>
 * <li><b>JavaCPP bytes</b>: memory allocated through JavaCPP pointers that JavaCPP counts
 *     ({@code Pointer.totalBytes()}), the figure its {@code maxbytes} limit applies to. ND4J
 *     1.0.0-M2.1 allocates its arrays in libnd4j, outside this count.</li>
 * <li><b>Java heap</b> in use ({@code Runtime.totalMemory() - Runtime.freeMemory()}) and committed
 *     ({@code Runtime.totalMemory()}: the part of the heap the JVM has taken from the system), bytes.</li>
 * </ul>
 *
 * @param residentBytes     resident set size, bytes (-1: unknown)
 * @param peakResidentBytes peak resident set size since the process started, bytes (-1: unknown)
 * @param nd4jNativeBytes   bytes of live ND4J arrays in native memory
 * @param javacppBytes      bytes JavaCPP counts as allocated through its pointers
 * @param heapUsedBytes      Java heap in use, bytes
 * @param heapCommittedBytes Java heap committed, bytes
 */
public record MemoryProbe(long residentBytes, long peakResidentBytes, long nd4jNativeBytes, long javacppBytes,
        long heapUsedBytes, long heapCommittedBytes) {

    private static final Path STATUS = Path.of("/proc/self/status");
    /** proc(5) gives VmRSS and VmHWM in kB of 1024 bytes. */
    private static final long KIB = 1024;

    /** The memory now. */
    public static MemoryProbe now() {
        long rss = -1;
        long hwm = -1;
        if (Files.isReadable(STATUS)) {
            try {
                for (String line : Files.readAllLines(STATUS)) {
                    if (line.startsWith("VmRSS:")) {
                        rss = kibibytes(line) * KIB;
                    } else if (line.startsWith("VmHWM:")) {
                        hwm = kibibytes(line) * KIB;
                    }
                }
            } catch (IOException e) {
                rss = -1;
                hwm = -1;
            }
        }
        Runtime r = Runtime.getRuntime();
        long committed = r.totalMemory();
        return new MemoryProbe(rss, hwm, liveNd4jBytes(), Pointer.totalBytes(), committed - r.freeMemory(), committed);
    }

    /** Bytes of live ND4J arrays in native memory (libnd4j's counter for the CPU). */
    public static long liveNd4jBytes() {
        return Nd4j.getEnvironment().getDeviceCouner(0);
    }

    /** The number of a {@code /proc/self/status} line such as {@code "VmRSS:\t  123456 kB"}. */
    static long kibibytes(String line) {
        String digits = line.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? -1 : Long.parseLong(digits);
    }
}
