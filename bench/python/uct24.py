#!/usr/bin/env python3
"""A plain Python UCT for the Game of 24: the reference that `workbench bench engine --python` runs
beside the Java engine, on the same puzzles, for the same time.

It is the algorithm of the built-in `mcts-uct` scheme, step for step:

- the same legal steps in the same order (pairs i < j in lexicographic order times the operations
  a+b, a*b, a-b, b-a, a/b, b/a; a division by zero is left out, and so are repeats that only equal
  numbers make: b-a and b/a when a == b, and a pair whose two values an earlier pair already had);
  a step puts its result first and keeps the other numbers in their order; exact fractions;
- selection from the root while the node is not terminal and has children, by UCT
  Q + c * sqrt(ln N(parent) / N(child)) with c = 1.414, an unvisited child scoring +infinity,
  ties going to the earlier child;
- expansion of the selected node with every legal step;
- evaluation of the selected node: a terminal one gets the verifier's reward (+1 for exactly 24,
  else -1), any other one a uniformly random rollout (rejection sampling over the candidate
  steps, as the Java problem does) of at most 50 steps scored the same way;
- backpropagation of the running mean Q <- Q + (v - Q) / N along the path to the root;
- stop at the first verified solution, at the budget (10,000 simulations), or when the tree is
  exhausted (an iteration added no node and no node is left open).

It is written to be fast in plain CPython (no NumPy, no C extension): numbers are (numerator,
denominator) tuples of ints reduced with math.gcd, nodes are objects with __slots__, hot names are
bound locally. It computes no priors and reports no events, which the Java engine both does, so
the comparison leans in Python's favour.

Usage:
  uct24.py --seconds 10 [--budget 10000] [--seed 1] < instances.txt
      runs UCT on the instances (one per line, cycling, seed + run number per run) for about
      that long and prints one JSON object: simulations, runs, seconds, cpu_seconds, solved;
  uct24.py --steps "4 9 10 13"
      prints the text of every legal step of every state reachable from the instance, depth
      first, one per line, as the Java problem writes them (a check that both enumerate the same
      steps).
"""

import argparse
import json
import math
import random
import sys
import time

C = 1.414
ROLLOUT_DEPTH = 50
INF = float("inf")

# PAIRS[n]: the pairs of positions i < j among n numbers, in lexicographic order
PAIRS = [[(i, j) for i in range(n) for j in range(i + 1, n)] for n in range(5)]


def make(num, den):
    """The fraction num/den in lowest terms with a positive denominator; None when den is 0."""
    if den == 0:
        return None
    if den < 0:
        num, den = -num, -den
    if den != 1:
        g = math.gcd(num, den)
        if g != 1:
            num //= g
            den //= g
    return (num, den)


def apply(op, a, b):
    """Operation op (0..5: a+b, a*b, a-b, b-a, a/b, b/a) on fractions a and b; None for x/0."""
    an, ad = a
    bn, bd = b
    if op == 0:
        return make(an * bd + bn * ad, ad * bd)
    if op == 1:
        return make(an * bn, ad * bd)
    if op == 2:
        return make(an * bd - bn * ad, ad * bd)
    if op == 3:
        return make(bn * ad - an * bd, ad * bd)
    if op == 4:
        return make(an * bd, ad * bn)
    return make(bn * ad, bd * an)


def first_pair_with_these_values(s, p):
    """Whether no pair listed before pair p holds the same two values in either order."""
    pairs = PAIRS[len(s)]
    i, j = pairs[p]
    a, b = s[i], s[j]
    for q in range(p):
        k, m = pairs[q]
        c, d = s[k], s[m]
        if (c == a and d == b) or (c == b and d == a):
            return False
    return True


def combine(s, i, j, r):
    return (r,) + tuple(s[p] for p in range(len(s)) if p != i and p != j)


def steps(s):
    """(i, j, op, next state) of every legal step, in the Java problem's order."""
    n = len(s)
    out = []
    if n < 2:
        return out
    repeats = len(set(s)) < n
    for p, (i, j) in enumerate(PAIRS[n]):
        if repeats and not first_pair_with_these_values(s, p):
            continue
        a, b = s[i], s[j]
        equal = repeats and a == b
        for op in range(6):
            if equal and (op == 3 or op == 5):
                continue
            r = apply(op, a, b)
            if r is not None:
                out.append((i, j, op, combine(s, i, j, r)))
    return out


def random_next(s, rand):
    """The next state of one of steps(s), uniformly, by rejection sampling over the candidates."""
    n = len(s)
    pairs = PAIRS[n]
    count = len(pairs) * 6
    repeats = len(set(s)) < n
    while True:
        draw = int(rand() * count)
        p, op = divmod(draw, 6)
        i, j = pairs[p]
        a, b = s[i], s[j]
        if repeats:
            if (op == 3 or op == 5) and a == b:
                continue
            if not first_pair_with_these_values(s, p):
                continue
        r = apply(op, a, b)
        if r is not None:
            return combine(s, i, j, r)


def reward(s):
    return 1.0 if s[0] == (24, 1) else -1.0


class Node:
    __slots__ = ("state", "parent", "children", "visits", "q", "terminal", "expanded", "known")

    def __init__(self, state, parent):
        self.state = state
        self.parent = parent
        self.children = []
        self.visits = 0
        self.q = 0.0
        self.terminal = len(state) == 1
        self.expanded = False
        self.known = False


def search(instance, budget, rng):
    """UCT on one instance; returns (simulations, solved)."""
    rand = rng.random
    log = math.log
    sqrt = math.sqrt
    root = Node(tuple((int(x), 1) for x in instance.split()), None)
    open_nodes = 1  # unexpanded inner nodes and unevaluated terminals
    sims = 0
    while sims < budget:
        sims += 1
        added = False
        # select
        node = root
        while not node.terminal and node.children:
            lnN = log(max(1, node.visits))
            best = None
            best_score = -INF
            for child in node.children:
                n = child.visits
                score = INF if n == 0 else child.q + C * sqrt(lnN / n)
                if best is None or score > best_score:
                    best, best_score = child, score
            node = best
        # expand
        if not node.terminal and not node.expanded:
            node.expanded = True
            open_nodes -= 1
            for _, _, _, nxt in steps(node.state):
                node.children.append(Node(nxt, node))
                open_nodes += 1
                added = True
        # evaluate
        if node.terminal:
            v = reward(node.state)
            solved = v > 0
        else:
            s = node.state
            d = 0
            while len(s) > 1 and d < ROLLOUT_DEPTH:
                s = random_next(s, rand)
                d += 1
            v = reward(s)
            solved = False
        if node.terminal and not node.known:
            open_nodes -= 1
        # backpropagate (a visit makes every node on the path known)
        n = node
        while n is not None:
            n.known = True
            n.visits += 1
            n.q += (v - n.q) / n.visits
            n = n.parent
        if solved:
            return sims, True
        if not added and open_nodes == 0:
            return sims, False
    return sims, False


def run(seconds, budget, seed, instances):
    sims = 0
    runs = 0
    solved = 0
    t0 = time.perf_counter()
    c0 = time.process_time()
    deadline = t0 + seconds
    while time.perf_counter() < deadline:
        rng = random.Random(seed + runs)
        s, ok = search(instances[runs % len(instances)], budget, rng)
        sims += s
        runs += 1
        solved += ok
    return {
        "simulations": sims,
        "runs": runs,
        "solved": solved,
        "seconds": time.perf_counter() - t0,
        "cpu_seconds": time.process_time() - c0,
        "python": sys.version.split()[0],
    }


def text(r):
    n, d = r
    return str(n) if d == 1 else "%d/%d" % (n, d)


def step_texts(s, out):
    for i, j, op, nxt in steps(s):
        swapped = op in (3, 5)
        left, right = (s[j], s[i]) if swapped else (s[i], s[j])
        symbol = "+*--//"[op]
        out.append("%s %s %s = %s (left: %s)" % (text(left), symbol, text(right), text(nxt[0]),
                                                  " ".join(text(x) for x in nxt)))
        step_texts(nxt, out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seconds", type=float, default=10.0)
    ap.add_argument("--budget", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--steps", help="print every step reachable from this instance and exit")
    a = ap.parse_args()
    if a.steps is not None:
        out = []
        step_texts(tuple((int(x), 1) for x in a.steps.split()), out)
        print("\n".join(out))
        return
    instances = [l.strip() for l in sys.stdin if l.strip() and not l.startswith("#")]
    if not instances:
        sys.exit("uct24.py: no instances on standard input")
    print(json.dumps(run(a.seconds, a.budget, a.seed, instances)))


if __name__ == "__main__":
    main()
