package dev.switchboard.bench.eval;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.util.List;
import java.util.Locale;

/** The frame of a {@link CurvePlot}: grid, ticks, axis titles and the legend. */
final class PlotAxes {

    private static final Color GRID = new Color(0xe6, 0xe6, 0xe6);

    /** One legend entry. */
    record Key(String label, Color color) {
    }

    private PlotAxes() {
    }

    static void draw(Graphics2D g, PlotScale scale, int left, int top, int right, int bottom) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setStroke(new BasicStroke(1f));
        for (double decade = Math.pow(10, Math.floor(Math.log10(scale.minCost()))); decade <= scale.maxCost();
             decade *= 10) {
            for (int m : new int[]{1, 2, 5}) {
                double cost = decade * m;
                if (cost >= scale.minCost() && cost <= scale.maxCost()) {
                    int x = scale.x(cost);
                    g.setColor(GRID);
                    g.drawLine(x, top, x, bottom);
                    g.setColor(Color.DARK_GRAY);
                    g.drawString(usd(cost), x - 16, bottom + 18);
                }
            }
        }
        double step = niceStep(scale.maxQuality() - scale.minQuality());
        for (double q = Math.ceil(scale.minQuality() / step) * step; q <= scale.maxQuality() + 1e-9; q += step) {
            int y = scale.y(q);
            g.setColor(GRID);
            g.drawLine(left, y, right, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, "%.0f%%", q * 100), left - 42, y + 4);
        }
        g.setColor(Color.BLACK);
        g.drawRect(left, top, right - left, bottom - top);
        g.drawString("total recorded cost, USD (log scale)", (left + right) / 2 - 100, bottom + 42);
        g.rotate(-Math.PI / 2);
        g.drawString("mean recorded score", -(top + bottom) / 2 - 55, 22);
        g.rotate(Math.PI / 2);
    }

    static void legend(Graphics2D g, int x, int y, List<Key> keys) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(new Color(255, 255, 255, 230));
        g.fillRect(x - 8, y - 16, 290, keys.size() * 22 + 10);
        g.setColor(Color.LIGHT_GRAY);
        g.drawRect(x - 8, y - 16, 290, keys.size() * 22 + 10);
        for (int i = 0; i < keys.size(); i++) {
            Key key = keys.get(i);
            g.setColor(key.color());
            g.fillRect(x, y + i * 22 - 8, 14, 8);
            g.setColor(Color.BLACK);
            g.drawString(key.label(), x + 22, y + i * 22);
        }
    }

    private static double niceStep(double range) {
        double raw = range / 8;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[]{1, 2, 5, 10}) {
            if (m * power >= raw) {
                return m * power;
            }
        }
        return 10 * power;
    }

    private static String usd(double cost) {
        if (cost >= 1) {
            return String.format(Locale.ROOT, "%.0f", cost);
        }
        return String.format(Locale.ROOT, "%." + (int) Math.ceil(-Math.log10(cost)) + "f", cost);
    }
}
