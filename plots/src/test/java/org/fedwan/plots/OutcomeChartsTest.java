package org.fedwan.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.jfree.data.category.DefaultCategoryDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client-outcomes figure counts the rows of clients.csv per round and outcome. */
class OutcomeChartsTest {

    @TempDir
    Path dir;

    @Test
    void countsEveryOutcomeOfEveryRound() throws Exception {
        RunFolderFixture.write(dir);
        DefaultCategoryDataset data = OutcomeCharts.outcomesPerRound(RunFolder.read(dir)).orElseThrow();
        // the fixture: round 1 two ok; round 2 one ok and one dropped-sending
        assertEquals(List.of("ok", "dropped-sending"), data.getRowKeys());
        assertEquals(2, data.getValue("ok", Integer.valueOf(1)).intValue());
        assertEquals(1, data.getValue("ok", Integer.valueOf(2)).intValue());
        assertEquals(0, data.getValue("dropped-sending", Integer.valueOf(1)).intValue());
        assertEquals(1, data.getValue("dropped-sending", Integer.valueOf(2)).intValue());
        assertTrue(OutcomeCharts.outcomes(data).getCategoryPlot().getDataset().getRowCount() == 2);
    }

    @Test
    void anUnknownOutcomeIsAnErrorNotAGuess() throws Exception {
        RunFolderFixture.write(dir);
        RunFolderFixture.put(dir, "clients.csv", RunFolderFixture.CLIENTS.replace("dropped-sending", "vanished"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OutcomeCharts.outcomesPerRound(RunFolder.read(dir)));
        assertTrue(e.getMessage().contains("vanished"), e.getMessage());
    }
}
