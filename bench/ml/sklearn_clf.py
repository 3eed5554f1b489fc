"""scikit-learn reference for bench/ml: same clf.csv, same split (first 80,000 rows train,
last 20,000 test), sklearn defaults. Run: /usr/bin/python3 bench/ml/sklearn_clf.py /tmp/gostat-bench/clf.csv"""
import sys, time
import numpy as np, pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.ensemble import RandomForestClassifier, HistGradientBoostingClassifier
from sklearn.model_selection import cross_val_score

d = pd.read_csv(sys.argv[1]); X = d.drop(columns="y").values; y = d.y.values
Xtr, ytr, Xte, yte = X[:80000], y[:80000], X[80000:], y[80000:]
def timed(f):
    t = time.perf_counter(); r = f(); return r, time.perf_counter() - t
m, t = timed(lambda: LogisticRegression().fit(X, y)); print(f"logistic lbfgs fit 100k: {t:.3f} s")
m = LogisticRegression().fit(Xtr, ytr); print(f"logistic test accuracy: {m.score(Xte, yte):.4f}")
s, t = timed(lambda: cross_val_score(LogisticRegression(), X, y, cv=5)); print(f"5-fold CV logistic: {t:.3f} s, mean {s.mean():.4f}")
m, t = timed(lambda: HistGradientBoostingClassifier(early_stopping=False).fit(X, y)); print(f"HGB 100 iterations fit 100k: {t:.3f} s")
m = HistGradientBoostingClassifier(early_stopping=False).fit(Xtr, ytr); print(f"HGB test accuracy: {m.score(Xte, yte):.4f}")
if len(sys.argv) > 2:
    m, t = timed(lambda: RandomForestClassifier(n_jobs=2, random_state=0).fit(Xtr, ytr)); print(f"RF 100 trees n_jobs=2 fit 80k: {t:.1f} s, test accuracy {m.score(Xte, yte):.4f}")
