package org.rlmworkbench.runner.endpoint;

/**
 * One HTTP exchange that did not give a usable answer. {@code status} is 0 where no response came
 * (connection refused, timeout); {@code retryAfterMillis} is the server's {@code Retry-After}, or -1.
 * The message never holds the API key.
 */
final class HttpCallFailure extends Exception {
    private final int status;
    private final boolean retryable;
    private final long retryAfterMillis;
    private final String serverMessage;

    HttpCallFailure(int status, boolean retryable, long retryAfterMillis, String message, String serverMessage) {
        super(message);
        this.status = status;
        this.retryable = retryable;
        this.retryAfterMillis = retryAfterMillis;
        this.serverMessage = serverMessage == null ? "" : serverMessage;
    }

    int status() {
        return status;
    }

    boolean retryable() {
        return retryable;
    }

    long retryAfterMillis() {
        return retryAfterMillis;
    }

    /** The error text the server gave, already cleared of the key. */
    String serverMessage() {
        return serverMessage;
    }

    /** Statuses worth another try: request timeout, conflict, rate limit, server errors. */
    static boolean retryableStatus(int status) {
        return status == 408 || status == 409 || status == 429 || status >= 500;
    }
}
