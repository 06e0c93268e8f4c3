package org.rlmworkbench.runner.neural;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Checks a model config field by field before any network is built from it, so a bad file gives
 * a message naming the file and the field, never an engine error or a giant allocation.
 */
final class ConfigCheck {

    /** The most parameters a network of this workbench may have (far above any it trains). */
    static final long MAX_PARAMETERS = 200_000_000L;

    private ConfigCheck() {
    }

    static void check(Path json, NetConfig c, NetKind expectedKind) {
        if (!NetConfig.FORMAT.equals(c.format())) {
            throw new ModelFileException(json, "not an RLM Workbench model config (field format must be \""
                    + NetConfig.FORMAT + "\")");
        }
        if (c.version() != 1) {
            throw new ModelFileException(json, "field version: unsupported version " + c.version() + "; this build"
                    + " reads version 1");
        }
        if (c.kind() == null) {
            throw new ModelFileException(json, "field kind: missing; expected one of VALUE, POLICY, LM");
        }
        if (c.kind() != expectedKind) {
            throw new ModelFileException(json, "holds a " + c.kind().file() + " network, expected " + expectedKind.file()
                    + " (field kind)");
        }
        Architecture a = c.architecture();
        if (a == null) {
            throw new ModelFileException(json, "field architecture: missing");
        }
        Featurisation f = c.featurisation();
        if (expectedKind != NetKind.LM) {
            if (f == null) {
                throw new ModelFileException(json, "field featurisation: missing; a " + expectedKind.file()
                        + " network needs one");
            }
            if (!Featurisation.TYPE.equals(f.type())) {
                throw new ModelFileException(json, "field featurisation.type: expected \"" + Featurisation.TYPE
                        + "\", got " + quote(f.type()));
            }
            range(json, "featurisation.dims", f.dims(), 1, 1 << 20);
            range(json, "featurisation.minN", f.minN(), 1, 16);
            range(json, "featurisation.maxN", f.maxN(), f.minN(), 16);
            range(json, "featurisation.problemExtra", f.problemExtra(), 0, 1 << 16);
            same(json, "architecture.stateInputs", a.stateInputs(), f.stateSize());
            range(json, "architecture.hidden", a.hidden(), 1, 16_384);
        }
        long params;
        switch (expectedKind) {
            case VALUE -> {
                range(json, "architecture.layers", a.layers(), 1, 16);
                params = (long) a.stateInputs() * a.hidden() + (long) a.hidden() * a.hidden() * (a.layers() - 1)
                        + a.hidden();
            }
            case POLICY -> {
                same(json, "architecture.stepInputs", a.stepInputs(), f.stepSize());
                params = ((long) a.stateInputs() + a.stepInputs() + a.hidden()) * a.hidden();
            }
            default -> {
                range(json, "architecture.hidden", a.hidden(), 1, 4_096);
                range(json, "architecture.layers", a.layers(), 1, 64);
                range(json, "architecture.heads", a.heads(), 1, a.hidden());
                if (a.hidden() % a.heads() != 0) {
                    throw new ModelFileException(json, "field architecture.heads: " + a.heads()
                            + " does not divide the width architecture.hidden " + a.hidden());
                }
                range(json, "architecture.maxLength", a.maxLength(), 2, 4_096);
                same(json, "architecture.vocabulary", a.vocabulary(), CharVocabulary.SIZE);
                params = (long) a.hidden() * (a.vocabulary() * 2L + a.maxLength())
                        + 12L * a.hidden() * a.hidden() * a.layers();
            }
        }
        if (params > MAX_PARAMETERS) {
            throw new ModelFileException(json, String.format(Locale.ROOT, "field architecture: a network of about"
                    + " %,d parameters; at most %,d are accepted", params, MAX_PARAMETERS));
        }
    }

    private static void range(Path json, String field, int v, int min, int max) {
        if (v < min || v > max) {
            throw new ModelFileException(json, String.format(Locale.ROOT, "field %s: must be between %,d and %,d, got %,d",
                    field, min, max, v));
        }
    }

    private static void same(Path json, String field, int v, int expected) {
        if (v != expected) {
            throw new ModelFileException(json, String.format(Locale.ROOT, "field %s: must be %,d for this featurisation,"
                    + " got %,d", field, expected, v));
        }
    }

    private static String quote(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }
}
