package org.fedwan.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fedwan.sim.config.Scenario;
import org.fedwan.sim.config.Section;
import org.fedwan.sim.ideal.IdealLinks;
import org.fedwan.sim.kernel.Simulation;
import org.fedwan.sim.link.LinkEvents;
import org.fedwan.sim.link.LinkFactory;
import org.fedwan.sim.link.LinkGroup;
import org.fedwan.sim.lorawan.LorawanLinks;
import org.fedwan.sim.lorawan.SensorEngine;
import org.fedwan.sim.lorawan.LorawanSection;
import org.fedwan.sim.nbiot.NbiotLinks;
import org.fedwan.sim.nbiot.NbiotSection;

/**
 * The link protocols FL clients can be on, by scenario name: adding a protocol is its link
 * package (its links and its section of scenario keys) and one line here. {@value #MIXED} puts the last {@code nbiot_share} of the clients on
 * NB-IoT and the others on LoRaWAN, in one run.
 */
public final class Protocols {

    /** Two groups in one run: LoRaWAN, then NB-IoT. */
    public static final String MIXED = "mixed";

    /** A protocol: its links, and its section of scenario keys (null when it has none). */
    private record Protocol(LinkFactory links, Section<?> section) {
    }

    private static final Map<String, Protocol> PROTOCOLS = new LinkedHashMap<>();

    static {
        PROTOCOLS.put(LorawanLinks.PROTOCOL, new Protocol(LorawanLinks::new, LorawanSection.SECTION));
        PROTOCOLS.put(NbiotLinks.PROTOCOL, new Protocol(NbiotLinks::new, NbiotSection.SECTION));
        PROTOCOLS.put(IdealLinks.PROTOCOL, new Protocol(IdealLinks::new, null));
    }

    private Protocols() {
    }

    /** Every value the scenario key {@code protocol} takes. */
    public static List<String> names() {
        List<String> names = new ArrayList<>(PROTOCOLS.keySet());
        names.add(MIXED);
        return names;
    }

    /** The scenario sections of the protocols that have keys, in registry order. */
    public static List<Section<?>> sections() {
        return PROTOCOLS.values().stream().map(Protocol::section).filter(s -> s != null).<Section<?>>map(s -> s).toList();
    }

    /** The link groups of a run (a {@link org.fedwan.sim.link.LinkPlan}). */
    public static List<LinkGroup> groups(Simulation simulation, Scenario scenario, LinkEvents events) {
        return groups(simulation, scenario, events, SensorEngine.BULK);
    }

    /**
     * The link groups of a run whose LoRaWAN background sensors are simulated by {@code engine} (the
     * results are the same; {@code bench background} and {@code SensorEnginesAgreeTest} compare them).
     */
    public static List<LinkGroup> groups(Simulation simulation, Scenario scenario, LinkEvents events,
            SensorEngine engine) {
        int n = scenario.policy().clients();
        LinkSection link = scenario.section(LinkSection.class);
        if (!link.protocol().equals(MIXED)) {
            if (!PROTOCOLS.containsKey(link.protocol())) {
                throw new IllegalArgumentException("protocol '" + link.protocol() + "'; allowed: " + names());
            }
            return List.of(links(link.protocol(), engine).create(simulation, scenario, 0, n, events));
        }
        int nbiot = (int) Math.round(n * link.nbiotShare());
        int lorawan = n - nbiot;
        List<LinkGroup> groups = new ArrayList<>();
        if (lorawan > 0) {
            groups.add(links(LorawanLinks.PROTOCOL, engine).create(simulation, scenario, 0, lorawan, events));
        }
        if (nbiot > 0) {
            groups.add(links(NbiotLinks.PROTOCOL, engine).create(simulation, scenario, lorawan, nbiot, events));
        }
        return groups;
    }

    private static LinkFactory links(String protocol, SensorEngine engine) {
        if (protocol.equals(LorawanLinks.PROTOCOL) && engine == SensorEngine.EVENTS) {
            return (simulation, scenario, firstClient, count, events) -> new LorawanLinks(simulation, scenario, firstClient,
                    count, events, SensorEngine.EVENTS);
        }
        return PROTOCOLS.get(protocol).links();
    }
}
