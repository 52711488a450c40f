package org.fedwan.sim.nbiot.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fedwan.channel.nbiot.DeviceCategory;
import org.fedwan.channel.nbiot.NbiotPowerProfile;
import org.fedwan.channel.nbiot.PowerSavingConfig;
import org.junit.jupiter.api.Test;
import org.fedwan.sim.nbiot.NbiotDeviceSettings;

/** Defaults, unit conversion and validation messages of the nbiot-net configuration. */
class NbiotNetworkConfigTest {

    @Test
    void defaultsMatchTheDocumentedOnes() {
        NbiotNetworkConfig c = NbiotNetworkConfig.builder().build();

        assertEquals(100, c.devices());
        assertEquals(3_600_000_000L, c.periodUs());
        assertEquals(24 * 3_600_000_000L, c.durationUs());
        assertEquals(PowerSavingConfig.DEFAULT, c.powerSaving());
        assertEquals(NbiotDeviceSettings.DEFAULT, c.deviceSettings());
        assertEquals(DeviceCategory.NB1, c.linkConfig().category());
        assertEquals(NbiotPowerProfile.SARA_N211, c.deviceSettings().profile());
    }

    @Test
    void secondsBecomeMicroseconds() {
        NbiotNetworkConfig.Builder b = NbiotNetworkConfig.builder();
        b.drxCycleS = 10.24;
        b.edrxCycleS = 81.92;
        b.t3324S = 0;
        b.category = "nb2";
        NbiotNetworkConfig c = b.build();

        assertEquals(10_240_000L, c.powerSaving().drxCycleUs());
        assertEquals(81_920_000L, c.powerSaving().edrxCycleUs());
        assertEquals(0L, c.powerSaving().t3324Us());
        assertEquals(DeviceCategory.NB2, c.linkConfig().category());
    }

    @Test
    void errorsNameTheFieldAndWhatIsAllowed() {
        NbiotNetworkConfig.Builder b = NbiotNetworkConfig.builder();
        b.devices = 0;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
        assertTrue(e.getMessage().contains("devices = 0") && e.getMessage().contains(">= 1"), e.getMessage());

        NbiotNetworkConfig.Builder p = NbiotNetworkConfig.builder();
        p.profile = "bg96";
        IllegalArgumentException pe = assertThrows(IllegalArgumentException.class, p::build);
        assertTrue(pe.getMessage().contains("NRF9160_CLASS"), pe.getMessage());

        NbiotNetworkConfig.Builder d = NbiotNetworkConfig.builder();
        d.drxCycleS = 3.0;
        IllegalArgumentException de = assertThrows(IllegalArgumentException.class, d::build);
        assertTrue(de.getMessage().contains("drxCycleUs = 3000000"), de.getMessage());

        NbiotNetworkConfig.Builder c = NbiotNetworkConfig.builder();
        c.category = "M1";
        assertThrows(IllegalArgumentException.class, c::build);

        NbiotNetworkConfig.Builder t = NbiotNetworkConfig.builder();
        t.periodS = Double.NaN;
        assertThrows(IllegalArgumentException.class, t::build);

        NbiotNetworkConfig.Builder a = NbiotNetworkConfig.builder();
        a.maxPreambleAttempts = 9;
        IllegalArgumentException ae = assertThrows(IllegalArgumentException.class, a::build);
        assertTrue(ae.getMessage().contains("3, 4, 5, 6, 7, 8 or 10"), ae.getMessage());
    }
}
