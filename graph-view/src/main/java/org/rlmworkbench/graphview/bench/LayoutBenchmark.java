package org.rlmworkbench.graphview.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.rlmworkbench.graphview.layout.GraphLayouter;
import org.rlmworkbench.graphview.layout.IncrementalTreeLayout;
import org.rlmworkbench.graphview.layout.LayoutInput;
import org.rlmworkbench.graphview.layout.LayoutKind;
import org.rlmworkbench.graphview.layout.LayoutSettings;
import org.rlmworkbench.graphview.layout.NodeLayout;
import org.rlmworkbench.graphview.model.GraphViewModel;
import org.rlmworkbench.graphview.view.ReasoningGraphView;
import org.rlmworkbench.runner.event.NodeAdded;
import org.rlmworkbench.runner.event.RunEvent;
import org.rlmworkbench.runner.graph.ReasoningGraph;
import org.rlmworkbench.runner.trace.GraphReplayer;

/**
 * Prints, for synthetic MCTS-shaped trees of 1k, 10k and 100k nodes: jungrapht layout time per
 * layout kind (warm, median of repeats); the time from 10 new nodes arriving on a 10k tree until
 * the new layout is applied and the glide starts; and frame times while panning and zooming at
 * three zoom levels in a real window (run under Xvfb on a headless machine).
 *
 * <p>Usage: {@code LayoutBenchmark [--no-ui | --frames-only] [sizes...]}, default sizes 1000 10000 100000.
 */
public final class LayoutBenchmark {

    private LayoutBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        boolean ui = true;
        boolean layouts = true;
        List<Integer> sizes = new ArrayList<>();
        for (String a : args) {
            if (a.equals("--no-ui")) {
                ui = false;
            } else if (a.equals("--frames-only")) {
                layouts = false;
            } else {
                sizes.add(Integer.parseInt(a));
            }
        }
        if (sizes.isEmpty()) {
            sizes = List.of(1_000, 10_000, 100_000);
        }
        System.out.printf(Locale.ROOT, "java %s, %d cpus, max heap %d MiB%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        if (layouts) {
            layouts(sizes);
            incremental(10_000, 10);
        }
        if (ui) {
            frames(sizes);
        }
        System.exit(0);
    }

    // ---- layout time

    static void layouts(List<Integer> sizes) {
        GraphLayouter layouter = new GraphLayouter(LayoutSettings.defaults());
        for (int n : sizes) {
            LayoutInput in = LayoutInput.of(graph(n));
            for (LayoutKind kind : LayoutKind.values()) {
                int reps = n <= 1_000 ? 7 : n <= 10_000 ? 5 : 3;
                if (kind == LayoutKind.LAYERED) {
                    if (n > GraphLayouter.LAYERED_MAX_NODES) {
                        System.out.printf(Locale.ROOT, "layout %-8s %7d nodes: skipped (the view falls back to TREE"
                                + " above %d nodes)%n", kind, n, GraphLayouter.LAYERED_MAX_NODES);
                        continue;
                    }
                    reps = n <= 1_000 ? 3 : 1;
                }
                layouter.layout(in, kind); // warm-up
                double[] ms = new double[reps];
                for (int r = 0; r < reps; r++) {
                    long t0 = System.nanoTime();
                    layouter.layout(in, kind);
                    ms[r] = (System.nanoTime() - t0) / 1e6;
                }
                Arrays.sort(ms);
                System.out.printf(Locale.ROOT, "layout %-8s %7d nodes: median %8.1f ms  (min %.1f, max %.1f, %d runs)%n",
                        kind, n, ms[reps / 2], ms[0], ms[reps - 1], reps);
            }
        }
    }

    // ---- +10 nodes on a 10k tree

    static void incremental(int n, int added) {
        List<RunEvent> events = SyntheticRun.events(n + 200, 42);
        int cut = indexAfterNode(events, n - 1);
        int cut2 = indexAfterNode(events, n - 1 + added);
        ReasoningGraph before = GraphReplayer.rebuild(events.subList(0, cut), null);
        ReasoningGraph after = GraphReplayer.rebuild(events.subList(0, cut2), null);
        GraphLayouter layouter = new GraphLayouter(LayoutSettings.defaults());
        NodeLayout base = layouter.layout(LayoutInput.of(before), LayoutKind.TREE);
        double[] inc = new double[21];
        for (int r = 0; r < inc.length; r++) {
            long t0 = System.nanoTime();
            NodeLayout grown = IncrementalTreeLayout.grow(base, LayoutInput.of(after), LayoutSettings.defaults());
            inc[r] = (System.nanoTime() - t0) / 1e6;
            if (grown == null) {
                throw new IllegalStateException("not a pure growth");
            }
        }
        Arrays.sort(inc);
        System.out.printf(Locale.ROOT, "+%d nodes on a %d-node tree: incremental TREE update (snapshot + update) median"
                + " %.2f ms (min %.2f, max %.2f)%n", after.size() - before.size(), before.size(), inc[inc.length / 2],
                inc[0], inc[inc.length - 1]);
        double[] ms = new double[7];
        for (int r = 0; r < ms.length; r++) {
            long t0 = System.nanoTime();
            LayoutInput in = LayoutInput.of(after);
            layouter.layout(in, LayoutKind.TREE);
            ms[r] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "+%d nodes on a %d-node tree: full TREE relayout (snapshot + jungrapht) median"
                + " %.1f ms (min %.1f, max %.1f)%n", after.size() - before.size(), before.size(), ms[ms.length / 2],
                ms[0], ms[ms.length - 1]);
    }

    private static int indexAfterNode(List<RunEvent> events, int id) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof NodeAdded a && a.id() == id) {
                return i + 1;
            }
        }
        return events.size();
    }

    // ---- frames

    static void frames(List<Integer> sizes) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        // each size gets its own window; closing one must not end the toolkit
        Platform.setImplicitExit(false);
        for (int n : sizes) {
            List<RunEvent> events = SyntheticRun.events(n, 42);
            AtomicReference<ReasoningGraphView> viewRef = new AtomicReference<>();
            AtomicReference<Stage> stageRef = new AtomicReference<>();
            onFx(() -> {
                GraphViewModel model = new GraphViewModel();
                ReasoningGraphView view = new ReasoningGraphView(model);
                view.animatedProperty().set(false);
                Stage stage = new Stage();
                stage.setScene(new Scene(view, 1600, 1000));
                stage.show();
                long t0 = System.nanoTime();
                model.apply(events);
                long t1 = System.nanoTime();
                view.layoutNow();
                long t2 = System.nanoTime();
                view.paint();
                long t3 = System.nanoTime();
                System.out.printf(Locale.ROOT, "open %7d nodes: apply %d events %.1f ms, first layout %.1f ms,"
                        + " first paint %.1f ms%n", n, events.size(), (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6);
                viewRef.set(view);
                stageRef.set(stage);
            });
            ReasoningGraphView view = viewRef.get();
            for (String level : List.of("fit (dots)", "zoom 0.5 (numbers)", "zoom 1.0 (cards)")) {
                onFx(() -> {
                    view.fitToView();
                    if (!level.startsWith("fit")) {
                        double s = level.contains("0.5") ? 0.5 : 1.0;
                        view.viewport().set(s, view.viewport().tx(), view.viewport().ty());
                        var p = view.worldPosition(view.model().graph().size() / 2);
                        view.viewport().centreOn(p.getX(), p.getY(), view.getWidth(), view.getHeight());
                    }
                });
                measurePanZoom(view, n, level);
            }
            if (n == 10_000) {
                growthLatency(view);
            }
            onFx(() -> {
                stageRef.get().close();
                view.dispose();
            });
        }
    }

    /** Pans and zooms every pulse for 2 seconds; reports frame intervals and paint times. */
    private static void measurePanZoom(ReasoningGraphView view, int n, String level) throws Exception {
        List<Long> intervals = new ArrayList<>();
        List<Long> paints = new ArrayList<>();
        List<Long> paintBytes = new ArrayList<>();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)
                java.lang.management.ManagementFactory.getThreadMXBean();
        CountDownLatch done = new CountDownLatch(1);
        onFx(() -> new AnimationTimer() {
            long start;
            long last;
            int k;

            @Override
            public void handle(long now) {
                if (start == 0) {
                    start = now;
                    last = now;
                    return;
                }
                intervals.add(now - last);
                last = now;
                k++;
                view.viewport().pan(k % 40 < 20 ? 7 : -7, k % 60 < 30 ? 3 : -3);
                view.viewport().zoomAt(k % 50 < 25 ? 1.01 : 0.99, 800, 500);
                long b0 = threads.getCurrentThreadAllocatedBytes();
                long t0 = System.nanoTime();
                view.paint();
                paints.add(System.nanoTime() - t0);
                paintBytes.add(threads.getCurrentThreadAllocatedBytes() - b0);
                if (now - start > 2_000_000_000L) {
                    stop();
                    done.countDown();
                }
            }
        }.start());
        done.await(60, TimeUnit.SECONDS);
        int worst = 0;
        long into = 0;
        long sum = 0;
        for (int k = 0; k < intervals.size(); k++) {
            sum += intervals.get(k);
            if (intervals.get(k) > intervals.get(worst)) {
                worst = k;
                into = sum;
            }
        }
        long[] iv = intervals.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] pt = paints.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] pb = paintBytes.stream().mapToLong(Long::longValue).sorted().toArray();
        double total = Arrays.stream(iv).sum() / 1e9;
        System.out.printf(Locale.ROOT, "frames %7d nodes, %-18s: %5.1f fps, frame interval median %.1f ms, p95 %.1f ms,"
                        + " max %.1f ms (frame %d, %.0f ms in); paint median %.1f ms, max %.1f ms, allocates %d KiB"
                        + " (median)%n", n, level, iv.length / total, iv[iv.length / 2] / 1e6,
                iv[(int) (iv.length * 0.95)] / 1e6, iv[iv.length - 1] / 1e6, worst + 1, into / 1e6,
                pt[pt.length / 2] / 1e6, pt[pt.length - 1] / 1e6, pb[pb.length / 2] >> 10);
    }

    /**
     * Adds 10 nodes at a time to the view's 10k tree and times until the transition starts (the
     * first layout is applied) and until the final layout is in place (the incremental tidy-tree
     * update, or jungrapht's layout from the worker when the view had to fall back to it).
     */
    private static void growthLatency(ReasoningGraphView view) throws Exception {
        List<RunEvent> more = SyntheticRun.events(10_200, 42);
        for (int r = 0; r < 10; r++) {
            int first = view.model().size();
            int from = indexAfterNode(more, first - 1);
            int to = indexAfterNode(more, first + 9);
            CountDownLatch applied = new CountDownLatch(1);
            List<Long> revisions = new ArrayList<>();
            long[] t0 = new long[1];
            onFx(() -> {
                view.animatedProperty().set(true);
                view.layoutRevisionProperty().addListener((o, a, b) -> {
                    revisions.add(System.nanoTime());
                    applied.countDown();
                });
                t0[0] = System.nanoTime();
                view.model().apply(more.subList(from, to));
            });
            applied.await(30, TimeUnit.SECONDS);
            boolean[] running = {true};
            boolean[] incremental = new boolean[1];
            while (running[0]) {
                onFx(() -> {
                    running[0] = view.isLayoutRunning();
                    incremental[0] = view.lastLayoutIncremental();
                });
                if (running[0]) {
                    Thread.sleep(2);
                }
            }
            long[] t = {0};
            onFx(() -> t[0] = revisions.get(revisions.size() - 1));
            System.out.printf(Locale.ROOT, "growth: +%d nodes on a %d-node view: transition started after %.1f ms,"
                    + " final layout in place after %.1f ms (%s, layout %.1f ms)%n",
                    view.model().size() - first, first, (revisions.get(0) - t0[0]) / 1e6, (t[0] - t0[0]) / 1e6,
                    incremental[0] ? "incremental" : "jungrapht on the worker", view.lastLayoutMillis());
            Thread.sleep(600);
        }
    }

    private static void onFx(Runnable r) throws Exception {
        CountDownLatch l = new CountDownLatch(1);
        AtomicReference<Throwable> err = new AtomicReference<>();
        Platform.runLater(() -> {
            try {
                r.run();
            } catch (Throwable t) {
                err.set(t);
            } finally {
                l.countDown();
            }
        });
        l.await();
        if (err.get() != null) {
            throw new IllegalStateException(err.get());
        }
    }

    static ReasoningGraph graph(int n) {
        return GraphReplayer.rebuild(SyntheticRun.events(n, 42), null);
    }
}
