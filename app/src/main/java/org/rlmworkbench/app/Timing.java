package org.rlmworkbench.app;

import java.lang.management.ManagementFactory;

/** Start-up timing marks, printed with -Dworkbench.timing=true, to see where launch time goes. */
final class Timing {
    private static final boolean ON = Boolean.getBoolean("workbench.timing");

    private Timing() {
    }

    static void mark(String what) {
        if (ON) {
            System.err.println("timing: " + what + " at "
                    + (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) + " ms");
        }
    }
}
