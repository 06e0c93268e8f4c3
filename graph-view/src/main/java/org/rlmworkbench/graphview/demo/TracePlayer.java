package org.rlmworkbench.graphview.demo;

import java.util.List;
import java.util.Objects;
import javafx.animation.AnimationTimer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import org.rlmworkbench.graphview.model.GraphViewModel;
import org.rlmworkbench.runner.event.RunEvent;

/**
 * Feeds a recorded event list into a {@link GraphViewModel} at a steady rate, on the JavaFX
 * thread: {@code eventsPerSecond} events per second, or everything at once when it is infinite.
 */
public final class TracePlayer {

    private final List<RunEvent> events;
    private final GraphViewModel model;
    private final DoubleProperty eventsPerSecond = new SimpleDoubleProperty(this, "eventsPerSecond", 40);
    private final BooleanProperty playing = new SimpleBooleanProperty(this, "playing", false);
    private final ReadOnlyIntegerWrapper position = new ReadOnlyIntegerWrapper(this, "position", 0);
    private double credit;
    private long last;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            advance(now);
        }
    };

    public TracePlayer(List<RunEvent> events, GraphViewModel model) {
        this.events = List.copyOf(events);
        this.model = Objects.requireNonNull(model, "model is null");
        playing.addListener((o, a, b) -> {
            if (b) {
                last = 0;
                timer.start();
            } else {
                timer.stop();
            }
        });
    }

    public DoubleProperty eventsPerSecondProperty() {
        return eventsPerSecond;
    }

    public BooleanProperty playingProperty() {
        return playing;
    }

    /** Number of events applied so far. */
    public ReadOnlyIntegerProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    public int total() {
        return events.size();
    }

    public boolean finished() {
        return position.get() >= events.size();
    }

    /** Applies everything that is left at once. */
    public void toEnd() {
        step(events.size() - position.get());
    }

    /** Applies the next {@code n} events as one batch. */
    public void step(int n) {
        int from = position.get();
        int to = Math.min(events.size(), from + Math.max(0, n));
        if (to > from) {
            model.apply(events.subList(from, to));
            position.set(to);
        }
        if (finished()) {
            playing.set(false);
        }
    }

    private void advance(long now) {
        if (last == 0) {
            last = now;
            return;
        }
        double rate = eventsPerSecond.get();
        if (Double.isInfinite(rate)) {
            toEnd();
            return;
        }
        credit += rate * (now - last) / 1e9;
        last = now;
        int n = (int) credit;
        credit -= n;
        step(n);
    }
}
