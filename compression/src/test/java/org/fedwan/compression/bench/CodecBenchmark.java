package org.fedwan.compression.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.fedwan.compression.LayerSpec;
import org.fedwan.compression.ModelLayout;
import org.fedwan.compression.TensorSpec;
import org.fedwan.compression.scheme.ClientEncoder;
import org.fedwan.compression.scheme.Compression;
import org.fedwan.compression.scheme.DecodedUpdate;
import org.fedwan.compression.scheme.RoundInput;
import org.fedwan.compression.scheme.Scheme;
import org.fedwan.compression.scheme.ServerDecoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Encode and decode throughput of every scheme on one layer of 2^20 floats, through the scheme
 * API the simulator uses (CRC-32 included), next to a plain copy of the same float array in the
 * same run. Not a unit test: run it with the command in the module README ("Benchmarks"); {@link #main}
 * prints a table of MB/s of input floats (4 bytes each, 1 MB = 10^6 bytes) and the ratio to the copy.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CodecBenchmark {

    /** Values per layer. */
    public static final int VALUES = 1 << 20;

    @Param({"fp32", "fp16", "int8", "int4", "sign", "topk", "qsgd", "octav", "flq-kbit", "flq-weights", "quantfl-bu",
            "quantfl-bq", "laq", "qrr"})
    public String codec;

    private float[] values;
    private float[] copyTarget;
    private float[][] input;
    private Scheme scheme;
    private ClientEncoder encoder;
    private ServerDecoder decoder;
    private byte[] message;
    private int round;

    @Setup(Level.Trial)
    public void setUp() {
        // QRR decomposes matrices: give it a 4096 x 256 matrix (2^20 values) instead of a vector
        int[] shape = codec.equals("qrr") ? new int[] {4096, 256} : new int[] {VALUES};
        ModelLayout layout = new ModelLayout(List.of(new LayerSpec("layer", List.of(new TensorSpec("layer.weight", shape)))));
        scheme = Compression.uplink(codec, layout, Map.of());
        SplittableRandom rnd = new SplittableRandom(1);
        values = new float[VALUES];
        for (int i = 0; i < VALUES; i++) {
            values[i] = (float) (rnd.nextGaussian() * 0.05);
        }
        copyTarget = new float[VALUES];
        input = new float[][] {values};
        encoder = scheme.newClient(0, new SplittableRandom(2));
        decoder = scheme.newServer();
        message = encoder.encode(RoundInput.of(0, input)).message();
        decoder.decode(0, 0, message);
        // stateful schemes: later messages carry no codebook (QuantFL) and code innovations (LAQ, QRR)
        round = 1;
        message = encoder.encode(RoundInput.of(round, input)).message();
    }

    @Benchmark
    public byte[] encode() {
        // the same round again: stateless schemes do not care; QuantFL reuses its codebook; LAQ codes a zero innovation
        return encoder.encode(RoundInput.of(round, input)).message();
    }

    @Benchmark
    public DecodedUpdate decode() {
        return decoder.decode(0, round, message);
    }

    /** Baseline: a plain copy of the layer's floats. */
    @Benchmark
    public float[] copy() {
        System.arraycopy(values, 0, copyTarget, 0, VALUES);
        return copyTarget;
    }

    /**
     * Runs all benchmarks (fork 1, 3 warm-up and 5 measurement iterations of 1 s) and prints MB/s of
     * input floats per codec for encode and decode (median of the iterations), with the ratio to the
     * copy baseline of the same run (median over its forks, one per codec).
     * Arguments, if any, restrict the codecs (e.g. {@code int8 int4 sign}).
     */
    public static void main(String[] args) throws Exception {
        OptionsBuilder ob = new OptionsBuilder();
        ob.include(CodecBenchmark.class.getSimpleName());
        if (args.length > 0) {
            ob.param("codec", args);
        }
        Options opt = ob.build();
        Collection<RunResult> results = new Runner(opt).run();
        Map<String, double[]> table = new LinkedHashMap<>();
        List<Double> copies = new ArrayList<>();
        for (RunResult r : results) {
            String label = r.getParams().getBenchmark();
            String method = label.substring(label.lastIndexOf('.') + 1);
            double opsPerSecond = median(r);
            double mbPerSecond = opsPerSecond * VALUES * 4 / 1e6;
            if (method.equals("copy")) {
                copies.add(mbPerSecond);
                continue;
            }
            String codec = r.getParams().getParam("codec");
            table.computeIfAbsent(codec, c -> new double[2])[method.equals("encode") ? 0 : 1] = mbPerSecond;
        }
        copies.sort(Double::compare);
        int m = copies.size();
        double copy = m % 2 == 1 ? copies.get(m / 2) : (copies.get(m / 2 - 1) + copies.get(m / 2)) / 2;
        System.out.println();
        System.out.printf(Locale.ROOT, "%-12s %14s %14s %10s %10s%n", "codec", "encode MB/s", "decode MB/s", "enc/copy", "dec/copy");
        System.out.printf(Locale.ROOT, "%-12s %14.0f %14.0f %10s %10s%n", "array copy", copy, copy, "1", "1");
        for (Map.Entry<String, double[]> e : table.entrySet()) {
            double[] v = e.getValue();
            System.out.printf(Locale.ROOT, "%-12s %14.1f %14.1f %10.4f %10.4f%n", e.getKey(), v[0], v[1], v[0] / copy, v[1] / copy);
        }
    }

    /** Median of the measurement iterations (robust on a shared machine). */
    static double median(RunResult r) {
        List<Double> xs = new ArrayList<>();
        r.getBenchmarkResults().forEach(br -> br.getIterationResults().forEach(ir -> xs.add(ir.getPrimaryResult().getScore())));
        xs.sort(Double::compare);
        int n = xs.size();
        return n % 2 == 1 ? xs.get(n / 2) : (xs.get(n / 2 - 1) + xs.get(n / 2)) / 2;
    }
}
