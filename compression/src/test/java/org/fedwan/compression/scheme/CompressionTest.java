package org.fedwan.compression.scheme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.fedwan.compression.ModelLayout;
import org.fedwan.compression.TestLayouts;
import org.junit.jupiter.api.Test;

/**
 * {@link Compression}, the one registry: the seeds' scheme names, option errors that name the
 * scheme, option, value and what is allowed, the options in force, and documentation for every
 * scheme and option.
 */
class CompressionTest {

    private final ModelLayout layout = TestLayouts.small();

    @Test
    void namesAreTheSeedsSchemesAndBaselines() {
        assertEquals(List.of("bf16", "flq-innovation", "flq-kbit", "flq-weights", "fp16", "fp32", "int4", "int8", "laq", "octav", "qrr",
                "qsgd", "quantfl-bq", "quantfl-bu", "sign", "slaq", "topk", "xfl"), Compression.uplinkNames());
    }

    @Test
    void errorsNameTheOptionTheValueAndWhatIsAllowed() {
        IllegalArgumentException bits = assertThrows(IllegalArgumentException.class,
                () -> Compression.uplink("octav", layout, Map.of("bits", "4-2")));
        assertEquals("scheme 'octav': option 'bits' = '4-2' is invalid; allowed: one integer in [1, 16] for all layers, or 3"
                + " joined by '-' (one per layer), e.g. 4-2-4", bits.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> Compression.uplink("xfl", layout, Map.of("codec", "int8", "levls", "3")));
        assertTrue(unknown.getMessage().startsWith("scheme 'xfl': unknown option levls; allowed: "), unknown.getMessage());
        IllegalArgumentException codec = assertThrows(IllegalArgumentException.class,
                () -> Compression.uplink("xfl", layout, Map.of("codec", "int3")));
        assertTrue(codec.getMessage().contains("option 'codec' = 'int3' is invalid; allowed: one of bf16, flq-kbit"), codec.getMessage());
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class,
                () -> Compression.uplink("int3", layout, Map.of()));
        assertTrue(name.getMessage().startsWith("unknown scheme 'int3'; allowed: bf16, flq-innovation"), name.getMessage());
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> Compression.uplink("quantfl-bu", layout, Map.of("levels", "1")));
        assertEquals("scheme 'quantfl-bu': option 'levels' = '1' is invalid; allowed: an integer in [2, 65536]", range.getMessage());
    }

    @Test
    void layerCodecOptionsAreCheckedAsTheSchemesOptions() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Compression.uplink("topk", layout, Map.of("fraction", "1.5")));
        assertEquals("scheme 'topk': option 'fraction' = '1.5' is invalid; allowed: a number in (0, 1]", e.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> Compression.uplink("int8", layout, Map.of("bits", "4")));
        assertEquals("scheme 'int8': unknown option bits; allowed: quantity", unknown.getMessage());
        IllegalArgumentException ef = assertThrows(IllegalArgumentException.class,
                () -> Compression.uplink("ef:topk", layout, Map.of("fraction", "0")));
        assertEquals("scheme 'ef:topk': option 'fraction' = '0' is invalid; allowed: a number in (0, 1]", ef.getMessage());
    }

    @Test
    void everySchemeAndOptionIsDocumented() {
        assertEquals(Compression.uplinkNames(), Compression.uplinkDocs().stream().map(SchemeDoc::name).toList());
        for (SchemeDoc d : Compression.uplinkDocs()) {
            assertTrue(d.summary().contains("seed") || d.summary().contains("baseline"), d.name() + ": " + d.summary());
            Scheme s = Compression.uplink(d.name(), layout, Map.of());
            for (OptionDoc o : d.options()) {
                assertTrue(!o.defaultValue().isBlank() && !o.allowed().isBlank() && !o.description().isBlank(), d.name() + " " + o);
                assertEquals(o.defaultValue(), s.options().get(o.key()), d.name() + " " + o.key());
            }
            assertEquals(d.options().stream().map(OptionDoc::key).sorted().toList(), List.copyOf(s.options().keySet()),
                    d.name() + ": the documented options are the options in force");
        }
        SchemeDoc ef = Compression.uplinkDoc("ef:topk");
        assertEquals("ef:topk", ef.name());
        assertTrue(ef.summary().startsWith("error feedback (Seide et al. 2014, Karimireddy et al. 2019) over topk: top-k"),
                ef.summary());
        assertEquals(Compression.uplinkDoc("topk").options(), ef.options());
    }

    @Test
    void optionsInForceIncludeDefaults() {
        Scheme s = Compression.uplink("octav", layout, Map.of("bits", "4-2-4"));
        assertEquals("4-2-4", s.options().get("bits"));
        assertEquals("stochastic", s.options().get("rounding"));
        assertEquals("weights", s.options().get("quantity"));
    }

    /** The broadcast codec is the run's downlink_codec only: no scheme takes a downlink option any more. */
    @Test
    void noSchemeTakesADownlinkOption() {
        for (String name : Compression.uplinkNames()) {
            for (OptionDoc o : Compression.uplinkDoc(name).options()) {
                assertTrue(!o.key().equals("downlink"), name);
            }
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Compression.uplink(name, layout, Map.of("downlink", "fp32")));
            assertTrue(e.getMessage().startsWith("scheme '" + name + "': unknown option downlink; allowed: "), e.getMessage());
            assertTrue(!e.getMessage().contains("allowed: downlink") && !e.getMessage().contains(", downlink"), e.getMessage());
        }
    }
}
