package org.fedwan.sim.nbiot;

import java.util.List;
import org.fedwan.channel.nbiot.NbiotPowerProfile;
import org.fedwan.sim.config.Key;
import org.fedwan.sim.config.Section;
import org.fedwan.sim.config.Types;

/**
 * The NB-IoT settings of an FL run.
 *
 * @param couplingLossDb coupling loss of every device, dB
 * @param nbiotProfile   module power profile
 */
public record NbiotSection(double couplingLossDb, String nbiotProfile) {

    public static final Section<NbiotSection> SECTION = new Section<>("nbiot", "the NB-IoT link of the clients",
            NbiotSection.class, List.of(
            Key.of("coupling_loss_db", Types.number(100, true, 200), 144.0,
                    "NB-IoT coupling loss of every device, dB (CE0 up to 144, CE1 up to 154, CE2 up to 164)"),
            Key.of("nbiot_profile", Types.choice(() -> NbiotPowerProfile.ALL.stream().map(NbiotPowerProfile::name).toList()),
                    "SARA_N211", "NB-IoT module power profile")));
}
