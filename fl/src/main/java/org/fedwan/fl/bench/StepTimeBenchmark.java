package org.fedwan.fl.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.fedwan.fl.data.DatasetCatalog;
import org.fedwan.fl.data.ImageDataset;
import org.fedwan.fl.model.ModelDefinition;
import org.fedwan.fl.model.ModelZoo;
import org.fedwan.fl.model.SeedModels;
import org.fedwan.fl.train.LocalTrainer;
import org.fedwan.fl.train.OptimizerState;
import org.fedwan.fl.train.TrainResult;
import org.fedwan.fl.train.TrainingSettings;
import org.nd4j.linalg.factory.Nd4j;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Training step time of our trainer against PyTorch on the CPU, measured in the same run (not a
 * test: wall-clock figures depend on the machine and its load, the ratio is what to compare).
 *
 * <p>Cases: {@code cnn6-cifar} at batch 64 and {@code mlp-mnist-qrr} at batch 512. One step is
 * forward, backward and a plain SGD update (lr 0.01) of one mini-batch; ours also assembles the
 * batch from unsigned bytes, as in real training. Each repetition times {@value #STEPS} steps;
 * after {@value #WARM_UP} warm-up repetitions (ND4J reaches its steady speed only after some 60
 * steps: JIT, native allocation caches) the median over {@code repetitions} is reported.
 * PyTorch runs the same architectures (padding 1, 2x2 max pooling, cross-entropy) in a Python
 * script written to a temporary file and started with the first interpreter, among
 * {@code --python PATH}, {@code python3} and {@code /usr/bin/python3}, that can import
 * {@code torch} (Debian's {@code python3-torch}); without one it prints "PyTorch not available".
 *
 * <p>Both sides use the same number of threads: ND4J's (set by {@code OMP_NUM_THREADS}, which the
 * {@code fedwan} launcher and the tests set to 1), passed to PyTorch as {@code torch.set_num_threads}
 * and {@code OMP_NUM_THREADS}. Run from the project root with
 * <pre>
 * mvn -B -q -o -pl fl package -DskipTests dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
 * OMP_NUM_THREADS=1 java -cp fl/target/classes:$(cat fl/target/classpath.txt) org.fedwan.fl.bench.StepTimeBenchmark
 * </pre>
 */
public final class StepTimeBenchmark {

    static final int STEPS = 10;
    static final int WARM_UP = 10;
    /** Measured repetitions of {@code ./fedwan bench step-time}. */
    public static final int DEFAULT_REPETITIONS = 9;
    /** The goal of issue 6: our step time at most this multiple of PyTorch's. */
    static final double GOAL_RATIO = 1.5;

    /** One benchmark case. */
    record Case(String model, int batch) {
    }

    static final List<Case> CASES = List.of(new Case(SeedModels.CNN6_CIFAR, 64), new Case(SeedModels.MLP_MNIST_QRR, 512));

    static final String SCRIPT = """
            import sys, time, statistics
            import torch, torch.nn as nn, torch.nn.functional as F
            threads, steps, warm, reps = (int(a) for a in sys.argv[1:5])
            torch.set_num_threads(threads)
            torch.manual_seed(0)
            class Cnn6(nn.Module):
                def __init__(self):
                    super().__init__()
                    self.convs = nn.ModuleList([nn.Conv2d(i, o, 3, padding=1) for i, o in ((3, 16), (16, 32), (32, 64), (64, 128))])
                    self.fc1 = nn.Linear(512, 256)
                    self.fc2 = nn.Linear(256, 10)
                def forward(self, x):
                    for c in self.convs:
                        x = F.max_pool2d(F.relu(c(x)), 2)
                    return self.fc2(F.relu(self.fc1(x.flatten(1))))
            models = {
                'cnn6-cifar': (Cnn6, (3, 32, 32)),
                'mlp-mnist-qrr': (lambda: nn.Sequential(nn.Flatten(), nn.Linear(784, 200), nn.ReLU(), nn.Linear(200, 10)), (1, 28, 28)),
            }
            for arg in sys.argv[5:]:
                name, batch = arg.split(':')
                batch = int(batch)
                factory, shape = models[name]
                model = factory()
                opt = torch.optim.SGD(model.parameters(), lr=0.01)
                x = torch.rand(batch, *shape)
                y = torch.randint(0, 10, (batch,))
                times = []
                for r in range(warm + reps):
                    t0 = time.perf_counter()
                    for s in range(steps):
                        opt.zero_grad()
                        F.cross_entropy(model(x), y).backward()
                        opt.step()
                    if r >= warm:
                        times.append((time.perf_counter() - t0) / steps * 1000)
                print(name, batch, statistics.median(times), flush=True)
            """;

    private StepTimeBenchmark() {
    }

    /**
     * One case's figures.
     *
     * @param model     architecture
     * @param batch     mini-batch size
     * @param fedwanMs  our median step time, ms
     * @param pytorchMs PyTorch's median step time, ms, or NaN without PyTorch
     */
    public record Row(String model, int batch, double fedwanMs, double pytorchMs) {

        /** @return our step time over PyTorch's (NaN without PyTorch) */
        public double ratio() {
            return fedwanMs / pytorchMs;
        }

        /** @return whether {@link #ratio()} is within {@link #GOAL_RATIO} (false without PyTorch) */
        public boolean goalMet() {
            return ratio() <= GOAL_RATIO;
        }
    }

    /**
     * The figures {@code ./fedwan bench step-time} prints.
     *
     * @param threads     ND4J's threads, also given to PyTorch
     * @param steps       SGD steps per repetition
     * @param repetitions measured repetitions
     * @param warmUp      warm-up repetitions
     * @param pytorch     the interpreter that ran PyTorch, or null when none could import torch
     * @param rows        one per case
     */
    public record Report(int threads, int steps, int repetitions, int warmUp, String pytorch, List<Row> rows) {

        public Report {
            rows = List.copyOf(rows);
        }

        /** @return the goal of issue 6 on the ratio */
        public double goalRatio() {
            return GOAL_RATIO;
        }
    }

    /**
     * Times every case, ours then PyTorch's; progress lines (the threads, PyTorch's interpreter) go to {@code progress}.
     *
     * @param repetitions measured repetitions
     * @param python      a Python interpreter to try first, or null
     * @param progress    where to print progress
     * @return the figures
     */
    public static Report measure(int repetitions, String python, PrintStream progress) throws IOException, InterruptedException {
        int threads = Nd4j.getEnvironment().maxThreads();
        progress.printf(Locale.ROOT, "threads: %d (ND4J; OMP_NUM_THREADS=%s), %d steps per repetition, median of %d "
                + "repetitions after %d warm-up%n", threads, System.getenv("OMP_NUM_THREADS"), STEPS, repetitions, WARM_UP);
        Map<Case, Double> ours = new HashMap<>();
        for (Case c : CASES) {
            ours.put(c, ourStepMs(c, repetitions));
        }
        String[] used = new String[1];
        Map<String, Double> torch = pytorchStepMs(python, threads, repetitions, progress, used);
        List<Row> rows = new ArrayList<>();
        for (Case c : CASES) {
            Double t = torch == null ? null : torch.get(c.model() + ":" + c.batch());
            rows.add(new Row(c.model(), c.batch(), ours.get(c), t == null ? Double.NaN : t));
        }
        return new Report(threads, STEPS, repetitions, WARM_UP, torch == null ? null : used[0], rows);
    }

    /**
     * Prints the table of {@code report}.
     *
     * @param report the figures of {@link #measure}
     * @param out    where to print
     */
    public static void print(Report report, PrintStream out) {
        out.println();
        out.println("| model | batch | FedWAN step (ms) | PyTorch step (ms) | FedWAN / PyTorch | goal <= " + GOAL_RATIO + " |");
        out.println("|---|---:|---:|---:|---:|---|");
        for (Row r : report.rows()) {
            boolean none = Double.isNaN(r.pytorchMs());
            out.printf(Locale.ROOT, "| %s | %d | %.2f | %s | %s | %s |%n", r.model(), r.batch(), r.fedwanMs(),
                    none ? "n/a" : String.format(Locale.ROOT, "%.2f", r.pytorchMs()),
                    none ? "n/a" : String.format(Locale.ROOT, "%.2f", r.ratio()),
                    none ? "n/a" : (r.goalMet() ? "met" : "not met"));
        }
        if (report.pytorch() == null) {
            out.println("PyTorch not available");
        }
    }

    /** Parses {@code --repetitions N} and {@code --python PATH}, measures and prints to standard output. */
    public static void main(String[] args) throws IOException, InterruptedException {
        int repetitions = DEFAULT_REPETITIONS;
        String python = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--repetitions" -> repetitions = Integer.parseInt(args[++i]);
                case "--python" -> python = args[++i];
                default -> throw new IllegalArgumentException("unknown argument '" + args[i]
                        + "'; allowed: --repetitions N, --python PATH");
            }
        }
        print(measure(repetitions, python, System.out), System.out);
    }

    /** Median milliseconds per SGD step of our trainer. */
    static double ourStepMs(Case c, int repetitions) {
        ModelDefinition model = ModelZoo.create(c.model());
        int[] s = model.inputShape();
        ImageDataset data = DatasetCatalog.synthetic(c.batch(), 1, s[0], s[1], 1).train();
        LocalTrainer trainer = new LocalTrainer(model);
        float[][] w = model.initialWeights(1);
        int[] all = IntStream.range(0, c.batch()).toArray();
        TrainingSettings settings = TrainingSettings.steps(STEPS, c.batch(), 0.01);
        double[] times = new double[repetitions];
        for (int r = 0; r < WARM_UP + repetitions; r++) {
            long t0 = System.nanoTime();
            TrainResult result = trainer.train(w, null, OptimizerState.NONE, data, all, settings, r);
            double ms = (System.nanoTime() - t0) / 1e6 / result.steps();
            if (r >= WARM_UP) {
                times[r - WARM_UP] = ms;
            }
        }
        return median(times);
    }

    /** PyTorch's median step times by "model:batch", or {@code null} if no interpreter can import torch. */
    static Map<String, Double> pytorchStepMs(String python, int threads, int repetitions, PrintStream progress, String[] used)
            throws IOException, InterruptedException {
        List<String> candidates = new ArrayList<>();
        if (python != null) {
            candidates.add(python);
        }
        candidates.add("python3");
        candidates.add("/usr/bin/python3");
        Path script = Files.createTempFile("fedwan-torch-bench-", ".py");
        try {
            Files.writeString(script, SCRIPT, StandardCharsets.UTF_8);
            for (String p : candidates) {
                if (!importsTorch(p)) {
                    continue;
                }
                List<String> command = new ArrayList<>(List.of(p, script.toString(), Integer.toString(threads),
                        Integer.toString(STEPS), Integer.toString(WARM_UP), Integer.toString(repetitions)));
                for (Case c : CASES) {
                    command.add(c.model() + ":" + c.batch());
                }
                ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
                pb.environment().put("OMP_NUM_THREADS", Integer.toString(threads));
                Process proc = pb.start();
                String out;
                try (InputStream in = proc.getInputStream()) {
                    out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                if (proc.waitFor() != 0) {
                    progress.println(p + " failed: " + out.strip());
                    return null;
                }
                progress.println("PyTorch via " + p);
                used[0] = p;
                Map<String, Double> result = new HashMap<>();
                for (String line : out.strip().split("\n")) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length == 3) {
                        result.put(f[0] + ":" + f[1], Double.parseDouble(f[2]));
                    }
                }
                return result;
            }
            return null;
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private static boolean importsTorch(String python) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(python, "-c", "import torch").redirectErrorStream(true).start();
            p.getInputStream().transferTo(OutputStream.nullOutputStream());
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
