package org.fedwan.scenarios.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fedwan.sim.config.RunConfig;

/**
 * A run's result folder: its tables ({@link org.fedwan.results.TableWriter#TABLES}), {@code summary.json} and,
 * written last, {@code manifest.json} (the resolved scenario, its hash, seed, tool version, start
 * and end time). Every file is written under a temporary name and renamed when complete, so a
 * folder with a manifest is a complete run and a folder without one is not.
 */
public final class ResultFolder {

    public static final String MANIFEST = "manifest.json";
    public static final String TOOL_VERSION = "0.1.0";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private ResultFolder() {
    }

    /** Whether {@code dir} holds a complete run. */
    public static boolean isComplete(Path dir) {
        return Files.isRegularFile(dir.resolve(MANIFEST));
    }

    /** Writes a whole run held in memory. */
    public static void write(RunResult r, Path dir, Instant start, Instant end, Map<String, Object> extra) throws IOException {
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve(MANIFEST));
        for (Map.Entry<String, String> t : r.tables().entrySet()) {
            writeAtomically(dir.resolve(t.getKey()), t.getValue());
        }
        writeSummary(dir, r.summary());
        writeManifest(dir, r.config(), start, end, extra);
    }

    static void writeSummary(Path dir, Map<String, Object> summary) throws IOException {
        Map<String, Object> clean = new LinkedHashMap<>();
        summary.forEach((k, v) -> clean.put(k, v instanceof Double d && !Double.isFinite(d) ? null : v));
        writeAtomically(dir.resolve("summary.json"), new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(clean) + "\n");
    }

    static void writeManifest(Path dir, RunConfig c, Instant start, Instant end, Map<String, Object> extra)
            throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tool", "FedWAN");
        m.put("tool_version", TOOL_VERSION);
        m.put("scenario", resolved(c));
        m.put("scenario_sha256", hash(c));
        m.put("seed", c.seed());
        m.put("replication", c.replication());
        m.put("started", start.toString());
        m.put("finished", end.toString());
        m.putAll(extra);
        writeAtomically(dir.resolve(MANIFEST), JSON.writeValueAsString(m) + "\n");
    }

    /** The resolved scenario as key -> value, with the scenario file's key names. */
    public static Map<String, Object> resolved(RunConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("seed", c.seed());
        m.put("replication", c.replication());
        m.put("rounds", c.rounds());
        m.put("clients", c.clients());
        m.put("clients_per_round", c.clientsPerRound());
        m.put("dataset", c.dataset());
        m.put("data_dir", c.dataDir().toString());
        m.put("train_samples", c.trainSamples());
        m.put("test_samples", c.testSamples());
        m.put("model", c.model());
        m.put("local_epochs", c.localEpochs());
        m.put("batch_size", c.batchSize());
        m.put("learning_rate", c.learningRate());
        m.put("uplink_codec", c.uplinkCodec());
        m.put("uplink_options", c.uplinkOptions());
        m.put("downlink_codec", c.downlinkCodec());
        m.put("region", c.region());
        m.put("data_rate", c.dataRate());
        m.put("downlink_data_rate", c.downlinkDataRate());
        m.put("duty_cycle", c.dutyCycle());
        m.put("gateway_duty_cycle", c.gatewayDutyCycle());
        m.put("radio", c.radio());
        m.put("device_mflops", c.deviceMflops());
        m.put("device_speed_sigma", c.deviceSpeedSigma());
        m.put("round_deadline_s", c.roundDeadlineS());
        m.put("target_accuracy", c.targetAccuracy());
        m.put("link", c.link());
        m.put("radius_m", c.radiusM());
        m.put("gateways", c.gateways());
        m.put("sf_policy", c.sfPolicy());
        m.put("confirmed", c.confirmed());
        m.put("fair_use", c.fairUse());
        m.put("battery_capacity_j", c.batteryCapacityJ());
        m.put("partition", c.partition());
        m.put("shards_per_client", c.shardsPerClient());
        m.put("dirichlet_alpha", c.dirichletAlpha());
        m.put("momentum", c.momentum());
        m.put("weight_decay", c.weightDecay());
        m.put("protocol", c.protocol());
        m.put("coupling_loss_db", c.couplingLossDb());
        m.put("nbiot_profile", c.nbiotProfile());
        m.put("over_selection", c.overSelection());
        m.put("dropout_probability", c.dropoutProbability());
        m.put("compute_energy_mj_per_mflop", c.computeEnergyMjPerMflop());
        m.put("server_learning_rate", c.serverLearningRate());
        m.put("nbiot_share", c.nbiotShare());
        m.put("client_mode", c.clientMode());
        m.put("gradient_batch", c.gradientBatch());
        m.put("local_steps", c.localSteps());
        m.put("eval_every", c.evalEvery());
        m.put("train_eval_samples", c.trainEvalSamples());
        m.put("late_updates", c.lateUpdates());
        m.put("availability", c.availability());
        m.put("availability_trace", c.availabilityTrace() == null ? "" : c.availabilityTrace().toString());
        m.put("pretrain_fraction", c.pretrainFraction());
        m.put("pretrain_epochs", c.pretrainEpochs());
        m.put("quantization_aware", c.quantizationAware());
        return m;
    }

    /**
     * The inverse of {@link #resolved}: a configuration from its resolved key -> value map, each
     * value applied through the scenario key table (so a key is defined in one place only).
     */
    public static RunConfig fromResolved(Map<String, ?> m) {
        RunConfig.Builder b = RunConfig.builder();
        for (Map.Entry<String, ?> e : m.entrySet()) {
            if (e.getKey().equals("replication")) {
                b.replication = ((Number) e.getValue()).intValue();
                continue;
            }
            org.fedwan.scenarios.ScenarioKeys.Key key = org.fedwan.scenarios.ScenarioKeys.get(e.getKey());
            if (key == null) {
                throw new IllegalArgumentException("resolved scenario has an unknown key '" + e.getKey() + "'");
            }
            Object v = e.getValue();
            if (key.type() == org.fedwan.scenarios.ScenarioKeys.Type.PATH && String.valueOf(v).isEmpty()) {
                continue;
            }
            Object typed = switch (key.type()) {
                case INTEGER -> ((Number) v).longValue();
                case NUMBER -> ((Number) v).doubleValue();
                case PATH -> java.nio.file.Path.of((String) v);
                case BOOLEAN -> (Boolean) v;
                case TEXT -> String.valueOf(v);
            };
            key.apply().accept(b, typed);
        }
        return b.build();
    }

    /** SHA-256 of the resolved scenario without its data folder (which differs between machines). */
    public static String hash(RunConfig c) {
        Map<String, Object> m = resolved(c);
        m.remove("data_dir");
        if (c.availabilityTrace() != null) {
            // the trace's content, not where it is kept on this machine
            try {
                m.put("availability_trace", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(Files.readAllBytes(c.availabilityTrace()))));
            } catch (IOException | NoSuchAlgorithmException e) {
                throw new IllegalStateException("cannot read the availability trace " + c.availabilityTrace(), e);
            }
        }
        try {
            byte[] text = JSON.writeValueAsString(m).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash the scenario", e);
        }
    }

    /** Writes {@code text} to {@code file.part}, then renames it to {@code file}. */
    public static void writeAtomically(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
