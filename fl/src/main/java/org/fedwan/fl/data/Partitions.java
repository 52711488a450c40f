package org.fedwan.fl.data;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Seeded partitions of a data set's indices to clients: pure functions of their arguments, each
 * returning one index array per client in which every index {@code 0 .. size-1} appears exactly
 * once over all clients.
 *
 * <ul>
 * <li>{@link #iid(int, int, long)}: equal IID shares;</li>
 * <li>{@link #iid(int[], long)}: IID shares of given sizes, e.g. from {@link #unequalSizes};</li>
 * <li>{@link #labelShards}: McMahan et al.'s sort-and-shard pathological non-IID split;</li>
 * <li>{@link #dirichlet}: label skew with class proportions drawn from Dirichlet(alpha).</li>
 * </ul>
 */
public final class Partitions {

    private Partitions() {
    }

    /**
     * IID equal shares: a seeded Fisher-Yates shuffle of {@code 0 .. size-1}, cut into
     * {@code clients} contiguous shares whose sizes differ by at most one.
     */
    public static int[][] iid(int size, int clients, long seed) {
        if (clients < 1 || clients > size) {
            throw new IllegalArgumentException("cannot split " + size + " samples among " + clients + " clients");
        }
        return iid(equalSizes(size, clients), seed);
    }

    /**
     * IID shares of the given sizes: a seeded shuffle of {@code 0 .. sum(sizes)-1} cut into
     * contiguous shares of {@code sizes[0]}, {@code sizes[1]}, ... samples.
     */
    public static int[][] iid(int[] sizes, long seed) {
        int size = total(sizes);
        int[] order = identity(size);
        shuffle(order, new SplittableRandom(seed));
        int[][] shares = new int[sizes.length][];
        int start = 0;
        for (int c = 0; c < sizes.length; c++) {
            shares[c] = Arrays.copyOfRange(order, start, start + sizes[c]);
            start += sizes[c];
        }
        return shares;
    }

    /** Sizes of {@code clients} equal shares of {@code size} samples: the first {@code size % clients} get one more. */
    public static int[] equalSizes(int size, int clients) {
        if (clients < 1 || clients > size) {
            throw new IllegalArgumentException("cannot split " + size + " samples among " + clients + " clients");
        }
        int[] sizes = new int[clients];
        for (int c = 0; c < clients; c++) {
            sizes[c] = size / clients + (c < size % clients ? 1 : 0);
        }
        return sizes;
    }

    /**
     * Unequal client sizes with log-normal shares: client {@code k} gets weight
     * {@code exp(sigma * z_k)}, {@code z_k} standard normal from {@code seed}, and
     * {@code 1 + (size - clients) * w_k / sum(w)} samples rounded by largest remainder (ties to the
     * lower client index), so that every client holds at least one sample and the sizes add up
     * to {@code size}. {@code sigma = 0} gives equal sizes (within one); {@code sigma = 1} gives a
     * ratio of about 13 ({@code exp(2 x 1.28)}) between the 90th and the 10th percentile client. Log-normal client sizes
     * follow the LEAF benchmark's observation that real federated data sets are heavy-tailed
     * (Caldas et al. 2018).
     *
     * @param sigma standard deviation of the log of the weights ({@code >= 0})
     */
    public static int[] unequalSizes(int size, int clients, double sigma, long seed) {
        if (clients < 1 || clients > size) {
            throw new IllegalArgumentException("cannot split " + size + " samples among " + clients + " clients");
        }
        if (!(sigma >= 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("sigma must be a finite number >= 0, got " + sigma);
        }
        SplittableRandom r = new SplittableRandom(seed);
        double[] w = new double[clients];
        double sum = 0;
        for (int c = 0; c < clients; c++) {
            w[c] = Math.exp(sigma * r.nextGaussian());
            sum += w[c];
        }
        int spare = size - clients;
        int[] sizes = new int[clients];
        double[] remainder = new double[clients];
        int assigned = 0;
        for (int c = 0; c < clients; c++) {
            double exact = spare * w[c] / sum;
            int whole = (int) Math.floor(exact);
            sizes[c] = 1 + whole;
            remainder[c] = exact - whole;
            assigned += whole;
        }
        Integer[] byRemainder = new Integer[clients];
        for (int c = 0; c < clients; c++) {
            byRemainder[c] = c;
        }
        Arrays.sort(byRemainder, (a, b) -> remainder[a] != remainder[b] ? Double.compare(remainder[b], remainder[a])
                : Integer.compare(a, b));
        for (int i = 0; i < spare - assigned; i++) {
            sizes[byRemainder[i]]++;
        }
        return sizes;
    }

    /**
     * Label shards (McMahan et al. 2017, section 3, "pathological non-IID"): sort the indices by
     * label (ties by index), cut them into {@code clients * shardsPerClient} contiguous shards of
     * equal size (the first {@code size % shards} one sample larger), shuffle the shards from
     * {@code seed} and give each client {@code shardsPerClient} of them. With MNIST, 100 clients
     * and 2 shards each, this is McMahan's 200 shards of 300 images. A shard holds one class
     * unless it straddles a class boundary, so a client sees at most {@code 2 * shardsPerClient}
     * classes and usually {@code shardsPerClient} or fewer.
     *
     * @param labels label of every sample
     */
    public static int[][] labelShards(int[] labels, int clients, int shardsPerClient, long seed) {
        if (clients < 1 || shardsPerClient < 1 || (long) clients * shardsPerClient > labels.length) {
            throw new IllegalArgumentException("cannot cut " + labels.length + " samples into " + clients + " x "
                    + shardsPerClient + " shards");
        }
        int[] sorted = sortedByLabel(labels);
        int shards = clients * shardsPerClient;
        int[] shardStart = new int[shards + 1];
        for (int s = 0; s < shards; s++) {
            shardStart[s + 1] = shardStart[s] + labels.length / shards + (s < labels.length % shards ? 1 : 0);
        }
        int[] shardOrder = identity(shards);
        shuffle(shardOrder, new SplittableRandom(seed));
        int[][] out = new int[clients][];
        for (int c = 0; c < clients; c++) {
            int n = 0;
            for (int j = 0; j < shardsPerClient; j++) {
                int s = shardOrder[c * shardsPerClient + j];
                n += shardStart[s + 1] - shardStart[s];
            }
            out[c] = new int[n];
            int pos = 0;
            for (int j = 0; j < shardsPerClient; j++) {
                int s = shardOrder[c * shardsPerClient + j];
                int len = shardStart[s + 1] - shardStart[s];
                System.arraycopy(sorted, shardStart[s], out[c], pos, len);
                pos += len;
            }
        }
        return out;
    }

    /** Dirichlet label skew with equal client sizes; see {@link #dirichlet(int[], int, int[], double, long)}. */
    public static int[][] dirichlet(int[] labels, int numClasses, int clients, double alpha, long seed) {
        return dirichlet(labels, numClasses, equalSizes(labels.length, clients), alpha, seed);
    }

    /**
     * Dirichlet label skew after Hsu, Qi and Brown (2019, "Measuring the effects of non-identical
     * data distribution for federated visual classification", section 3): client {@code k} draws
     * class proportions {@code q_k ~ Dir(alpha * p)}, {@code p} being the data set's class
     * frequencies, and fills its {@code sizes[k]} samples one by one: each draws class {@code c}
     * with probability proportional to {@code q_kc * r_c / n_c} ({@code r_c} samples of class
     * {@code c} still unused out of {@code n_c}) and takes the next unused sample of that class
     * (classes shuffled once from {@code seed}). Weighting by what is left makes sizes exact and
     * uses every sample once, and for {@code q_k = p} it is uniform sampling without replacement,
     * so a large {@code alpha} gives IID shares down to the last client. Clients are filled in
     * index order; with a small {@code alpha} a client whose classes are used up takes what is
     * left. {@code alpha -> 0} gives single-class clients (as far as the classes' sizes allow).
     *
     * <p>Gamma variates come from Commons Math's {@link GammaDistribution} (Marsaglia and Tsang
     * 2000) on a {@link Well19937c} seeded with {@code seed}; for small shapes {@code a} they are
     * drawn in log space as {@code log G(a + 1) + log(U) / a} (Marsaglia and Tsang, section 6),
     * which keeps {@code alpha} down to 1e-6 free of underflow.
     *
     * @param labels     label of every sample, {@code 0 .. numClasses-1}
     * @param sizes      samples per client, adding up to {@code labels.length}
     * @param alpha      concentration ({@code > 0})
     */
    public static int[][] dirichlet(int[] labels, int numClasses, int[] sizes, double alpha, long seed) {
        if (!(alpha > 0) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("alpha must be a positive number, got " + alpha);
        }
        if (total(sizes) != labels.length) {
            throw new IllegalArgumentException("client sizes add up to " + total(sizes) + ", the data set has " + labels.length);
        }
        int[][] byClass = indicesByClass(labels, numClasses);
        RandomGenerator rng = new Well19937c(seed);
        SplittableRandom shuffle = new SplittableRandom(rng.nextLong());
        for (int[] c : byClass) {
            shuffle(c, shuffle);
        }
        int[] next = new int[numClasses];
        double[] prior = new double[numClasses];
        for (int c = 0; c < numClasses; c++) {
            prior[c] = (double) byClass[c].length / labels.length;
        }
        int[][] out = new int[sizes.length][];
        double[] q = new double[numClasses];
        double[] weight = new double[numClasses];
        for (int k = 0; k < sizes.length; k++) {
            dirichletSample(rng, alpha, prior, q);
            out[k] = new int[sizes[k]];
            for (int i = 0; i < sizes[k]; i++) {
                double mass = 0;
                for (int c = 0; c < numClasses; c++) {
                    weight[c] = q[c] * (byClass[c].length - next[c]) / Math.max(1, byClass[c].length);
                    mass += weight[c];
                }
                int chosen = -1;
                if (mass > 0) {
                    double u = rng.nextDouble() * mass;
                    for (int c = 0; c < numClasses; c++) {
                        if (next[c] < byClass[c].length) {
                            chosen = c;
                            u -= weight[c];
                            if (u < 0) {
                                break;
                            }
                        }
                    }
                } else {
                    // every class this client favours is used up: draw uniformly from what is left
                    double left = 0;
                    for (int c = 0; c < numClasses; c++) {
                        left += byClass[c].length - next[c];
                    }
                    double u = rng.nextDouble() * left;
                    for (int c = 0; c < numClasses; c++) {
                        int remaining = byClass[c].length - next[c];
                        if (remaining > 0) {
                            chosen = c;
                            u -= remaining;
                            if (u < 0) {
                                break;
                            }
                        }
                    }
                }
                out[k][i] = byClass[chosen][next[chosen]++];
            }
        }
        return out;
    }

    /** Fills {@code out} with a draw from Dirichlet({@code alpha * prior}); classes with prior 0 get 0. */
    static void dirichletSample(RandomGenerator rng, double alpha, double[] prior, double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < prior.length; c++) {
            if (prior[c] == 0) {
                out[c] = Double.NEGATIVE_INFINITY;
                continue;
            }
            out[c] = logGamma(rng, alpha * prior[c]);
            max = Math.max(max, out[c]);
        }
        double sum = 0;
        for (int c = 0; c < prior.length; c++) {
            out[c] = Math.exp(out[c] - max);
            sum += out[c];
        }
        for (int c = 0; c < prior.length; c++) {
            out[c] /= sum;
        }
    }

    /** Log of a Gamma(shape, 1) variate. */
    static double logGamma(RandomGenerator rng, double shape) {
        if (shape >= 1) {
            return Math.log(new GammaDistribution(rng, shape, 1.0).sample());
        }
        double g = new GammaDistribution(rng, shape + 1, 1.0).sample();
        double u = rng.nextDouble();
        while (u == 0) {
            u = rng.nextDouble();
        }
        return Math.log(g) + Math.log(u) / shape;
    }

    /**
     * Maps shares of positions {@code 0 .. subset.length-1} (a partition of a subset, e.g. the
     * private part of a pre-training split) back to data set indices: {@code subset[share[i]]}.
     */
    public static int[][] within(int[][] shares, int[] subset) {
        int[][] out = new int[shares.length][];
        for (int k = 0; k < shares.length; k++) {
            out[k] = new int[shares[k].length];
            for (int i = 0; i < shares[k].length; i++) {
                out[k][i] = subset[shares[k][i]];
            }
        }
        return out;
    }

    /** Labels of the samples {@code subset} of {@code labels}, for partitioning a subset by label. */
    public static int[] labelsOf(int[] labels, int[] subset) {
        int[] out = new int[subset.length];
        for (int i = 0; i < subset.length; i++) {
            out[i] = labels[subset[i]];
        }
        return out;
    }

    /** Class histogram of each client's share: {@code [client][class]} sample counts. */
    public static int[][] classCounts(int[][] shares, int[] labels, int numClasses) {
        int[][] counts = new int[shares.length][numClasses];
        for (int k = 0; k < shares.length; k++) {
            for (int i : shares[k]) {
                counts[k][labels[i]]++;
            }
        }
        return counts;
    }

    /** In-place Fisher-Yates shuffle. */
    public static void shuffle(int[] a, SplittableRandom r) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static int[] sortedByLabel(int[] labels) {
        int max = 0;
        for (int l : labels) {
            if (l < 0) {
                throw new IllegalArgumentException("negative label " + l);
            }
            max = Math.max(max, l);
        }
        int[][] byClass = indicesByClass(labels, max + 1);
        int[] out = new int[labels.length];
        int pos = 0;
        for (int[] c : byClass) {
            System.arraycopy(c, 0, out, pos, c.length);
            pos += c.length;
        }
        return out;
    }

    private static int[][] indicesByClass(int[] labels, int numClasses) {
        int[] counts = new int[numClasses];
        for (int l : labels) {
            if (l < 0 || l >= numClasses) {
                throw new IllegalArgumentException("label " + l + " is outside 0.." + (numClasses - 1));
            }
            counts[l]++;
        }
        int[][] out = new int[numClasses][];
        for (int c = 0; c < numClasses; c++) {
            out[c] = new int[counts[c]];
        }
        int[] fill = new int[numClasses];
        for (int i = 0; i < labels.length; i++) {
            out[labels[i]][fill[labels[i]]++] = i;
        }
        return out;
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    private static int total(int[] sizes) {
        long n = 0;
        for (int s : sizes) {
            if (s < 1) {
                throw new IllegalArgumentException("every client needs at least one sample, got size " + s);
            }
            n += s;
        }
        return Math.toIntExact(n);
    }
}
