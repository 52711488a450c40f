package org.fedwan.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fedwan.sim.config.RunConfig;
import org.fedwan.sim.ideal.IdealLinks;
import org.fedwan.sim.kernel.Simulation;
import org.fedwan.sim.link.LinkEvents;
import org.fedwan.sim.link.LinkFactory;
import org.fedwan.sim.link.LinkGroup;
import org.fedwan.sim.lorawan.LorawanLinks;
import org.fedwan.sim.nbiot.NbiotLinks;

/**
 * The link protocols FL clients can be on, by scenario name: adding a protocol is its link
 * package and one line here. {@value #MIXED} puts the last {@code nbiot_share} of the clients on
 * NB-IoT and the others on LoRaWAN, in one run.
 */
public final class Protocols {

    /** Two groups in one run: LoRaWAN, then NB-IoT. */
    public static final String MIXED = "mixed";

    private static final Map<String, LinkFactory> LINKS = new LinkedHashMap<>();

    static {
        LINKS.put(LorawanLinks.PROTOCOL, LorawanLinks::new);
        LINKS.put(NbiotLinks.PROTOCOL, NbiotLinks::new);
        LINKS.put(IdealLinks.PROTOCOL, IdealLinks::new);
    }

    private Protocols() {
    }

    /** Every value the scenario key {@code protocol} takes. */
    public static List<String> names() {
        List<String> names = new ArrayList<>(LINKS.keySet());
        names.add(MIXED);
        return names;
    }

    /** The link groups of a run (a {@link org.fedwan.sim.link.LinkPlan}). */
    public static List<LinkGroup> groups(Simulation simulation, RunConfig config, LinkEvents events) {
        int n = config.clients();
        if (!config.protocol().equals(MIXED)) {
            LinkFactory f = LINKS.get(config.protocol());
            if (f == null) {
                throw new IllegalArgumentException("protocol '" + config.protocol() + "'; allowed: " + names());
            }
            return List.of(f.create(simulation, config, 0, n, events));
        }
        int nbiot = (int) Math.round(n * config.nbiotShare());
        int lorawan = n - nbiot;
        List<LinkGroup> groups = new ArrayList<>();
        if (lorawan > 0) {
            groups.add(LINKS.get(LorawanLinks.PROTOCOL).create(simulation, config, 0, lorawan, events));
        }
        if (nbiot > 0) {
            groups.add(LINKS.get(NbiotLinks.PROTOCOL).create(simulation, config, lorawan, nbiot, events));
        }
        return groups;
    }
}
