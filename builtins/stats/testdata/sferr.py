# stirlerr(n) at n = 0, 0.5, ..., 15 as tabulated in special.go (mpmath, 50 digits)
import mpmath as m
m.mp.dps = 50
for i in range(31):
    n = m.mpf(i) / 2
    print(0 if i == 0 else m.nstr(m.loggamma(n + 1) - (n + 0.5) * m.log(n) + n - m.log(m.sqrt(2 * m.pi)), 25))
