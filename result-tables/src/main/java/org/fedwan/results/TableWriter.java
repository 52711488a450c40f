package org.fedwan.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The one writer of a run's tables: formats every record a run reports as a row of its table and
 * appends it to that table's sink (files for a single run, strings for sweep points). Each sink
 * gets its header first. Numbers are locale-independent and times exact ({@link Formats}), so
 * equal runs give equal bytes.
 */
public final class TableWriter implements RunListener {

    /** Every table a run writes, in the order a result folder lists them. */
    public static final List<Table<?>> TABLES = List.of(RoundsTable.TABLE, TransmissionsTable.TABLE, EnergyTable.TABLE,
            ClientsTable.TABLE, DevicesTable.TABLE);

    /** Where each table's rows go. */
    public record Sinks(Appendable rounds, Appendable transmissions, Appendable energy, Appendable clients,
            Appendable devices) {
    }

    private final Sinks sinks;
    private final StringBuilder row = new StringBuilder(160);
    private EnergyBreakdown cumulativeEnergy = EnergyBreakdown.ZERO;
    private long cumulativeUplinkBytes;

    public TableWriter(Sinks sinks) {
        this.sinks = sinks;
        header(sinks.rounds(), RoundsTable.TABLE);
        header(sinks.transmissions(), TransmissionsTable.TABLE);
        header(sinks.energy(), EnergyTable.TABLE);
        header(sinks.clients(), ClientsTable.TABLE);
        header(sinks.devices(), DevicesTable.TABLE);
    }

    @Override
    public void onFrame(FrameRecord f) {
        write(sinks.transmissions(), TransmissionsTable.TABLE, f);
    }

    @Override
    public void onEnergy(EnergyRecord e) {
        write(sinks.energy(), EnergyTable.TABLE, e);
    }

    @Override
    public void onRound(RoundRecord r) {
        cumulativeEnergy = cumulativeEnergy.plus(r.energy());
        cumulativeUplinkBytes += r.uplinkBytes();
        write(sinks.rounds(), RoundsTable.TABLE, new RoundsTable.Row(r, cumulativeEnergy.total(), cumulativeUplinkBytes));
    }

    @Override
    public void onClientRound(ClientRoundRecord c) {
        write(sinks.clients(), ClientsTable.TABLE, c);
    }

    @Override
    public void onDevice(DeviceRecord d) {
        write(sinks.devices(), DevicesTable.TABLE, d);
    }

    private <R> void write(Appendable out, Table<R> table, R r) {
        row.setLength(0);
        table.appendRow(r, row);
        append(out, row);
    }

    private static void header(Appendable out, Table<?> table) {
        append(out, table.header() + "\n");
    }

    private static void append(Appendable out, CharSequence s) {
        try {
            out.append(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
