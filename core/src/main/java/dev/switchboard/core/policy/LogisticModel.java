package dev.switchboard.core.policy;

import java.util.Arrays;

/**
 * Logistic regression on standardised features, fitted by Newton's method with a small ridge penalty: deterministic (no random start, no
 * sampling), so the same data always give the same weights. The first weight is the intercept, not penalised.
 *
 * @param weights intercept, then one weight per feature
 */
public record LogisticModel(double[] weights) {

    private static final int MAX_ITERATIONS = 50;
    private static final double CONVERGED = 1e-9;
    private static final double MAX_STEP = 4;

    /** The chance of the positive label for these features (without the intercept's 1). */
    public double probability(double[] features) {
        double z = weights[0];
        for (int i = 0; i < features.length; i++) {
            z += weights[i + 1] * features[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /**
     * Fits labels in [0, 1] (soft labels allowed) to rows of features.
     *
     * @param ridge the L2 penalty on the feature weights; keeps them finite when the data separate perfectly
     */
    public static LogisticModel fit(double[][] rows, double[] labels, double ridge) {
        int width = rows.length == 0 ? 0 : rows[0].length;
        double[] mean = new double[width];
        double[] scale = new double[width];
        standardise(rows, mean, scale);
        double[][] standard = new double[rows.length][width];
        for (int r = 0; r < rows.length; r++) {
            for (int i = 0; i < width; i++) {
                standard[r][i] = (rows[r][i] - mean[i]) / scale[i];
            }
        }
        double[] w = newton(standard, labels, ridge);
        // Back to the raw scale, so that callers never standardise.
        double[] raw = new double[width + 1];
        raw[0] = w[0];
        for (int i = 0; i < width; i++) {
            raw[i + 1] = w[i + 1] / scale[i];
            raw[0] -= w[i + 1] * mean[i] / scale[i];
        }
        return new LogisticModel(raw);
    }

    /**
     * Column means and spreads: the ridge then weighs every feature alike, whatever its units (a constant column
     * gets spread 1 and, centred to 0, weight 0).
     */
    private static void standardise(double[][] rows, double[] mean, double[] scale) {
        int width = mean.length;
        for (double[] row : rows) {
            for (int i = 0; i < width; i++) {
                mean[i] += row[i] / rows.length;
            }
        }
        for (double[] row : rows) {
            for (int i = 0; i < width; i++) {
                scale[i] += (row[i] - mean[i]) * (row[i] - mean[i]) / rows.length;
            }
        }
        for (int i = 0; i < width; i++) {
            scale[i] = scale[i] > 1e-12 ? Math.sqrt(scale[i]) : 1;
        }
    }

    private static double[] newton(double[][] rows, double[] labels, double ridge) {
        int d = (rows.length == 0 ? 0 : rows[0].length) + 1;
        double[] w = new double[d];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] gradient = new double[d];
            double[][] hessian = new double[d][d];
            for (int r = 0; r < rows.length; r++) {
                double[] x = withIntercept(rows[r]);
                double p = new LogisticModel(w).probability(rows[r]);
                double s = Math.max(p * (1 - p), 1e-9);
                for (int i = 0; i < d; i++) {
                    gradient[i] += (p - labels[r]) * x[i];
                    for (int j = 0; j < d; j++) {
                        hessian[i][j] += s * x[i] * x[j];
                    }
                }
            }
            for (int i = 0; i < d; i++) {
                double penalty = i == 0 ? 1e-6 : ridge;
                gradient[i] += penalty * w[i];
                hessian[i][i] += penalty;
            }
            double[] step = solve(hessian, gradient);
            double size = 0;
            for (double s : step) {
                size = Math.max(size, Math.abs(s));
            }
            // Damped: when one label is (nearly) absent the Hessian is tiny and a full step would overshoot.
            double scale = size > MAX_STEP ? MAX_STEP / size : 1;
            for (int i = 0; i < d; i++) {
                w[i] -= scale * step[i];
            }
            if (size < CONVERGED) {
                break;
            }
        }
        return w;
    }

    private static double[] withIntercept(double[] features) {
        double[] x = new double[features.length + 1];
        x[0] = 1;
        System.arraycopy(features, 0, x, 1, features.length);
        return x;
    }

    /** Gaussian elimination with partial pivoting; the matrix is positive definite thanks to the ridge. */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = Arrays.copyOf(a[i], n + 1);
            m[i][n] = b[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            double[] swap = m[col];
            m[col] = m[pivot];
            m[pivot] = swap;
            for (int r = col + 1; r < n; r++) {
                double f = m[r][col] / m[col][col];
                for (int c = col; c <= n; c++) {
                    m[r][c] -= f * m[col][c];
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double sum = m[r][n];
            for (int c = r + 1; c < n; c++) {
                sum -= m[r][c] * x[c];
            }
            x[r] = sum / m[r][r];
        }
        return x;
    }
}
