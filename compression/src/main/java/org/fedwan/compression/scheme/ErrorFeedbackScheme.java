package org.fedwan.compression.scheme;

import java.util.random.RandomGenerator;

/**
 * Error feedback over any lossy scheme ({@code ef:NAME}; Seide et al. 2014, Karimireddy et al.
 * 2019): the client adds the residual it kept from earlier rounds to this round's values, encodes
 * the sum with the inner scheme, and keeps as new residual the part the server will not see
 * (sum minus what the server decodes, computed with a private copy of the inner server decoder;
 * layers the message does not carry stay whole in the residual). Bits and server side are the
 * inner scheme's. Only for updates and gradients of schemes that do not already code innovations.
 */
final class ErrorFeedbackScheme extends SchemeAbstract {

    private final SchemeAbstract inner;

    ErrorFeedbackScheme(SchemeAbstract inner) {
        super(Compression.ERROR_FEEDBACK_PREFIX + inner.name(), inner.layout(), inner.quantity(), inner::options);
        if (inner.quantity() == Quantity.WEIGHTS) {
            throw new IllegalArgumentException("ef:" + inner.name() + ": error feedback needs a scheme that compresses updates"
                    + " or gradients; set quantity=update or quantity=gradient");
        }
        if (inner.averagingRule() == AveragingRule.LATEST_OF_EVERY_CLIENT) {
            throw new IllegalArgumentException("ef:" + inner.name() + ": '" + inner.name()
                    + "' already quantizes innovations against its previous value; error feedback cannot wrap it");
        }
        this.inner = inner;
    }

    @Override
    public String clientState() {
        return "the residual of every parameter (" + inner.layout().parameterCount() + " floats); inner: " + inner.clientState();
    }

    @Override
    public String serverState() {
        return inner.serverState();
    }

    @Override
    public boolean needsGlobalModel() {
        return inner.needsGlobalModel();
    }

    @Override
    public AveragingRule averagingRule() {
        return inner.averagingRule();
    }

    @Override
    public int cycleRounds() {
        return inner.cycleRounds();
    }

    @Override
    public MessageBits uplinkBits(int round) {
        return inner.uplinkBits(round);
    }

    @Override
    Encoding encoder(int clientId, RandomGenerator random) {
        ClientEncoder enc = inner.newClient(clientId, random);
        ServerDecoder mirror = inner.newServer();
        float[][] residual = Common.emptyLike(layout());
        return input -> {
            float[][] sum = new float[residual.length][];
            for (int l = 0; l < sum.length; l++) {
                sum[l] = new float[residual[l].length];
                for (int i = 0; i < sum[l].length; i++) {
                    sum[l][i] = input.values()[l][i] + residual[l][i];
                }
            }
            EncodedUpdate msg = enc.encode(new RoundInput(input.round(), sum, input.globalModel()));
            if (msg.skipped()) {
                for (int l = 0; l < sum.length; l++) {
                    residual[l] = sum[l];
                }
                return msg;
            }
            DecodedUpdate seen = mirror.decode(clientId, input.round(), msg.message());
            for (int l = 0; l < sum.length; l++) {
                if (seen.has(l)) {
                    for (int i = 0; i < sum[l].length; i++) {
                        sum[l][i] -= seen.values()[l][i];
                    }
                }
                residual[l] = sum[l];
            }
            return msg;
        };
    }

    /** The inner scheme's decoder: error feedback changes nothing on the server. */
    @Override
    Decoding decoder() {
        return inner.decoder();
    }
}
