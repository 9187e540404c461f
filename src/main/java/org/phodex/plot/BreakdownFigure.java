package org.phodex.plot;

import java.awt.Font;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Energy per MAC of the front's designs, stacked by component (laser, converters, modulators, memory...), one
 * horizontal bar per design, in fJ/MAC. At most {@link #MAX_BARS} designs, spread along the front.
 */
final class BreakdownFigure {
    static final int MAX_BARS = 12;

    /** Components in a fixed physical order (light source to memory); others follow alphabetically. */
    static final List<String> COMPONENT_ORDER = List.of("laser", "dac", "modulator", "weight_program",
            "weight_hold", "detector_tia", "adc", "mac", "digital", "accumulator", "io_buffer", "global_buffer", "noc",
            "sram", "dram", "leakage", "standby", "controller");

    private BreakdownFigure() {
    }

    /**
     * @param macs MACs per inference from the manifest, or NaN to derive it per design as energy_j / energy_per_mac_j
     */
    static Figure create(String name, List<DesignPoint> front, double macs, String title) {
        List<DesignPoint> withBreakdown = new ArrayList<>();
        for (DesignPoint p : front) {
            if (p.feasible() && !p.breakdownJ().isEmpty() && Double.isFinite(macsOf(p, macs))) {
                withBreakdown.add(p);
            }
        }
        if (withBreakdown.isEmpty()) {
            throw new PlotInputException(name + ": no front design has breakdown_<component>_j columns and a MAC "
                    + "count (macs in manifest.json, or an energy_per_mac_j column)");
        }
        withBreakdown.sort(Comparator.comparingDouble(DesignPoint::energyJ));
        List<DesignPoint> bars = spread(withBreakdown, MAX_BARS);

        List<String> components = components(bars);
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        List<String> header = new ArrayList<>(List.of("bar", "eval_id", "architecture", "label", "macs",
                "total_fj_per_mac"));
        for (String c : components) {
            header.add(c + "_fj_per_mac");
        }
        DataTable data = new DataTable(header.toArray(new String[0]));
        for (int i = 0; i < bars.size(); i++) {
            DesignPoint p = bars.get(i);
            double m = macsOf(p, macs);
            String category = barLabel(i, p);
            List<Object> row = new ArrayList<>(List.of(i + 1, p.evalId(), p.architecture(), p.shortLabel(), m,
                    1e15 * p.energyJ() / m));
            for (String c : components) {
                double fj = 1e15 * p.breakdownJ().getOrDefault(c, 0.0) / m;
                dataset.addValue(fj, prettyComponent(c), category);
                row.add(fj);
            }
            data.add(row.toArray());
        }

        CategoryAxis designs = new CategoryAxis(null);
        designs.setMaximumCategoryLabelLines(2);
        designs.setMaximumCategoryLabelWidthRatio(0.45f);
        designs.setCategoryMargin(0.25);
        designs.setLowerMargin(0.02);
        designs.setUpperMargin(0.02);
        NumberAxis energy = new NumberAxis("Energy per MAC (fJ/MAC)");
        energy.setUpperMargin(0.12);
        StackedBarRenderer renderer = new StackedBarRenderer();
        for (int i = 0; i < components.size(); i++) {
            renderer.setSeriesPaint(i, Style.categoryColour(i));
        }
        // total at the end of each bar, on the last (outermost) series only
        int last = components.size() - 1;
        renderer.setSeriesItemLabelGenerator(last, new StandardCategoryItemLabelGenerator() {
            @Override
            public String generateLabel(CategoryDataset ds, int row, int column) {
                double total = 0;
                for (int r = 0; r < ds.getRowCount(); r++) {
                    Number n = ds.getValue(r, column);
                    total += n == null ? 0 : n.doubleValue();
                }
                return " " + SiFormat.significant(total) + " fJ";
            }
        });
        renderer.setSeriesItemLabelsVisible(last, true);
        renderer.setSeriesItemLabelFont(last, Style.ANNOTATION_FONT);
        renderer.setSeriesPositiveItemLabelPosition(last,
                new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        CategoryPlot plot = new CategoryPlot(dataset, designs, energy, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        plot.setDomainGridlinesVisible(false);
        JFreeChart chart = new JFreeChart(title, Style.AXIS_LABEL_FONT, plot, true);
        Style.apply(chart);
        designs.setTickLabelFont(new Font(Style.FONT_FAMILY, Font.PLAIN, 9));
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        double height = Math.max(Style.HEIGHT_PT * 0.7, 110 + 26 * bars.size());
        return new Figure(name, chart, Style.WIDTH_PT, height, data);
    }

    static double macsOf(DesignPoint p, double macs) {
        if (macs > 0 && Double.isFinite(macs)) {
            return macs;
        }
        if (p.energyPerMacJ() > 0 && p.energyJ() > 0) {
            return p.energyJ() / p.energyPerMacJ();
        }
        return Double.NaN;
    }

    private static String barLabel(int index, DesignPoint p) {
        String id = p.evalId().isEmpty() ? "" : " (#" + p.evalId() + ")";
        String quality = Double.isFinite(p.accuracy())
                ? String.format(Locale.ROOT, ", %.1f %%", 100 * p.accuracy())
                : Double.isFinite(p.relativeError())
                ? ", err " + String.format(Locale.ROOT, "%.2g", p.relativeError()) : "";
        return (index + 1) + ". " + p.architecture() + id + "\n" + p.shortLabel() + quality;
    }

    /** Components present in any bar: known ones in physical order, then the rest alphabetically. */
    static List<String> components(List<DesignPoint> bars) {
        Set<String> present = new LinkedHashSet<>();
        for (DesignPoint p : bars) {
            p.breakdownJ().forEach((component, joules) -> {
                if (joules != 0) {
                    present.add(component);  // a component that is zero in every bar gets no legend entry
                }
            });
        }
        List<String> out = new ArrayList<>();
        for (String c : COMPONENT_ORDER) {
            if (present.remove(c)) {
                out.add(c);
            }
        }
        List<String> rest = new ArrayList<>(present);
        rest.sort(null);
        out.addAll(rest);
        return out;
    }

    /** "detector_tia" -> "detector + TIA", "adc" -> "ADC". */
    static String prettyComponent(String c) {
        switch (c) {
            case "dac":
                return "DAC";
            case "adc":
                return "ADC";
            case "sram":
                return "SRAM";
            case "mac":
                return "MACs";
            case "io_buffer":
                return "I/O buffer";
            case "dram":
                return "DRAM";
            case "noc":
                return "NoC";
            case "detector_tia":
                return "detector + TIA";
            default:
                return c.replace('_', ' ');
        }
    }

    /** At most k items, evenly spaced by index, always the first and the last. */
    static <T> List<T> spread(List<T> items, int k) {
        if (items.size() <= k) {
            return items;
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            out.add(items.get((int) Math.round(i * (items.size() - 1) / (double) (k - 1))));
        }
        return out;
    }
}
