package dev.switchboard.core.policy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Turns a prompt into hashed word unigram and bigram counts: a fixed-size sparse bag of words that needs no
 * vocabulary file. Hashing is {@link String#hashCode} (specified by the JLS, so the same on every JVM) mixed and
 * folded into {@link #DIMENSIONS} buckets.
 */
public final class TextFeatures {

    public static final int DIMENSIONS = 1 << 18;
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private TextFeatures() {
    }

    /** Bucket → count of the text's unigrams and bigrams, as parallel arrays sorted by bucket. */
    public static SparseVector counts(String text) {
        String[] words = NON_WORD.split(text == null ? "" : text.toLowerCase(Locale.ROOT));
        Map<Integer, Float> counts = new HashMap<>();
        String previous = null;
        for (String word : words) {
            if (word.isEmpty()) {
                continue;
            }
            counts.merge(bucket(word), 1f, Float::sum);
            if (previous != null) {
                counts.merge(bucket(previous + ' ' + word), 1f, Float::sum);
            }
            previous = word;
        }
        return SparseVector.of(counts);
    }

    static int bucket(String term) {
        int h = term.hashCode() * 0x9E3779B1;
        return (h ^ (h >>> 15)) & (DIMENSIONS - 1);
    }

    /** Sublinear term frequency times inverse document frequency, scaled to unit length. */
    public static SparseVector tfIdf(SparseVector counts, Map<Integer, Float> idf, float unseenIdf) {
        int[] index = counts.index().clone();
        float[] value = new float[index.length];
        double norm = 0;
        for (int i = 0; i < index.length; i++) {
            double weight = (1 + Math.log(counts.value()[i])) * idf.getOrDefault(index[i], unseenIdf);
            value[i] = (float) weight;
            norm += weight * weight;
        }
        float scale = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0f;
        for (int i = 0; i < value.length; i++) {
            value[i] *= scale;
        }
        return new SparseVector(index, value);
    }

    /** Inverse document frequencies {@code ln((n + 1) / (df + 1)) + 1} of the buckets seen in these documents. */
    public static Map<Integer, Float> idf(Iterable<SparseVector> documents) {
        Map<Integer, Integer> df = new HashMap<>();
        int n = 0;
        for (SparseVector doc : documents) {
            n++;
            Arrays.stream(doc.index()).forEach(i -> df.merge(i, 1, Integer::sum));
        }
        Map<Integer, Float> idf = new TreeMap<>(); // sorted, so a saved router is the same file on every run
        int docs = n;
        df.forEach((bucket, count) -> idf.put(bucket, unseenIdf(docs) - (float) Math.log(count + 1.0)));
        return idf;
    }

    /** The weight of a bucket no training document had: the rarest there is. */
    public static float unseenIdf(int documents) {
        return (float) (Math.log(documents + 1.0) + 1);
    }
}
