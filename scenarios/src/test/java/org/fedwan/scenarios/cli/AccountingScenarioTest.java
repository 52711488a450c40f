package org.fedwan.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fedwan accounting --scenario FILE}: the layout of a scenario's model, a {@code layers} list included. */
class AccountingScenarioTest {

    @TempDir
    Path dir;

    @Test
    void aLayersListIsAccountedLayerByLayer() throws Exception {
        Path f = dir.resolve("layers.yaml");
        Files.writeString(f, "dataset: mnist\nlayers:\n  - conv: {filters: 8, kernel: 5}\n  - activation: relu\n"
                + "  - pool: {size: 2}\n  - conv: {filters: 16, kernel: 5}\n  - activation: relu\n  - pool: {size: 2}\n"
                + "  - dense: 10\n");
        AirtimeCommandTest.Result r = AirtimeCommandTest.run("accounting", "--scenario", f.toString(), "--scheme", "fp32");
        assertEquals(0, r.exitCode(), r.err());
        // cnn-mnist's layout under the list's names: conv1 208, conv2 3,216, fc1 2,570 = 5,994 parameters
        assertTrue(r.out().contains("conv1") && r.out().contains("conv2") && r.out().contains("fc1"), r.out());
        AirtimeCommandTest.Result zoo = AirtimeCommandTest.run("accounting", "--model", "cnn-mnist", "--scheme", "fp32");
        assertEquals(zoo.out().replace("model cnn-mnist", "model layers").replace("\nfc ", "\nfc1"), r.out(),
                "the same bits per layer as cnn-mnist");
        AirtimeCommandTest.Result both = AirtimeCommandTest.run("accounting", "--scenario", f.toString(), "--model", "cnn-mnist",
                "--scheme", "fp32");
        assertEquals(2, both.exitCode());
        assertTrue(both.err().contains("allowed: exactly one of the two"), both.err());
        Files.writeString(f, "layers:\n  - dense: 7\n");
        AirtimeCommandTest.Result bad = AirtimeCommandTest.run("accounting", "--scenario", f.toString(), "--scheme", "fp32");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains(f + ":2: key 'layers[0].dense' = 7"), bad.err());
    }
}
