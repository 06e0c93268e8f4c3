package org.rlmworkbench.app.session;

import java.util.List;
import java.util.Locale;
import org.rlmworkbench.runner.event.ModelCalled;
import org.rlmworkbench.runner.event.NodeAdded;
import org.rlmworkbench.runner.event.RunEvent;
import org.rlmworkbench.runner.event.RunStarted;

/** Counts, from a run's events, what the status line shows of its language models: calls, tokens, cost, invalid steps. */
final class ModelUsageTally {
    private long calls;
    private long promptTokens;
    private long completionTokens;
    private double cost;
    private long invalid;

    void clear() {
        calls = 0;
        promptTokens = 0;
        completionTokens = 0;
        cost = 0;
        invalid = 0;
    }

    void accept(List<RunEvent> batch) {
        for (RunEvent e : batch) {
            if (e instanceof RunStarted) {
                clear();
            } else if (e instanceof ModelCalled m) {
                calls++;
                promptTokens += m.promptTokens();
                completionTokens += m.completionTokens();
                cost += m.cost();
            } else if (e instanceof NodeAdded n && n.invalid()) {
                invalid++;
            }
        }
    }

    /** E.g. "12 model calls · 340/96 tokens · 5 invalid" (with the cost where a price is known); empty before any call. */
    String text() {
        if (calls == 0) {
            return "";
        }
        return String.format(Locale.ROOT, "%d model call%s · %d/%d tokens%s · %d invalid", calls, calls == 1 ? "" : "s",
                promptTokens, completionTokens, cost > 0 ? String.format(Locale.ROOT, " · cost %.4f", cost) : "",
                invalid);
    }
}
