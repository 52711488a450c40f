package org.fedwan.channel.nbiot;

import java.util.Objects;

/**
 * Everything that fixes the NB-IoT link of a cell: coverage thresholds, one
 * {@link CoverageLevelConfig} per coverage level, the device category, the NPRACH format, the
 * scheduling gaps, the signalling message sizes and the per-packet protocol overhead. Immutable
 * and validated; {@link #DEFAULT} holds the documented defaults and the {@code with...} copies
 * change one part.
 *
 * @param coverage              coupling-loss thresholds of CE0/CE1/CE2
 * @param ce0                   configuration of CE0
 * @param ce1                   configuration of CE1
 * @param ce2                   configuration of CE2
 * @param category              device category (TBS limits)
 * @param nprachFormat          preamble format of the cell
 * @param timing                scheduling gaps
 * @param signalling            signalling message sizes
 * @param packetOverheadBytes   bytes added to each IP packet's application payload: IPv4 20 +
 *                              UDP 8 (RFC 791, RFC 768) [V] plus 4 bytes of PDCP/RLC/MAC headers
 *                              [U]; default 32, at least 0
 * @param maxPacketPayloadBytes largest application payload per IP packet (a longer message is
 *                              sent as several packets): 1472 bytes, a 1500-byte IP MTU minus
 *                              IPv4/UDP headers [U]; at least 1 and at most 1600 - 28 (NB-IoT's
 *                              1600-byte PDCP SDU limit, TS 36.323)
 * @param blockErrors           block errors of data blocks and their retransmissions; default none
 */
public record NbiotLinkConfig(CoverageThresholds coverage, CoverageLevelConfig ce0, CoverageLevelConfig ce1,
                              CoverageLevelConfig ce2, DeviceCategory category, NprachFormat nprachFormat,
                              HarqTiming timing, SignallingSizes signalling, int packetOverheadBytes,
                              int maxPacketPayloadBytes, BlockErrorModel blockErrors) {

    /** Largest PDCP SDU of NB-IoT in bytes (TS 36.323). */
    public static final int MAX_PDCP_SDU_BYTES = 1600;
    /** IPv4 plus UDP header bytes (RFC 791, RFC 768). */
    public static final int IPV4_UDP_HEADER_BYTES = 28;

    /** TR 45.820 thresholds, default levels, Cat-NB1, format 0, minimum gaps, 32 / 1472 bytes. */
    public static final NbiotLinkConfig DEFAULT = new NbiotLinkConfig(CoverageThresholds.TR_45_820,
            CoverageLevelConfig.defaults(CoverageLevel.CE0), CoverageLevelConfig.defaults(CoverageLevel.CE1),
            CoverageLevelConfig.defaults(CoverageLevel.CE2), DeviceCategory.NB1, NprachFormat.FORMAT_0,
            HarqTiming.MINIMUM, SignallingSizes.DEFAULT, 32, 1472, BlockErrorModel.NONE);

    /** A configuration without block errors ({@link BlockErrorModel#NONE}). */
    public NbiotLinkConfig(CoverageThresholds coverage, CoverageLevelConfig ce0, CoverageLevelConfig ce1,
            CoverageLevelConfig ce2, DeviceCategory category, NprachFormat nprachFormat, HarqTiming timing,
            SignallingSizes signalling, int packetOverheadBytes, int maxPacketPayloadBytes) {
        this(coverage, ce0, ce1, ce2, category, nprachFormat, timing, signalling, packetOverheadBytes,
                maxPacketPayloadBytes, BlockErrorModel.NONE);
    }

    /** Validates the parts against each other (TBS entries of the category, preamble within its period). */
    public NbiotLinkConfig {
        Objects.requireNonNull(coverage, "coverage is null");
        Objects.requireNonNull(ce0, "ce0 is null");
        Objects.requireNonNull(ce1, "ce1 is null");
        Objects.requireNonNull(ce2, "ce2 is null");
        Objects.requireNonNull(category, "category is null");
        Objects.requireNonNull(nprachFormat, "nprachFormat is null");
        Objects.requireNonNull(timing, "timing is null");
        Objects.requireNonNull(signalling, "signalling is null");
        Objects.requireNonNull(blockErrors, "blockErrors is null");
        for (CoverageLevel level : CoverageLevel.values()) {
            CoverageLevelConfig c = switch (level) {
                case CE0 -> ce0;
                case CE1 -> ce1;
                case CE2 -> ce2;
            };
            if (!TransportBlockSizes.npuschAllowed(c.uplinkTbsIndex(), 1, category)) {
                throw new IllegalArgumentException(level + ": uplinkTbsIndex = " + c.uplinkTbsIndex()
                        + " is not allowed for " + category + "; allowed: 0.." + category.maxTbsIndex());
            }
            if (!TransportBlockSizes.npdschAllowed(c.downlinkTbsIndex(), 1, category)) {
                throw new IllegalArgumentException(level + ": downlinkTbsIndex = " + c.downlinkTbsIndex()
                        + " is not allowed for " + category + "; allowed: 0.." + category.maxTbsIndex());
            }
            long preambleUs = c.nprachRepetitions() * nprachFormat.repetitionUs();
            if (preambleUs > c.nprachPeriodUs()) {
                throw new IllegalArgumentException(level + ": " + c.nprachRepetitions() + " preamble repetitions of "
                        + nprachFormat + " last " + preambleUs + " µs, longer than nprachPeriodUs = "
                        + c.nprachPeriodUs() + "; allowed: repetitions x preamble <= period");
            }
        }
        if (packetOverheadBytes < 0) {
            throw new IllegalArgumentException("packetOverheadBytes = " + packetOverheadBytes + " is not allowed; allowed: >= 0");
        }
        if (maxPacketPayloadBytes < 1 || maxPacketPayloadBytes > MAX_PDCP_SDU_BYTES - IPV4_UDP_HEADER_BYTES) {
            throw new IllegalArgumentException("maxPacketPayloadBytes = " + maxPacketPayloadBytes
                    + " is not allowed; allowed: 1.." + (MAX_PDCP_SDU_BYTES - IPV4_UDP_HEADER_BYTES)
                    + " (1600-byte PDCP SDU of NB-IoT, TS 36.323, minus IPv4/UDP headers)");
        }
    }

    /**
     * @param level coverage level
     * @return the configuration of that level
     */
    public CoverageLevelConfig level(CoverageLevel level) {
        return switch (Objects.requireNonNull(level, "level is null")) {
            case CE0 -> ce0;
            case CE1 -> ce1;
            case CE2 -> ce2;
        };
    }

    /**
     * Bytes on the link for an application message: the message split into IP packets of at
     * most {@code maxPacketPayloadBytes}, each with {@code packetOverheadBytes} added. An empty
     * message is one packet (headers only).
     *
     * @param messageBytes application bytes, at least 0
     * @return bytes the transport blocks have to carry
     */
    public long linkBytes(long messageBytes) {
        if (messageBytes < 0) {
            throw new IllegalArgumentException("messageBytes = " + messageBytes + " is not allowed; allowed: >= 0");
        }
        long packets = Math.max(1L, (messageBytes + maxPacketPayloadBytes - 1) / maxPacketPayloadBytes);
        return messageBytes + packets * packetOverheadBytes;
    }

    /** @return a copy with one level's configuration replaced */
    public NbiotLinkConfig withLevel(CoverageLevel level, CoverageLevelConfig config) {
        return new NbiotLinkConfig(coverage, level == CoverageLevel.CE0 ? config : ce0,
                level == CoverageLevel.CE1 ? config : ce1, level == CoverageLevel.CE2 ? config : ce2, category,
                nprachFormat, timing, signalling, packetOverheadBytes, maxPacketPayloadBytes, blockErrors);
    }

    /** @return a copy with the coverage thresholds replaced */
    public NbiotLinkConfig withCoverage(CoverageThresholds newCoverage) {
        return new NbiotLinkConfig(newCoverage, ce0, ce1, ce2, category, nprachFormat, timing, signalling,
                packetOverheadBytes, maxPacketPayloadBytes, blockErrors);
    }

    /** @return a copy with the device category replaced */
    public NbiotLinkConfig withCategory(DeviceCategory newCategory) {
        return new NbiotLinkConfig(coverage, ce0, ce1, ce2, newCategory, nprachFormat, timing, signalling,
                packetOverheadBytes, maxPacketPayloadBytes, blockErrors);
    }

    /** @return a copy with the NPRACH format replaced */
    public NbiotLinkConfig withNprachFormat(NprachFormat newFormat) {
        return new NbiotLinkConfig(coverage, ce0, ce1, ce2, category, newFormat, timing, signalling,
                packetOverheadBytes, maxPacketPayloadBytes, blockErrors);
    }

    /** @return a copy with the per-packet overhead and packet payload limit replaced */
    public NbiotLinkConfig withPackets(int newOverheadBytes, int newMaxPayloadBytes) {
        return new NbiotLinkConfig(coverage, ce0, ce1, ce2, category, nprachFormat, timing, signalling,
                newOverheadBytes, newMaxPayloadBytes, blockErrors);
    }

    /** @return a copy with the block-error model replaced */
    public NbiotLinkConfig withBlockErrors(BlockErrorModel newBlockErrors) {
        return new NbiotLinkConfig(coverage, ce0, ce1, ce2, category, nprachFormat, timing, signalling,
                packetOverheadBytes, maxPacketPayloadBytes, newBlockErrors);
    }

    /**
     * @param couplingLossDb a device's coupling loss, dB
     * @return the block error rate of its data blocks ({@link BlockErrorModel#bler})
     */
    public double blockErrorRate(double couplingLossDb) {
        return blockErrors.bler(coverage, couplingLossDb);
    }
}
