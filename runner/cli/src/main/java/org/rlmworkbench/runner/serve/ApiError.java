package org.rlmworkbench.runner.serve;

/**
 * A request the server answers with an OpenAI-style error object:
 * {@code {"error": {"message", "type", "param", "code"}}} and the status that goes with it.
 */
final class ApiError extends Exception {
    private final int status;
    private final String type;
    private final String param;
    private final String code;

    ApiError(int status, String type, String param, String code, String message) {
        super(message);
        this.status = status;
        this.type = type;
        this.param = param;
        this.code = code;
    }

    /** 400: a parameter out of range or of the wrong type. */
    static ApiError invalid(String param, String message) {
        return new ApiError(400, "invalid_request_error", param, null, message);
    }

    int status() {
        return status;
    }

    String type() {
        return type;
    }

    String param() {
        return param;
    }

    String code() {
        return code;
    }
}
