"""
The referee: sympy (and mpmath) judge the algebra tools' answers. Reads a JSON list of cases on stdin,
writes one verdict per case: "agree", "disagree: <why>" or "skip: <why>" (sympy could not judge it).

Answers come as mathjs text (x^2, log(x), abs(x), 2i, pi, e) and are read into sympy here, so the
judgement never relies on this service's own parser or evaluator.
"""
import json
import signal
import sys

import mpmath
import sympy as sp
from sympy.parsing.sympy_parser import (
    convert_xor,
    implicit_multiplication_application,
    parse_expr,
    standard_transformations,
)

TRANSFORMS = standard_transformations + (implicit_multiplication_application, convert_xor)
POINTS = [-2.31, -1.37, -0.613, -0.271, 0.312, 0.737, 1.41, 2.63, 3.29, -3.71]

NAMES = {
    "e": sp.E, "pi": sp.pi, "i": sp.I, "abs": sp.Abs, "log": sp.log, "exp": sp.exp, "sqrt": sp.sqrt,
    "log10": lambda x: sp.log(x, 10), "log2": lambda x: sp.log(x, 2), "cbrt": lambda x: sp.real_root(x, 3),
    "nthRoot": lambda x, n: sp.real_root(x, n), "asin": sp.asin, "acos": sp.acos, "atan": sp.atan,
    "asinh": sp.asinh, "acosh": sp.acosh, "atanh": sp.atanh, "sec": sp.sec, "csc": sp.csc, "cot": sp.cot,
    "sign": sp.sign, "gamma": sp.gamma, "erf": sp.erf, "erfc": sp.erfc, "Si": sp.Si, "Ci": sp.Ci, "Ei": sp.Ei,
    "factorial": sp.factorial, "combinations": sp.binomial, "Infinity": sp.oo, "sin": sp.sin, "cos": sp.cos,
    "tan": sp.tan, "sinh": sp.sinh, "cosh": sp.cosh, "tanh": sp.tanh, "atan2": sp.atan2,
}


class Timeout(Exception):
    pass


def on_alarm(signum, frame):
    raise Timeout()


signal.signal(signal.SIGALRM, on_alarm)


def read(text, symbols):
    local = dict(NAMES)
    for name in symbols:
        local[name] = sp.Symbol(name, real=True)
    return parse_expr(text.replace("Infinity", "oo"), local_dict=local, transformations=TRANSFORMS)


def value_at(expr, point):
    try:
        v = complex(sp.N(expr.subs(point), 30))
    except (TypeError, ValueError, ZeroDivisionError, OverflowError):
        return None
    if v != v or abs(v) == float("inf"):
        return None
    return v


def real_at(expr, point):
    v = value_at(expr, point)
    if v is None or abs(v.imag) > 1e-9 * max(1.0, abs(v.real)):
        return None
    return v.real


def sample(k, variables):
    """The k-th sample point, as exact rationals: sympy then evaluates to 30 digits however much the terms
    cancel (Floats would fix the working precision at 15 digits, and a residual of terms near 1e7 would show
    rounding as a disagreement)."""
    return {v: sp.Rational(str(round(POINTS[(k + 3 * j) % len(POINTS)] * (1 + 0.07 * j), 12))) for j, v in enumerate(variables)}


def equivalent(a, b, variables, tolerance=1e-7, real=True):
    """a and b agree at sample points (negative ones included) where both are defined."""
    compared = 0
    for k in range(len(POINTS)):
        point = sample(k, variables)
        x, y = (real_at(a, point), real_at(b, point)) if real else (value_at(a, point), value_at(b, point))
        if x is None or y is None:
            continue
        compared += 1
        if abs(x - y) > tolerance * max(1.0, abs(x), abs(y)):
            return False, f"differ at {point}: {x} vs {y}"
    return (True, "") if compared >= 3 else (None, "too few points where both are defined")


def vanishes(expr, variables, tolerance=1e-8):
    """expr is zero at sample points, relative to the size of the terms it cancels."""
    terms = sp.Add.make_args(sp.expand(expr))
    compared = 0
    for k in range(len(POINTS)):
        point = sample(k, variables)
        total = real_at(expr, point)
        sizes = [value_at(t, point) for t in terms]
        if total is None or any(s is None for s in sizes):
            continue
        compared += 1
        if abs(total) > tolerance * max(1.0, sum(abs(s) for s in sizes)):
            return False, f"residual {total} at {point}"
    return (True, "") if compared >= 3 else (None, "too few points where the residual is defined")


def judge(case):
    kind = case["kind"]
    names = case.get("symbols", ["x"])
    syms = [sp.Symbol(n, real=True) for n in names]
    x = syms[0]
    given = read(case["input"], names) if "input" in case else None
    ours = case.get("ours")
    if kind == "simplify":
        ok, why = equivalent(given, read(ours, names), syms)
    elif kind == "derivative":
        ok, why = equivalent(sp.diff(given, x, case.get("order", 1)), read(ours, names), syms)
    elif kind == "antiderivative":
        ok, why = equivalent(sp.diff(read(ours, names), x), given, syms)
    elif kind == "definite":
        exact = sp.integrate(given, (x, case["from"], case["to"]))
        reference = complex(sp.N(exact, 30)) if not exact.has(sp.Integral) else complex(mpmath.quad(sp.lambdify(x, given, "mpmath"), [case["from"], case["to"]]))
        got = complex(sp.N(read(ours, names), 30))
        if abs(reference) == float("inf") or abs(got) == float("inf"):
            # A divergent integral: the same infinite real part (sympy may add an imaginary part from log of a negative).
            ok = abs(got.real) == abs(reference.real) == float("inf") and (got.real > 0) == (reference.real > 0)
        else:
            ok = abs(got - reference) <= 1e-8 * max(1.0, abs(reference))
        why = f"{got} vs sympy {reference}"
    elif kind == "limit":
        point = sp.oo if case["point"] == "inf" else sp.sympify(case["point"])
        expected = sp.limit(given, x, point, case.get("dir", "+-"))
        got = read(ours, names)
        ok = expected == got or (expected.is_finite and abs(complex(sp.N(expected - got, 30))) < 1e-12)
        why = f"{got} vs sympy {expected}"
    elif kind == "series":
        expected = sp.series(given, x, case.get("point", 0), case["order"]).removeO()
        got = read(ours.split(" + O(")[0], names)
        ok = sp.simplify(sp.expand(expected - got)) == 0
        why = f"{got} vs sympy {expected}"
    elif kind in ("expand", "factor"):
        got = read(ours, names)
        ok = sp.expand(got - given) == 0
        why = f"{got} does not multiply out to the input"
        if ok and kind == "factor":
            mine = sp.factor_list(got)[1]
            theirs = sp.factor_list(given)[1]
            ok = sorted(sp.degree(f, x) * m for f, m in mine if f.has(x)) == sorted(sp.degree(f, x) * m for f, m in theirs if f.has(x)) and len(mine) == len(theirs)
            why = f"{got}: not factored as far as sympy's {sp.factor(given)}"
    elif kind == "partial_fractions":
        got = read(ours, names)
        ok, why = equivalent(given, got, syms)
        if ok:
            ok = len(sp.Add.make_args(got)) == len(sp.Add.make_args(sp.apart(given, x)))
            why = f"{got} vs sympy {sp.apart(given, x)}"
    elif kind in ("gcd", "lcm"):
        values = [read(v, names) for v in case["values"]]
        expected = sp.gcd_list(values) if kind == "gcd" else sp.lcm_list(values)
        got = read(ours, names)
        ratio = sp.simplify(got / expected) if expected != 0 else got
        ok = ratio.is_number and ratio != 0
        why = f"{got} vs sympy {expected}"
    elif kind == "roots":
        poly = sp.Poly(given, x)
        expected = {}
        for r, m in sp.roots(poly, multiple=False).items():
            expected[complex(sp.N(r, 30))] = m
        if sum(expected.values()) != poly.degree():
            expected = {}
            for r in sp.Poly(given, x).nroots(n=30, maxsteps=200):
                c = complex(r)
                key = next((k for k in expected if abs(k - c) < 1e-8 * max(1, abs(c))), c)
                expected[key] = expected.get(key, 0) + 1
        mine = [(complex(r["re"], r["im"]), r["multiplicity"]) for r in case["roots"]]
        ok = len(mine) == len(expected) and all(
            any(abs(z - w) <= 1e-7 * max(1, abs(w)) and m == expected[w] for w in expected) for z, m in mine
        )
        why = f"{mine} vs sympy {expected}"
    elif kind == "real_roots":
        # Every root given is one, and none is missed: sign changes on a fine grid, counted by mpmath.
        f = sp.lambdify(x, given, "mpmath")
        lo, hi = case["from"], case["to"]
        values = []
        for k in range(20001):
            t = mpmath.mpf(lo) + (mpmath.mpf(hi) - lo) * k / 20000
            try:
                v = complex(f(t))
                values.append(v.real if abs(v.imag) < 1e-12 else None)
            except (ValueError, ZeroDivisionError, OverflowError):
                values.append(None)
        changes = sum(1 for a, b in zip(values, values[1:]) if a is not None and b is not None and a != 0 and (a < 0) != (b < 0) and abs(a) < 1e3 and abs(b) < 1e3)
        good = all(abs(complex(f(mpmath.mpf(r)))) < 1e-7 for r in case["roots"])
        ok = good and len(case["roots"]) >= changes
        why = f"{case['roots']}: all roots {good}, {len(case['roots'])} found, sympy/mpmath counts {changes} sign changes"
    elif kind == "dsolve":
        solution = read(ours, names + ["C1", "C2", "C3", "C4"])
        lhs = case["lhs"]  # coefficients a_k of Σ a_k y^(k) = rhs
        residual = sum(sp.Integer(a) * sp.diff(solution, x, k) for k, a in enumerate(lhs)) - read(case["rhs"], names)
        consts = [c for c in (sp.Symbol(f"C{k}", real=True) for k in range(1, 5)) if residual.has(c)]
        ok, why = vanishes(residual, [x] + consts)
    elif kind == "determinant":
        matrix = sp.Matrix([[read(str(v), names) for v in row] for row in case["matrix"]])
        ok = sp.simplify(matrix.det() - read(ours, names)) == 0
        why = f"{ours} vs sympy {matrix.det()}"
    elif kind == "eigenvalues":
        expected = {}
        for r, m in sp.Matrix(case["matrix"]).eigenvals().items():
            expected[complex(sp.N(r, 30))] = m
        mine = [(complex(r["re"], r["im"]), r["multiplicity"]) for r in case["eigenvalues"]]
        ok = len(mine) == len(expected) and all(any(abs(z - w) <= 1e-7 * max(1, abs(w)) and m == expected[w] for w in expected) for z, m in mine)
        why = f"{mine} vs sympy {expected}"
    elif kind == "exact":
        got = read(ours, names)
        ok = abs(complex(sp.N(given - got, 30))) < 1e-20
        why = f"{got} vs sympy {sp.simplify(given)}"
    else:
        return f"skip: unknown kind {kind}"
    if ok is None:
        return f"skip: {why}"
    return "agree" if ok else f"disagree: {why}"


out = []
for case in json.load(sys.stdin):
    signal.alarm(case.get("seconds", 8))
    try:
        out.append(judge(case))
    except Timeout:
        out.append("skip: sympy took too long")
    except Exception as error:  # noqa: BLE001 - a referee that cannot read a case skips it, saying why
        out.append(f"skip: {type(error).__name__}: {str(error)[:120]}")
    finally:
        signal.alarm(0)
print(json.dumps(out))
