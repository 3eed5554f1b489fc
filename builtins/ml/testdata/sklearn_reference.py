"""Reference figures from scikit-learn 1.2.1 (Debian python3-sklearn) for builtins/ml tests.

Run from builtins/ml/testdata:  /usr/bin/python3 sklearn_reference.py > sklearn_reference.json
Splits: Pima_tr (train) / Pima_te (test); iris and Boston: rows whose 0-based index i has
i % 4 == 0 are the test set, the others the training set.
"""
import json, sys, warnings
warnings.simplefilter("ignore")
import numpy as np, pandas as pd, sklearn
from sklearn.ensemble import RandomForestClassifier, RandomForestRegressor, HistGradientBoostingClassifier, HistGradientBoostingRegressor
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor
from sklearn.linear_model import LogisticRegression
from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor
from sklearn.naive_bayes import GaussianNB, MultinomialNB
from sklearn.cluster import KMeans
from sklearn.preprocessing import StandardScaler
from sklearn import metrics
from sklearn.calibration import calibration_curve

D = "../../../../shared/reference/datasets/"
out = {"sklearn": sklearn.__version__, "numpy": np.__version__}
tr = pd.read_csv(D + "Pima_tr.csv"); te = pd.read_csv(D + "Pima_te.csv")
feats = [c for c in tr.columns if c != "type"]
Xtr, ytr = tr[feats].values.astype(float), (tr.type == "Yes").astype(int).values
Xte, yte = te[feats].values.astype(float), (te.type == "Yes").astype(int).values
iris = pd.read_csv(D + "iris.csv"); ifeat = list(iris.columns[:4])
iy = pd.Categorical(iris.Species).codes
itest = np.arange(len(iris)) % 4 == 0
boston = pd.read_csv(D + "Boston.csv"); bfeat = [c for c in boston.columns if c != "medv"]
btest = np.arange(len(boston)) % 4 == 0
IX, BX, BY = iris[ifeat].values, boston[bfeat].values, boston.medv.values
sets = {"pima": (Xtr, ytr, Xte, yte), "iris": (IX[~itest], iy[~itest], IX[itest], iy[itest]),
        "boston": (BX[~btest], BY[~btest], BX[btest], BY[btest])}

def seeds(make, name, score):
    Xa, ya, Xb, yb = sets[name]
    s = [score(yb, make(r).fit(Xa, ya).predict(Xb)) for r in range(10)]
    return {"mean": float(np.mean(s)), "sd": float(np.std(s, ddof=1)), "all": s}

acc, r2 = metrics.accuracy_score, metrics.r2_score
out["rf_pima_accuracy"] = seeds(lambda r: RandomForestClassifier(random_state=r), "pima", acc)
out["rf_iris_accuracy"] = seeds(lambda r: RandomForestClassifier(random_state=r), "iris", acc)
out["rf_boston_r2"] = seeds(lambda r: RandomForestRegressor(random_state=r), "boston", r2)
rf = RandomForestClassifier(random_state=0, oob_score=True).fit(Xtr, ytr)
out["rf_pima_oob"] = rf.oob_score_
out["hgb_pima_accuracy"] = acc(yte, HistGradientBoostingClassifier().fit(Xtr, ytr).predict(Xte))
h = HistGradientBoostingClassifier().fit(Xtr, ytr)
out["hgb_pima_proba_first5"] = h.predict_proba(Xte)[:5, 1].tolist()
out["hgb_pima_n_iter"] = int(h.n_iter_)
out["hgb_iris_accuracy"] = acc(iy[itest], HistGradientBoostingClassifier().fit(IX[~itest], iy[~itest]).predict(IX[itest]))
hb = HistGradientBoostingRegressor().fit(BX[~btest], BY[~btest])
out["hgb_boston_r2"] = r2(BY[btest], hb.predict(BX[btest]))
out["hgb_boston_pred_first5"] = hb.predict(BX[btest])[:5].tolist()
dt = DecisionTreeClassifier(random_state=0).fit(Xtr, ytr)
out["tree_pima"] = {"accuracy": acc(yte, dt.predict(Xte)), "n_leaves": int(dt.get_n_leaves()), "depth": int(dt.get_depth())}
dt2 = DecisionTreeClassifier(random_state=0, ccp_alpha=0.01).fit(Xtr, ytr)
out["tree_pima_ccp001"] = {"accuracy": acc(yte, dt2.predict(Xte)), "n_leaves": int(dt2.get_n_leaves()), "depth": int(dt2.get_depth())}
path = DecisionTreeClassifier(random_state=0).cost_complexity_pruning_path(Xtr, ytr)
out["tree_pima_ccp_path"] = {"ccp_alphas": path.ccp_alphas.tolist(), "impurities": path.impurities.tolist()}
dr = DecisionTreeRegressor(random_state=0, max_depth=4).fit(BX[~btest], BY[~btest])
out["tree_boston_depth4"] = {"r2": r2(BY[btest], dr.predict(BX[btest])), "pred_first5": dr.predict(BX[btest])[:5].tolist()}
# lbfgs stops on scipy's relative function tolerance (about 1e-4 relative error in the
# coefficients here, whatever tol is); newton-cg reaches the optimum, so it is the reference.
m = LogisticRegression(C=1.0, tol=1e-12, max_iter=1000, solver="newton-cg").fit(IX, iy)
out["logit_iris_multinomial_C1"] = {"coef": m.coef_.tolist(), "intercept": m.intercept_.tolist(), "solver": "newton-cg"}
m = LogisticRegression(C=1.0, tol=1e-12, max_iter=1000).fit(IX, iy)
out["logit_iris_multinomial_C1_lbfgs"] = {"coef": m.coef_.tolist(), "intercept": m.intercept_.tolist()}
m = LogisticRegression(C=1.0, tol=1e-12, max_iter=1000, solver="newton-cg").fit(Xtr, ytr)
out["logit_pima_l2_C1"] = {"coef": m.coef_.tolist(), "intercept": m.intercept_.tolist(), "solver": "newton-cg"}
Ztr = StandardScaler().fit_transform(Xtr)
m = LogisticRegression(penalty="l1", C=0.1, solver="saga", tol=1e-12, max_iter=1000000).fit(Ztr, ytr)
out["logit_pima_l1_C01_scaled"] = {"coef": m.coef_.tolist(), "intercept": m.intercept_.tolist()}
k = KNeighborsClassifier().fit(IX[~itest], iy[~itest])
out["knn_iris"] = {"pred": k.predict(IX[itest]).tolist(), "proba": k.predict_proba(IX[itest]).tolist()}
kr = KNeighborsRegressor().fit(BX[~btest], BY[~btest])
out["knn_boston_pred_first5"] = kr.predict(BX[btest])[:5].tolist()
g = GaussianNB().fit(IX[~itest], iy[~itest])
out["gnb_iris"] = {"proba_first5": g.predict_proba(IX[itest])[:5].tolist(), "accuracy": acc(iy[itest], g.predict(IX[itest])), "var": g.var_.tolist(), "theta": g.theta_.tolist()}
mn = MultinomialNB().fit(IX[~itest], iy[~itest])
out["mnb_iris"] = {"proba_first5": mn.predict_proba(IX[itest])[:5].tolist(), "accuracy": acc(iy[itest], mn.predict(IX[itest]))}
km = KMeans(3, n_init=10, random_state=0).fit(IX)
out["kmeans_iris_k3"] = {"inertia": km.inertia_, "silhouette": metrics.silhouette_score(IX, km.labels_), "sizes": sorted(np.bincount(km.labels_).tolist())}
out["silhouette_iris_species"] = metrics.silhouette_score(IX, iy)
P = pd.read_csv("../../../../shared/reference/r/classification_predictions.csv")
y, p, y3, y3p = P.y_true.values, P.y_score.values, P.y3_true.values, P.y3_pred.values
yh = (p >= 0.5).astype(int)
fpr, tpr, thr = metrics.roc_curve(y, p)
pr, rc, pthr = metrics.precision_recall_curve(y, p)
ct, cp = calibration_curve(y, p, n_bins=5)
out["metrics"] = {"balanced_accuracy": metrics.balanced_accuracy_score(y, yh), "balanced_accuracy3": metrics.balanced_accuracy_score(y3, y3p),
  "f1_binary": metrics.f1_score(y, yh), "precision_binary": metrics.precision_score(y, yh), "recall_binary": metrics.recall_score(y, yh),
  "f1_weighted3": metrics.f1_score(y3, y3p, average="weighted"), "f1_micro3": metrics.f1_score(y3, y3p, average="micro"),
  "precision_weighted3": metrics.precision_score(y3, y3p, average="weighted"), "recall_weighted3": metrics.recall_score(y3, y3p, average="weighted"),
  "average_precision": metrics.average_precision_score(y, p), "brier": metrics.brier_score_loss(y, p),
  "roc_fpr": fpr.tolist(), "roc_tpr": tpr.tolist(), "roc_thresholds_tail": thr[1:].tolist(),
  "pr_precision": pr.tolist(), "pr_recall": rc.tolist(), "calib_true": ct.tolist(), "calib_pred": cp.tolist(),
  "mape": metrics.mean_absolute_percentage_error(BY, BY * 1.1 + 1), "mae": metrics.mean_absolute_error(BY, BY * 1.1 + 1),
  "mse": metrics.mean_squared_error(BY, BY * 1.1 + 1), "r2": metrics.r2_score(BY, BY * 1.1 + 1)}
# one-vs-rest AUC on the probabilities of a sepal-only model (not separable)
lr3 = LogisticRegression(max_iter=1000).fit(IX[~itest][:, :2], iy[~itest])
P3 = lr3.predict_proba(IX[itest][:, :2])
out["roc_auc_ovr_iris_sepal"] = {"proba": P3.tolist(), "roc_auc_ovr": metrics.roc_auc_score(iy[itest], P3, multi_class="ovr")}
json.dump(out, sys.stdout, indent=1)
