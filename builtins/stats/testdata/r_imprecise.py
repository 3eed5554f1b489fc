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
print(json.dumps(out, indent=1))
