package org.fedwan.scenarios.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fedwan.fl.model.ModelDefinition;
import org.fedwan.fl.model.ModelZoo;
import org.fedwan.fl.train.TrainerPool;
import org.fedwan.fl.train.TrainingSettings;
import org.fedwan.plots.RunFigures;
import org.fedwan.sim.federation.FederatedSimulation;
import org.fedwan.sim.federation.RunConfig;
import org.fedwan.sim.federation.RunSummary;
import org.fedwan.sim.results.RunListener;

/** Runs one resolved scenario and writes its result folder. */
public final class ScenarioRunner {

    private ScenarioRunner() {
    }

    /** What a finished run wrote. */
    public record Outcome(RunSummary summary, Path outDir, List<Path> figures, double wallTimeS) {
    }

    /**
     * @param config   the resolved scenario
     * @param outDir   result folder (created)
     * @param threads  trainer threads (results do not depend on it)
     * @param figures  whether to render figures
     * @param progress where the progress bar goes, or {@code null} for none
     * @param inPlace  redraw the bar in place (terminal) rather than a line per round
     */
    public static Outcome run(RunConfig config, Path outDir, int threads, boolean figures, PrintStream progress,
            boolean inPlace) throws IOException {
        long start = System.nanoTime();
        DataSets.TrainTest data = DataSets.load(config);
        ModelDefinition model = ModelZoo.create(config.model());
        TrainingSettings settings = new TrainingSettings(config.localEpochs(), config.batchSize(), config.learningRate());
        RunSummary summary;
        try (TrainerPool pool = new TrainerPool(model, settings, threads);
                CsvResultWriter writer = new CsvResultWriter(outDir)) {
            RunListener listener = writer;
            if (progress != null) {
                ProgressBar bar = new ProgressBar(progress, config.rounds(), inPlace);
                bar.start(config.name());
                listener = RunListener.all(writer, bar);
            }
            summary = FederatedSimulation.run(config, data.train(), data.test(), pool, listener);
            writer.complete();
        }
        double wallS = (System.nanoTime() - start) / 1e9;
        writeSummary(config, summary, outDir, threads, wallS);
        List<Path> written = figures ? RunFigures.writeAll(outDir) : List.of();
        return new Outcome(summary, outDir, written, wallS);
    }

    static void writeSummary(RunConfig c, RunSummary s, Path outDir, int threads, double wallS) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scenario", c.name());
        m.put("seed", c.seed());
        m.put("rounds", s.rounds());
        m.put("clients", c.clients());
        m.put("clients_per_round", c.clientsPerRound());
        m.put("dataset", c.dataset());
        m.put("model", c.model());
        m.put("parameter_count", s.parameterCount());
        m.put("uplink_codec", c.uplinkCodec());
        m.put("downlink_codec", c.downlinkCodec());
        m.put("update_message_bytes", s.updateMessageBytes());
        m.put("region", c.region());
        m.put("data_rate", c.dataRate());
        m.put("downlink_data_rate", c.downlinkDataRate());
        m.put("duty_cycle", c.dutyCycle());
        m.put("final_accuracy", s.finalAccuracy());
        m.put("final_loss", s.finalLoss());
        m.put("sim_time_s", s.simTimeUs() / 1e6);
        m.put("uplink_bytes", s.uplinkBytes());
        m.put("downlink_bytes", s.downlinkBytes());
        m.put("uplink_frames", s.uplinkFrames());
        m.put("downlink_frames", s.downlinkFrames());
        m.put("update_bytes", s.updateBytes());
        m.put("energy_j", s.energyJ());
        m.put("energy_per_device_j", s.energyJ() / c.clients());
        m.put("events_processed", s.eventsProcessed());
        m.put("threads", threads);
        m.put("wall_time_s", Math.round(wallS * 1000) / 1000.0);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Path tmp = outDir.resolve("summary.json.part");
        Files.writeString(tmp, json.writeValueAsString(m) + "\n");
        Files.move(tmp, outDir.resolve("summary.json"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
