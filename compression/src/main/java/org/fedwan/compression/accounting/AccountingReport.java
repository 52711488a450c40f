package org.fedwan.compression.accounting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.fedwan.compression.SideKind;

/**
 * Bits and bytes one client sends (uplink) and receives (downlink) in one round, per layer and in
 * total, payload and side information apart; for schemes whose messages vary over a cycle of
 * rounds (XFL's layer cycle, QuantFL's codebook refresh) the averages over the cycle.
 *
 * @param model       model name
 * @param scheme      scheme name
 * @param options     options in force
 * @param parameters  parameters of the layout
 * @param quantity    what the scheme compresses
 * @param cycleRounds rounds averaged over
 * @param clientState what a client keeps
 * @param serverState what the server keeps
 * @param uplink      client to server
 * @param downlink    server to client (the broadcast of the global model)
 */
public record AccountingReport(String model, String scheme, Map<String, String> options, long parameters, String quantity,
        int cycleRounds, String clientState, String serverState, Direction uplink, Direction downlink) {

    /**
     * One direction.
     *
     * @param codec        codec name
     * @param layers       per layer, averaged over the cycle
     * @param message      message-level bits (header, check), averaged over the cycle
     * @param total        everything, averaged over the cycle
     * @param averageBytes mean length of the messages in bytes (each message rounded up to whole bytes)
     */
    public record Direction(String codec, List<LayerLine> layers, Bits message, Bits total, double averageBytes) {

        public Direction {
            layers = List.copyOf(layers);
        }
    }

    /**
     * One layer.
     *
     * @param name       layer name
     * @param parameters its parameter count
     * @param share      fraction of the cycle's messages that carry it
     * @param perRound   its bits averaged over the cycle
     * @param whenSent   its bits in a message that carries it (for layer-wise schemes)
     */
    public record LayerLine(String name, long parameters, double share, Bits perRound, Bits whenSent) {
    }

    /** Uplink total bits as a fraction of sending every parameter as a 32-bit float. */
    public double uplinkFractionOfFp32() {
        return uplink.total().totalBits() / (32.0 * parameters);
    }

    public String toText() {
        return toText(UnaryOperator.identity());
    }

    /**
     * The text with every bit and byte figure passed through {@code grouping}, which gets the plain
     * digits ({@code 7402816}, {@code 19291.166667}) and returns them as the console shows them
     * (the CLI passes {@code ConsoleNumbers::group}: {@code 7,402,816}); this module depends on no other.
     *
     * @param grouping the digits as shown
     * @return the text
     */
    public String toText(UnaryOperator<String> grouping) {
        StringBuilder sb = new StringBuilder();
        sb.append("model ").append(model).append(" (").append(String.format(Locale.ROOT, "%,d", parameters))
                .append(" parameters), scheme ").append(scheme).append(' ').append(options).append('\n');
        sb.append("compresses ").append(quantity).append("; ");
        sb.append(cycleRounds == 1 ? "every round alike" : "averaged over a cycle of " + cycleRounds + " rounds").append('\n');
        sb.append("client state: ").append(clientState).append('\n');
        sb.append("server state: ").append(serverState).append('\n');
        direction(sb, "UPLINK (one client, one round)", uplink, grouping);
        sb.append(String.format(Locale.ROOT, "uplink = %s of FP32 (32 bits x %,d parameters)%n",
                pct(uplinkFractionOfFp32()), parameters));
        direction(sb, "DOWNLINK (broadcast of the global model)", downlink, grouping);
        return sb.toString();
    }

    private static void direction(StringBuilder sb, String title, Direction d, UnaryOperator<String> g) {
        sb.append('\n').append(title).append(", codec ").append(d.codec()).append('\n');
        sb.append(String.format(Locale.ROOT, "%-18s %12s %7s %14s %14s  %s%n", "layer", "parameters", "share", "payload bits",
                "side bits", "side by kind"));
        for (LayerLine l : d.layers()) {
            sb.append(String.format(Locale.ROOT, "%-18s %,12d %7s %14s %14s  %s%n", l.name(), l.parameters(), num(l.share()),
                    g.apply(num(l.perRound().payloadBits())), g.apply(num(l.perRound().side())), kinds(l.perRound(), g)));
        }
        sb.append(String.format(Locale.ROOT, "%-18s %12s %7s %14s %14s  %s%n", "(message)", "", "", "",
                g.apply(num(d.message().side())), kinds(d.message(), g)));
        Bits t = d.total();
        sb.append(String.format(Locale.ROOT, "%-18s %12s %7s %14s %14s  %s%n", "total", "", "", g.apply(num(t.payloadBits())),
                g.apply(num(t.side())), kinds(t, g)));
        sb.append(String.format(Locale.ROOT, "total %s bits = %s bytes of bits; messages average %s bytes%n",
                g.apply(num(t.totalBits())), g.apply(num(t.totalBits() / 8)), g.apply(num(d.averageBytes()))));
    }

    private static String kinds(Bits b, UnaryOperator<String> g) {
        StringBuilder sb = new StringBuilder();
        for (SideKind k : SideKind.values()) {
            double v = b.side(k);
            if (v != 0) {
                sb.append(sb.length() > 0 ? ", " : "").append(k.key()).append(' ').append(g.apply(num(v)));
            }
        }
        return sb.toString();
    }

    public String toJson() {
        StringBuilder sb = new StringBuilder();
        sb.append("{\"model\":").append(str(model));
        sb.append(",\"scheme\":").append(str(scheme));
        sb.append(",\"options\":{");
        boolean first = true;
        for (Map.Entry<String, String> e : options.entrySet()) {
            sb.append(first ? "" : ",").append(str(e.getKey())).append(':').append(str(e.getValue()));
            first = false;
        }
        sb.append("},\"parameters\":").append(parameters);
        sb.append(",\"quantity\":").append(str(quantity));
        sb.append(",\"cycleRounds\":").append(cycleRounds);
        sb.append(",\"clientState\":").append(str(clientState));
        sb.append(",\"serverState\":").append(str(serverState));
        sb.append(",\"uplinkFractionOfFp32\":").append(num(uplinkFractionOfFp32()));
        sb.append(",\"uplink\":");
        json(sb, uplink);
        sb.append(",\"downlink\":");
        json(sb, downlink);
        return sb.append('}').toString();
    }

    private static void json(StringBuilder sb, Direction d) {
        sb.append("{\"codec\":").append(str(d.codec())).append(",\"layers\":[");
        for (int i = 0; i < d.layers().size(); i++) {
            LayerLine l = d.layers().get(i);
            sb.append(i > 0 ? "," : "").append("{\"name\":").append(str(l.name())).append(",\"parameters\":").append(l.parameters())
                    .append(",\"share\":").append(num(l.share())).append(",\"perRound\":");
            json(sb, l.perRound());
            sb.append(",\"whenSent\":");
            json(sb, l.whenSent());
            sb.append('}');
        }
        sb.append("],\"message\":");
        json(sb, d.message());
        sb.append(",\"total\":");
        json(sb, d.total());
        sb.append(",\"averageBytes\":").append(num(d.averageBytes())).append('}');
    }

    private static void json(StringBuilder sb, Bits b) {
        sb.append("{\"payloadBits\":").append(num(b.payloadBits())).append(",\"sideBits\":").append(num(b.side()))
                .append(",\"totalBits\":").append(num(b.totalBits())).append(",\"side\":{");
        boolean first = true;
        for (SideKind k : SideKind.values()) {
            if (b.side(k) != 0) {
                sb.append(first ? "" : ",").append(str(k.key())).append(':').append(num(b.side(k)));
                first = false;
            }
        }
        sb.append("}}");
    }

    /** A number with at most 6 decimals, no exponent, no trailing zeros (Locale-independent). */
    static String num(double d) {
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("not a finite number: " + d);
        }
        BigDecimal b = BigDecimal.valueOf(d).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return b.signum() == 0 ? "0" : b.toPlainString();
    }

    private static String pct(double f) {
        return num(BigDecimal.valueOf(f * 100).setScale(4, RoundingMode.HALF_EVEN).doubleValue()) + "%";
    }

    /** A JSON string literal. */
    static String str(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
