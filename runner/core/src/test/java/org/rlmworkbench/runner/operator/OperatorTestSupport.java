package org.rlmworkbench.runner.operator;

import java.util.Map;
import org.rlmworkbench.runner.scheme.SchemeNode;

/** Builds operators the way the interpreter does: from a scheme node's type and parameters. */
final class OperatorTestSupport {
    private OperatorTestSupport() {
    }

    static Operator op(String type, Map<String, Object> params) {
        return Operator.from(new SchemeNode(type.toLowerCase(), type, params));
    }
}
