package org.rlmworkbench.problems.game24;

import java.util.ArrayList;
import java.util.List;
import org.rlmworkbench.runner.problem.InstanceParseException;

/**
 * Reads instances ({@code 4 6 8 2}) and encoded states ({@code 24 8 2}, {@code 3/2 4}).
 * Numbers are separated by whitespace or commas; every error message names the offending token,
 * its position among the numbers and its column, so that a person can fix the text.
 */
final class Game24Parser {

    static final int INSTANCE_SIZE = 4;

    private Game24Parser() {
    }

    /** A token of the input and the 1-based column where it starts. */
    private record Token(String text, int column) {
    }

    static Game24State parseInstance(String text) throws InstanceParseException {
        List<Token> tokens = tokens(text);
        Rational[] numbers = new Rational[tokens.size()];
        for (int k = 0; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            if (!t.text().matches("[+-]?\\d+")) {
                throw new InstanceParseException(where(k, t) + " is not a whole number; " + expectation());
            }
            int value;
            try {
                value = Integer.parseInt(t.text());
            } catch (NumberFormatException tooLong) {
                value = Integer.MAX_VALUE;
            }
            if (value < Game24Dataset.MIN_NUMBER || value > Game24Dataset.MAX_NUMBER) {
                throw new InstanceParseException(where(k, t) + " is out of range; " + expectation());
            }
            numbers[k] = Rational.of(value);
        }
        if (tokens.size() > INSTANCE_SIZE) {
            throw new InstanceParseException("found " + tokens.size() + " numbers in '" + text + "': "
                    + where(INSTANCE_SIZE, tokens.get(INSTANCE_SIZE)) + " is one too many; " + expectation());
        }
        if (tokens.size() < INSTANCE_SIZE) {
            throw new InstanceParseException("found only " + tokens.size() + (tokens.size() == 1 ? " number" : " numbers")
                    + " in '" + text + "'; " + expectation());
        }
        return Game24State.of(numbers);
    }

    private static String expectation() {
        return "expected " + INSTANCE_SIZE + " whole numbers from " + Game24Dataset.MIN_NUMBER + " to "
                + Game24Dataset.MAX_NUMBER + " separated by spaces or commas, e.g. '4 6 8 2'";
    }

    static Game24State decodeState(String text) throws InstanceParseException {
        List<Token> tokens = tokens(text);
        if (tokens.isEmpty() || tokens.size() > Game24State.MAX_SIZE) {
            throw new InstanceParseException("found " + tokens.size() + " numbers in state '" + text
                    + "'; expected 1 to " + Game24State.MAX_SIZE + " numbers like 24, -3 or 3/2 separated by spaces");
        }
        Rational[] numbers = new Rational[tokens.size()];
        for (int k = 0; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            try {
                numbers[k] = Rational.parse(t.text());
            } catch (NumberFormatException | ArithmeticException e) {
                throw new InstanceParseException(where(k, t) + " is not a number like 24, -3 or 3/2");
            }
        }
        try {
            return Game24State.of(numbers);
        } catch (IllegalArgumentException e) {
            throw new InstanceParseException("state '" + text + "': " + e.getMessage());
        }
    }

    private static String where(int index, Token t) {
        return "number " + (index + 1) + " '" + t.text() + "' (column " + t.column() + ")";
    }

    /** Splits on runs of whitespace and commas. */
    private static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>(INSTANCE_SIZE);
        int k = 0;
        int n = text.length();
        while (k < n) {
            while (k < n && isSeparator(text.charAt(k))) {
                k++;
            }
            int start = k;
            while (k < n && !isSeparator(text.charAt(k))) {
                k++;
            }
            if (k > start) {
                tokens.add(new Token(text.substring(start, k), start + 1));
            }
        }
        return tokens;
    }

    private static boolean isSeparator(char c) {
        return c == ',' || Character.isWhitespace(c);
    }
}
