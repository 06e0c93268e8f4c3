package org.rlmworkbench.runner.scheme;

import java.util.List;
import java.util.Locale;

/**
 * A documented, typed parameter of a node type. Numbers have an inclusive range; enumerations
 * a closed list of choices. An optional parameter may be absent (its default is then null).
 */
public record ParamSpec(String name, ParamKind kind, Object defaultValue, double min, double max,
                        List<String> choices, boolean optional, String doc) {

    public ParamSpec {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    public static ParamSpec integer(String name, int def, int min, int max, String doc) {
        return new ParamSpec(name, ParamKind.INT, def, min, max, null, false, doc);
    }

    public static ParamSpec optionalInteger(String name, int min, int max, String doc) {
        return new ParamSpec(name, ParamKind.INT, null, min, max, null, true, doc);
    }

    public static ParamSpec real(String name, double def, double min, double max, String doc) {
        return new ParamSpec(name, ParamKind.REAL, def, min, max, null, false, doc);
    }

    public static ParamSpec optionalReal(String name, double min, double max, String doc) {
        return new ParamSpec(name, ParamKind.REAL, null, min, max, null, true, doc);
    }

    public static ParamSpec choice(String name, String def, List<String> choices, String doc) {
        return new ParamSpec(name, ParamKind.ENUM, def, 0, 0, choices, false, doc);
    }

    public static ParamSpec flag(String name, boolean def, String doc) {
        return new ParamSpec(name, ParamKind.BOOL, def, 0, 0, null, false, doc);
    }

    /**
     * Checks a value and returns it in canonical form (Integer, Double, String or Boolean).
     *
     * @throws IllegalArgumentException with a message saying what is wrong, without the node's name
     */
    public Object check(Object value) {
        if (value == null) {
            if (optional) {
                return null;
            }
            throw new IllegalArgumentException("is required");
        }
        switch (kind) {
            case INT -> {
                long v;
                if (value instanceof Integer || value instanceof Long || value instanceof Short) {
                    v = ((Number) value).longValue();
                } else if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                        && !Double.isInfinite(n.doubleValue())) {
                    v = (long) n.doubleValue();
                } else {
                    throw new IllegalArgumentException("must be an integer, got " + describe(value));
                }
                if (v < min || v > max) {
                    throw new IllegalArgumentException("must be between " + fmt(min) + " and " + fmt(max)
                            + ", got " + v);
                }
                return (int) v;
            }
            case REAL -> {
                if (!(value instanceof Number n)) {
                    throw new IllegalArgumentException("must be a number, got " + describe(value));
                }
                double v = n.doubleValue();
                if (Double.isNaN(v) || v < min || v > max) {
                    throw new IllegalArgumentException("must be between " + fmt(min) + " and " + fmt(max)
                            + ", got " + v);
                }
                return v;
            }
            case ENUM -> {
                if (!(value instanceof String s)) {
                    throw new IllegalArgumentException("must be one of " + choices + ", got " + describe(value));
                }
                if (!choices.contains(s)) {
                    throw new IllegalArgumentException("must be one of " + choices + ", got '" + s + "'");
                }
                return s;
            }
            case BOOL -> {
                if (!(value instanceof Boolean b)) {
                    throw new IllegalArgumentException("must be true or false, got " + describe(value));
                }
                return b;
            }
            default -> throw new IllegalStateException(kind.toString());
        }
    }

    /** Parses text typed by a user (property sheet) and checks it. */
    public Object parse(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            return check(null);
        }
        try {
            return switch (kind) {
                case INT -> check(Long.parseLong(t));
                case REAL -> check(Double.parseDouble(t));
                case BOOL -> {
                    String l = t.toLowerCase(Locale.ROOT);
                    if (!l.equals("true") && !l.equals("false")) {
                        throw new IllegalArgumentException("must be true or false, got '" + t + "'");
                    }
                    yield Boolean.parseBoolean(l);
                }
                case ENUM -> check(t);
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be " + (kind == ParamKind.INT ? "an integer" : "a number")
                    + ", got '" + t + "'");
        }
    }

    private static String describe(Object v) {
        return v instanceof String s ? "'" + s + "'" : String.valueOf(v);
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
