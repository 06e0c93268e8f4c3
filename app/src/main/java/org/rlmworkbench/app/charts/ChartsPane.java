package org.rlmworkbench.app.charts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javafx.animation.AnimationTimer;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.rlmworkbench.runner.event.RunEvent;

/**
 * The run's charts: best value and root Q by iteration, the root's visit distribution, and nodes
 * over events. Fed with event batches; redrawn at most once per frame, with long series thinned
 * to a few hundred points so that charts stay cheap on long runs.
 */
public final class ChartsPane extends TabPane {
    private static final int MAX_POINTS = 400;
    private static final int MAX_BARS = 12;

    private final ChartsModel model = new ChartsModel();
    private final XYChart.Series<Number, Number> best = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> rootQ = new XYChart.Series<>();
    private final XYChart.Series<Number, String> visits = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> nodes = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> proposed = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> rejected = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> tokens = new XYChart.Series<>();
    private final LineChart<Number, Number> valueChart;
    private final BarChart<Number, String> visitChart;
    private final LineChart<Number, Number> nodeChart;
    private static final long REDRAW_NANOS = 200_000_000L;
    private boolean dirty;
    private long lastRedraw;

    public ChartsPane() {
        best.setName("best value");
        rootQ.setName("root Q");
        visits.setName("visits");
        nodes.setName("nodes");
        valueChart = lineChart("iteration", "value");
        valueChart.getData().add(best);
        valueChart.getData().add(rootQ);
        // two lines: the legend says which is which
        valueChart.setLegendVisible(true);
        valueChart.setLegendSide(javafx.geometry.Side.TOP);
        CategoryAxis children = new CategoryAxis();
        children.setLabel("root's children");
        NumberAxis n = new NumberAxis();
        n.setLabel("visits N");
        // horizontal bars: the children's steps read level on the left instead of squeezing the plot
        visitChart = new BarChart<>(n, children);
        visitChart.setAnimated(false);
        visitChart.setLegendVisible(false);
        visitChart.getData().add(visits);
        nodeChart = lineChart("events", "nodes");
        nodeChart.setLegendVisible(false);
        nodeChart.getData().add(nodes);
        proposed.setName("written steps");
        rejected.setName("invalid steps");
        LineChart<Number, Number> writtenChart = lineChart("iteration", "steps");
        writtenChart.setCreateSymbols(true);
        writtenChart.getData().add(proposed);
        writtenChart.getData().add(rejected);
        tokens.setName("tokens so far");
        LineChart<Number, Number> callChart = lineChart("model call", "tokens");
        callChart.setLegendVisible(true);
        callChart.setLegendSide(javafx.geometry.Side.TOP);
        callChart.getData().add(tokens);
        getTabs().addAll(tab("Values", valueChart), tab("Root visits", visitChart), tab("Nodes", nodeChart),
                tab("Written steps", writtenChart), tab("Model calls", callChart));
        getStyleClass().add("charts");
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                // a few redraws a second read as live; one per frame would take the frame from input
                if (dirty && now - lastRedraw >= REDRAW_NANOS) {
                    dirty = false;
                    lastRedraw = now;
                    redraw();
                }
            }
        }.start();
    }

    private static Tab tab(String title, javafx.scene.Node content) {
        Tab t = new Tab(title, content);
        t.setClosable(false);
        return t;
    }

    private static LineChart<Number, Number> lineChart(String x, String y) {
        NumberAxis xa = new NumberAxis();
        xa.setLabel(x);
        xa.setForceZeroInRange(false);
        NumberAxis ya = new NumberAxis();
        ya.setLabel(y);
        ya.setForceZeroInRange(false);
        LineChart<Number, Number> c = new LineChart<>(xa, ya);
        c.setAnimated(false);
        c.setCreateSymbols(false);
        return c;
    }

    /** Takes a batch of events (on the JavaFX thread); an empty batch clears the charts. */
    public void accept(List<RunEvent> batch) {
        if (batch.isEmpty()) {
            model.accept(new org.rlmworkbench.runner.event.RunStarted("", "", "", 0));
        }
        for (RunEvent e : batch) {
            model.accept(e);
        }
        dirty = true;
    }

    public ChartsModel model() {
        return model;
    }

    /** Redraws now (tests, exports). */
    public void redraw() {
        List<ChartsModel.IterationPoint> it = model.iterations();
        int stride = Math.max(1, it.size() / MAX_POINTS);
        List<XYChart.Data<Number, Number>> b = new ArrayList<>();
        List<XYChart.Data<Number, Number>> q = new ArrayList<>();
        for (int i = 0; i < it.size(); i += stride) {
            ChartsModel.IterationPoint p = it.get(i);
            if (!Double.isNaN(p.bestValue())) {
                b.add(new XYChart.Data<>(p.iteration(), p.bestValue()));
            }
            if (!Double.isNaN(p.rootQ())) {
                q.add(new XYChart.Data<>(p.iteration(), p.rootQ()));
            }
        }
        best.getData().setAll(b);
        rootQ.getData().setAll(q);
        List<Map.Entry<Integer, Integer>> top = new ArrayList<>(model.rootChildVisits().entrySet());
        top.sort(Map.Entry.<Integer, Integer>comparingByValue(Comparator.reverseOrder()));
        List<XYChart.Data<Number, String>> bars = new ArrayList<>();
        List<Map.Entry<Integer, Integer>> shown = top.subList(0, Math.min(MAX_BARS, top.size()));
        // the most visited at the top: a category axis runs upwards
        for (int i = shown.size() - 1; i >= 0; i--) {
            Map.Entry<Integer, Integer> e = shown.get(i);
            String label = model.rootChildText(e.getKey());
            int cut = label.indexOf(" (");
            bars.add(new XYChart.Data<>(e.getValue(), (cut > 0 ? label.substring(0, cut) : label) + " #" + e.getKey()));
        }
        visits.getData().setAll(bars);
        List<ChartsModel.SizePoint> s = model.sizes();
        int st = Math.max(1, s.size() / MAX_POINTS);
        List<XYChart.Data<Number, Number>> n = new ArrayList<>();
        for (int i = 0; i < s.size(); i += st) {
            n.add(new XYChart.Data<>(s.get(i).event(), s.get(i).nodes()));
        }
        nodes.getData().setAll(n);
        List<ChartsModel.ProposalPoint> pp = model.proposals();
        int sp = Math.max(1, pp.size() / MAX_POINTS);
        List<XYChart.Data<Number, Number>> all = new ArrayList<>();
        List<XYChart.Data<Number, Number>> bad = new ArrayList<>();
        for (int i = 0; i < pp.size(); i += sp) {
            all.add(new XYChart.Data<>(pp.get(i).iteration(), pp.get(i).proposals()));
            bad.add(new XYChart.Data<>(pp.get(i).iteration(), pp.get(i).invalid()));
        }
        proposed.getData().setAll(all);
        rejected.getData().setAll(bad);
        List<ChartsModel.CallPoint> cp = model.calls();
        int sc = Math.max(1, cp.size() / MAX_POINTS);
        List<XYChart.Data<Number, Number>> tk = new ArrayList<>();
        for (int i = 0; i < cp.size(); i += sc) {
            tk.add(new XYChart.Data<>(cp.get(i).call(), cp.get(i).tokens()));
        }
        if (!cp.isEmpty() && (cp.size() - 1) % sc != 0) {
            tk.add(new XYChart.Data<>(cp.get(cp.size() - 1).call(), cp.get(cp.size() - 1).tokens()));
        }
        tokens.getData().setAll(tk);
        double cost = cp.isEmpty() ? 0 : cp.get(cp.size() - 1).cost();
        // the legend carries the money: a second axis for cost would crowd a side pane
        tokens.setName(cost > 0 ? String.format(java.util.Locale.ROOT, "tokens so far (cost %.4f)", cost) : "tokens so far");
    }

    /** The node count of the last point the Nodes chart draws; 0 when it is empty. */
    public int nodeSeriesLast() {
        var d = nodes.getData();
        return d.isEmpty() ? 0 : d.get(d.size() - 1).getYValue().intValue();
    }

    /**
     * Writes the chart on the selected tab as PNG at {@code width} x {@code height} pixels: the
     * chart is laid out at that size off screen (its type scaled with it), not enlarged from the
     * screen's pixels.
     */
    public void exportPng(java.nio.file.Path file, int width, int height) throws java.io.IOException {
        redraw();
        javafx.scene.Node chart = selectedChart();
        var box = new javafx.scene.layout.StackPane();
        double k = Math.max(1, Math.min(width / 800.0, height / 450.0));
        // laid out at a size whose proportions match, then scaled: type stays readable at high resolution
        double w = width / k;
        double h = height / k;
        var parent = ((javafx.scene.control.Tab) getSelectionModel().getSelectedItem());
        parent.setContent(null);
        try {
            box.getChildren().add(chart);
            var scene = new javafx.scene.Scene(box, w, h);
            scene.getStylesheets().addAll(getScene() == null ? java.util.List.of() : getScene().getStylesheets());
            box.applyCss();
            box.layout();
            var params = new javafx.scene.SnapshotParameters();
            params.setTransform(javafx.scene.transform.Transform.scale(width / w, height / h));
            org.rlmworkbench.graphview.export.ViewExport.writePng(box.snapshot(params, null), file);
        } finally {
            box.getChildren().clear();
            parent.setContent(chart);
        }
    }

    /** The chart on the selected tab, for export. */
    public javafx.scene.Node selectedChart() {
        return getSelectionModel().getSelectedItem().getContent();
    }
}
