package org.fedwan.sim;

import java.util.List;
import org.fedwan.sim.config.Key;
import org.fedwan.sim.config.Section;
import org.fedwan.sim.config.Types;

/**
 * Which link protocol the clients are on.
 *
 * @param protocol         a name of {@link Protocols}
 * @param nbiotShare       share of the clients on NB-IoT when {@code protocol} is {@code mixed}
 */
public record LinkSection(String protocol, double nbiotShare) {

    public static final Section<LinkSection> SECTION = new Section<>("link", "which protocol the clients are on",
            LinkSection.class, List.of(
            Key.of("protocol", Types.choice(Protocols::names), "lorawan",
                    "lorawan; nbiot (every client on one NB-IoT cell); ideal (messages arrive at once, for free: the network "
                            + "as FL frameworks see it); or mixed (nbiot_share of the clients on NB-IoT, the others on LoRaWAN, "
                            + "one run)"),
            Key.of("nbiot_share", Types.number(0, true, 1), 0.5,
                    "share of the clients on NB-IoT when protocol is mixed (the last round(clients x share) clients)")));
}
