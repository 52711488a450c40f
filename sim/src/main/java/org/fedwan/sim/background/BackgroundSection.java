package org.fedwan.sim.background;

import java.util.List;
import org.fedwan.sim.config.Key;
import org.fedwan.sim.config.Section;
import org.fedwan.sim.config.Types;

/**
 * Background traffic of an FL run: ordinary sensors sharing the clients' networks. Each LoRaWAN
 * network and each NB-IoT cell of the run gets {@code background_devices} sensors of its own
 * protocol (under {@code protocol: mixed} both do), which send {@code background_payload} bytes
 * every {@code background_period_s} from the start of the run to its end. One set of keys for every
 * protocol: a sensor population is a property of the site, and a study compares protocols under
 * the same load ({@code docs/architecture.md}, "Background traffic").
 *
 * <p>Sensor {@code j} of a group of clients {@code firstClient .. firstClient + size - 1} is the
 * entity {@code firstClient + size + j} ({@link #firstSensorId}), so adding sensors moves no
 * client's random streams.
 *
 * @param backgroundDevices sensors per network (0 = none)
 * @param backgroundPeriodS seconds between a sensor's packets (the mean under poisson)
 * @param backgroundPayload application payload per packet, bytes: LoRaWAN FRMPayload, NB-IoT IP payload
 * @param backgroundArrival packet spacing
 */
public record BackgroundSection(int backgroundDevices, double backgroundPeriodS, int backgroundPayload,
        TrafficArrival backgroundArrival) {

    /** Largest payload: the largest LoRaWAN FRMPayload of any data rate (242 B, RP002-1.0.3, EU868 DR5-DR7). */
    public static final int MAX_PAYLOAD_BYTES = 242;

    public static final Section<BackgroundSection> SECTION = new Section<>("background",
            "ordinary sensors sharing the clients' LoRaWAN networks and NB-IoT cells", BackgroundSection.class, List.of(
            Key.of("background_devices", Types.integer(0, 100_000), 0,
                    "sensors added to each LoRaWAN network and each NB-IoT cell of the run, sending from its start to its "
                            + "end (0 = none); reported apart from the clients (background_* summary keys)"),
            Key.of("background_period_s", Types.number(0, false, 1e9), 600.0,
                    "seconds between a sensor's packets (mean of the gaps under poisson; 600: lorawan-net's default)"),
            Key.of("background_payload", Types.integer(0, MAX_PAYLOAD_BYTES), 20,
                    "application payload per sensor packet, bytes: the LoRaWAN FRMPayload or the NB-IoT IP payload "
                            + "(20: lorawan-net's default)"),
            Key.of("background_arrival", Types.label(TrafficArrival.class), TrafficArrival.PERIODIC,
                    "sensor packet spacing: periodic (one period apart, uniform random phase: ns-3 PeriodicSender) or "
                            + "poisson (exponential gaps: LoRaSim)")));

    /**
     * The entity id (and random-stream key) of a group's first sensor: right after its clients.
     *
     * @param firstClient the group's first client
     * @param clients     clients in the group
     * @return the id of sensor 0; sensor {@code j} is this plus {@code j}
     */
    public static int firstSensorId(int firstClient, int clients) {
        return firstClient + clients;
    }

    /** @return the packet period, µs */
    public long periodUs() {
        return Math.round(backgroundPeriodS * 1e6);
    }
}
