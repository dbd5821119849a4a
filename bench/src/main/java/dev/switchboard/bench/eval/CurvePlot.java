package dev.switchboard.bench.eval;

import dev.switchboard.core.eval.CostQuality;
import dev.switchboard.core.eval.QualityHull;
import dev.switchboard.core.eval.SweepPoint;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Draws a task's cost–quality plane as a PNG: the policy's curve as its threshold sweeps and its operating point,
 * the routers calibrated to other targets,
 * every single model, the hull of single models, the oracle, the live router and the target quality. Cost is on a
 * log scale, since the models' prices span orders of magnitude.
 */
public final class CurvePlot {

    private static final int WIDTH = 1000;
    private static final int HULL_SAMPLES = 400;
    private static final int HEIGHT = 660;
    private static final int LEFT = 80;
    private static final int RIGHT = 30;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;
    private static final Color POLICY = new Color(0x1f, 0x6f, 0xc6);
    private static final Color HULL = new Color(0x66, 0x66, 0x66);
    private static final Color ORACLE = new Color(0xc6, 0x28, 0x28);
    private static final Color LIVE = new Color(0xe0, 0x8a, 0x00);
    private static final Color TARGET = new Color(0x2e, 0x7d, 0x32);
    private static final Color TARGETS = new Color(0x7b, 0x1f, 0xa2);

    private final BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    private final Graphics2D g = image.createGraphics();
    private final PlotScale scale;

    private CurvePlot(PlotScale scale) {
        this.scale = scale;
    }

    /** The PNG's file name for a task. */
    public static String fileName(String task) {
        return "curve-" + task.replaceAll("[^A-Za-z0-9_.-]", "_") + ".png";
    }

    /** Draws a scored task's plane into {@code dir}; returns the file written. */
    public static Path write(TaskResult result, Path dir) {
        List<CostQuality> all = new ArrayList<>(result.singles().points());
        result.sweep().forEach(p -> all.add(p.totals().point()));
        result.targets().forEach(p -> all.add(p.totals().point()));
        all.add(result.oracle().point());
        double level = result.metrics().targetShare() * result.metrics().bestQuality();
        CurvePlot plot = new CurvePlot(PlotScale.around(all, level));
        plot.draw(result, level);
        Path file = dir.resolve(fileName(result.task()));
        try {
            ImageIO.write(plot.image, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    private void draw(TaskResult r, double level) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        PlotAxes.draw(g, scale, LEFT, TOP, WIDTH - RIGHT, HEIGHT - BOTTOM);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.setColor(Color.BLACK);
        g.drawString(r.task() + ": recorded cost vs quality (" + r.metrics().n() + " prompts)", LEFT, 30);
        dashedLevel(level);
        hull(r);
        singles(r);
        policy(r.sweep());
        r.targets().forEach(p -> diamond(p.totals().point()));
        marker(r.operating().point(), POLICY, 7, true);
        marker(r.oracle().point(), ORACLE, 7, true);
        if (r.liveRouter() != null) {
            square(r.liveRouter().point());
        }
        PlotAxes.legend(g, WIDTH - RIGHT - 290, HEIGHT - BOTTOM - 154, List.of(
                new PlotAxes.Key("policy sweep / operating point", POLICY),
                new PlotAxes.Key("policy calibrated to other targets", TARGETS),
                new PlotAxes.Key("single models and their hull", HULL),
                new PlotAxes.Key("oracle", ORACLE),
                new PlotAxes.Key("live router (rules, cheapest eligible)", LIVE),
                new PlotAxes.Key(String.format(Locale.ROOT, "target: %.0f%% of best model",
                        r.metrics().targetShare() * 100), TARGET)));
    }

    private void dashedLevel(double level) {
        g.setColor(TARGET);
        g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[]{8, 6}, 0));
        int y = scale.y(level);
        g.drawLine(LEFT, y, WIDTH - RIGHT, y);
    }

    /** Mixing is linear in cost, so on the log axis the hull bends: draw it through many sampled costs. */
    private void hull(TaskResult r) {
        QualityHull hull = r.hull();
        double from = hull.vertices().get(0).cost();
        List<CostQuality> samples = new ArrayList<>();
        for (int i = 0; i <= HULL_SAMPLES; i++) {
            double cost = from * Math.pow(scale.maxCost() / from, i / (double) HULL_SAMPLES);
            samples.add(new CostQuality(cost, hull.qualityAt(cost).orElseThrow()));
        }
        g.setColor(HULL);
        g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[]{4, 4}, 0));
        polyline(samples);
    }

    private void singles(TaskResult r) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        r.singles().byModel().forEach((model, run) -> {
            marker(run.point(), HULL, 4, true);
            String name = model.contains("/") ? model.substring(model.lastIndexOf('/') + 1) : model;
            g.setColor(HULL);
            int x = scale.x(run.point().cost());
            int width = g.getFontMetrics().stringWidth(name);
            // Names that would run off the right edge go to the left of their point.
            g.drawString(name, x + 6 + width > WIDTH - RIGHT ? x - 6 - width : x + 6, scale.y(run.point().quality()) - 4);
        });
    }

    private void policy(List<SweepPoint> sweep) {
        List<CostQuality> points = sweep.stream().map(p -> p.totals().point()).distinct()
                .sorted(Comparator.comparingDouble(CostQuality::cost)).toList();
        g.setColor(POLICY);
        g.setStroke(new BasicStroke(2f));
        polyline(points);
        points.forEach(p -> marker(p, POLICY, 2, true));
    }

    private void polyline(List<CostQuality> points) {
        Path2D path = new Path2D.Double();
        for (int i = 0; i < points.size(); i++) {
            double x = scale.x(points.get(i).cost());
            double y = scale.y(points.get(i).quality());
            if (i == 0) {
                path.moveTo(x, y);
            } else {
                path.lineTo(x, y);
            }
        }
        g.draw(path);
    }

    private void marker(CostQuality p, Color color, int radius, boolean filled) {
        g.setColor(color);
        int x = scale.x(p.cost());
        int y = scale.y(p.quality());
        if (filled) {
            g.fillOval(x - radius, y - radius, 2 * radius, 2 * radius);
        } else {
            g.drawOval(x - radius, y - radius, 2 * radius, 2 * radius);
        }
    }

    private void diamond(CostQuality p) {
        int x = scale.x(p.cost());
        int y = scale.y(p.quality());
        g.setColor(TARGETS);
        g.setStroke(new BasicStroke(1.5f));
        g.drawPolygon(new int[]{x, x + 6, x, x - 6}, new int[]{y - 6, y, y + 6, y}, 4);
    }

    private void square(CostQuality p) {
        g.setColor(LIVE);
        g.fillRect(scale.x(p.cost()) - 6, scale.y(p.quality()) - 6, 12, 12);
    }
}
