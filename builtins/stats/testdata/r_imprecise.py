# Quantiles where R 4.2.2 itself is imprecise (qf near 0 returns 0 or loses
# digits; qt at p = 1e-300 is off in the 5th-9th digit). Exact values by
# mpmath root finding on the regularized incomplete beta function, at the
# exact double values of p. Run: python3 r_imprecise.py > r_imprecise.json
import json, mpmath as m
m.mp.dps = 80
out = []
def qf(d1, d2, p, lower):
    d1, d2 = m.mpf(d1), m.mpf(d2)
    target = m.mpf(p) if lower else 1 - m.mpf(p)
    # P(F <= x) = I_u(d1/2, d2/2), u = d1 x/(d1 x + d2); solve for log u
    f = lambda lu: m.log(m.betainc(d1/2, d2/2, 0, m.exp(lu), regularized=True)) - m.log(target)
    lu = m.findroot(f, m.log(target) * 2 / d1)
    u = m.exp(lu)
    return u * d2 / (d1 * (1 - u))
def qt(n, p, lower):
    n = m.mpf(n)
    f = lambda lx: m.log(m.betainc(n/2, m.mpf(1)/2, 0, n/(n + m.exp(2*lx)), regularized=True)/2) - m.log(m.mpf(p))
    lx = m.findroot(f, m.log(m.mpf(p)) / -n * 2.3)
    x = m.exp(lx)
    return -x if lower else x
for d1, d2, p, lower in [(1, 1, 1e-100, True), (1, 1, 1e-10, True), (1, 1, 1e-5, True), (1, 1, 0.99999, False),
                         (1, 1, 0.9999999999, False), (2, 10, 1e-100, True), (2, 10, 1e-10, True),
                         (5, 30, 1e-300, True), (5, 30, 1e-100, True), (10, 100, 1e-300, True), (10, 100, 1e-100, True)]:
    out.append({"family": "pf", "params": {"df1": d1, "df2": d2}, "p": p, "lower": lower, "quantile": float(qf(d1, d2, p, lower))})
for n in [2.5, 3, 5]:
    for lower in [True, False]:
        out.append({"family": "pt", "params": {"df": n}, "p": 1e-300, "lower": lower, "quantile": float(qt(n, 1e-300, lower))})
# tails_R.json (testdata/make_tails.R) cases where R's qf/qt lose digits
def qt_any(n, p, lower):
    # quantile with P(T <= x) = p (lower) or P(T > x) = p
    pm = m.mpf(p)
    small = pm if pm <= 0.5 else 1 - pm
    if small == m.mpf(0.5):
        return 0.0
    x = qt(n, small, True)  # negative quantile of the small tail
    neg = (lower and pm <= 0.5) or (not lower and pm > 0.5)
    return float(x if neg else -x)
for n, p, lower in [(0.3, 1e-50, False), (0.3, 1e-15, False), (0.3, 1e-08, False), (0.3, 0.5, True), (0.3, 0.5, False),
                    (0.3, 0.99999999, True), (1.5, 1e-300, True), (1.5, 1e-300, False), (1.5, 1e-200, True), (1.5, 1e-200, False)]:
    out.append({"family": "pt", "params": {"df": n}, "p": p, "lower": lower, "quantile": qt_any(n, p, lower)})
for d1, d2, p, lower in [(0.5, 3, 1e-50, True), (0.5, 3, 1e-15, True), (0.5, 3, 1e-08, True), (0.5, 3, 0.01, True), (0.5, 3, 0.99, False),
                         (0.5, 3, 0.99999999, False), (3, 0.7, 1e-300, True), (3, 0.7, 1e-200, True), (3, 0.7, 1e-50, True),
                         (3, 0.7, 1e-15, True), (12, 7, 1e-300, True), (12, 7, 1e-200, True), (12, 7, 1e-50, True),
                         (1, 10000, 1e-50, True), (1, 10000, 1e-15, True), (1, 10000, 1e-08, True), (1, 10000, 0.01, True),
                         (1, 10000, 0.99, False), (1, 10000, 0.99999999, False)]:
    out.append({"family": "pf", "params": {"df1": d1, "df2": d2}, "p": p, "lower": lower, "quantile": float(qf(d1, d2, p, lower))})
# R's qhyper turns an upper-tail p into 1-p, so tiny upper tails lose all
# digits: exact answer = smallest x with P(X > x) <= p, by exact binomials.
def qhyper_upper(mw, nb, k, p):
    tot = m.binomial(mw + nb, k)
    lo, hi = max(0, k - nb), min(k, mw)
    for x in range(lo, hi + 1):
        tail = sum(m.binomial(mw, i) * m.binomial(nb, k - i) for i in range(x + 1, hi + 1)) / tot
        if tail <= m.mpf(p) * (1 + 64 * 2.220446049250313e-16):
            return x
    return hi
for p in [1e-300, 1e-50]:
    out.append({"family": "phyper", "params": {"k": 100, "m": 300, "n": 500}, "p": p, "lower": False, "quantile": float(qhyper_upper(300, 500, 100, p))})
print(json.dumps(out, indent=1))
