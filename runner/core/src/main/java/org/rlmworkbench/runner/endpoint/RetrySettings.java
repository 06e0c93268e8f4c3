package org.rlmworkbench.runner.endpoint;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

/**
 * How often and how patiently a call is retried: {@code attempts} in all, waits growing from
 * {@code initialMillis} by {@code multiplier} with +-{@code jitter} randomisation, capped at
 * {@code maxWaitMillis}; a server's {@code Retry-After} replaces the computed wait (capped the same way).
 */
public record RetrySettings(int attempts, long initialMillis, double multiplier, double jitter, long maxWaitMillis) {

    /** Five attempts, 0.5 s doubling with 50% jitter, at most 30 s between two. */
    public static final RetrySettings DEFAULT = new RetrySettings(5, 500, 2.0, 0.5, 30_000);

    public RetrySettings {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
        }
    }

    /** A resilience4j retry, named after the endpoint, that retries {@link HttpCallFailure#retryable()} failures. */
    Retry retry(String name) {
        IntervalFunction backoff = IntervalFunction.ofExponentialRandomBackoff(initialMillis, multiplier, jitter,
                maxWaitMillis);
        RetryConfig config = RetryConfig.custom()
                .maxAttempts(attempts)
                .retryOnException(t -> t instanceof HttpCallFailure f && f.retryable())
                .intervalBiFunction((attempt, either) -> {
                    if (either.isLeft() && either.getLeft() instanceof HttpCallFailure f && f.retryAfterMillis() >= 0) {
                        return Math.min(f.retryAfterMillis(), maxWaitMillis);
                    }
                    return backoff.apply(attempt);
                })
                .build();
        return Retry.of(name, config);
    }
}
