package org.fedwan.compression.scheme;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.fedwan.compression.CodecOptions;
import org.fedwan.compression.ModelLayout;

/**
 * A stateless per-layer quantizer as the registry knows it: usable on its own (every layer every
 * round, {@link PerLayerScheme}), inside XFL's layer selection ({@code xfl codec=NAME}) and under
 * error feedback ({@code ef:NAME}).
 *
 * @param name             scenario name
 * @param summary          one line with its source
 * @param options          its own options (common ones are added by the scheme)
 * @param defaultQuantity  what it compresses unless told otherwise
 * @param allowedQuantities what it may compress
 * @param builder          reads its options and binds a quantizer to each layer
 */
record StatelessKind(String name, String summary, List<OptionDoc> options, Quantity defaultQuantity,
        List<Quantity> allowedQuantities, BiFunction<CodecOptions, ModelLayout, QuantizerFactory> builder) {

    static final List<Quantity> ANY = List.of(Quantity.WEIGHTS, Quantity.UPDATE, Quantity.GRADIENT);
    static final List<Quantity> UPDATES = List.of(Quantity.UPDATE, Quantity.GRADIENT);

    /** This kind's options followed by the common {@code quantity}. */
    List<OptionDoc> allOptions() {
        List<OptionDoc> all = new ArrayList<>(options);
        all.add(Common.quantityDoc(defaultQuantity, allowedQuantities));
        return all;
    }
}
