"""Reference values from scikit-learn 1.2.1 for qa_metrics_test.go (label conventions
and edge cases of the binary metrics, multiclass log loss).

Run from builtins/ml/testdata:  /usr/bin/python3 qa_reference.py > qa_reference.json
"""
import json, sys, warnings
warnings.simplefilter("ignore")
import numpy as np, sklearn
from sklearn import metrics as M
from sklearn.calibration import calibration_curve

out = {"sklearn": sklearn.__version__}
# labels {1, 2}: the positive class is 2 (the larger label)
y12 = [1, 2, 2, 1, 2, 1, 1, 2]
s12 = [0.2, 0.7, 0.4, 0.5, 0.9, 0.1, 0.6, 0.4]
out["labels12"] = {"y": y12, "score": s12,
    "roc_auc": M.roc_auc_score(y12, s12),
    "average_precision": M.average_precision_score(y12, s12, pos_label=2),
    "log_loss": M.log_loss(y12, s12),
    "brier": M.brier_score_loss(y12, s12, pos_label=2),
    "calib_true": calibration_curve(y12, s12, n_bins=3, pos_label=2)[0].tolist()}
# no positive labels: average precision 0 (recall set to 1)
out["no_positives"] = {"y": [0, 0, 0], "score": [0.2, 0.3, 0.4],
    "average_precision": float(M.average_precision_score([0, 0, 0], [0.2, 0.3, 0.4]))}
# multiclass log loss, rows not summing exactly to 1 and a zero probability
y3 = [0, 2, 1, 2, 0, 1]
P3 = [[0.7, 0.2, 0.1], [0.1, 0.3, 0.6], [0.2, 0.5, 0.3], [0.3, 0.3, 0.4], [0.0, 0.5, 0.5], [0.25, 0.25, 0.5]]
out["multiclass"] = {"y": y3, "P": P3, "log_loss": M.log_loss(y3, P3),
    "y_text_codes": [5, 9, 7, 9, 5, 7], "log_loss_labels": M.log_loss([5, 9, 7, 9, 5, 7], P3)}
# a probability of exactly 0 for a positive: clipped at eps = 2.22e-16 (sklearn 1.2 eps="auto")
out["log_loss_clipped"] = {"y": [1, 0, 1], "p": [0.0, 0.0, 0.9], "log_loss": M.log_loss([1, 0, 1], [0.0, 0.0, 0.9])}
# partial dependence of a linear regression on Boston (all rows): rad has 9 distinct
# values (< 20 grid points: its values), rm is gridded on 5 points between its 5% and 95%
import pandas as pd
from sklearn.linear_model import LinearRegression
from sklearn.inspection import partial_dependence
boston = pd.read_csv("../../../../shared/reference/datasets/Boston.csv")
bfeat = [c for c in boston.columns if c != "medv"]
lm = LinearRegression().fit(boston[bfeat].values, boston.medv.values)
pd_rad = partial_dependence(lm, boston[bfeat].values, [bfeat.index("rad")], grid_resolution=20)
pd_rm = partial_dependence(lm, boston[bfeat].values, [bfeat.index("rm")], grid_resolution=5)
out["pdp_boston_lm"] = {"rad_grid": pd_rad["values"][0].tolist(), "rad_average": pd_rad["average"][0].tolist(),
    "rm_grid": pd_rm["values"][0].tolist(), "rm_average": pd_rm["average"][0].tolist()}
# histogram gradient boosting with missing values: airquality rows with Ozone, Solar.R
# has 5 missing values (both sides of each split are tried; min_samples_leaf counts
# the missing rows on their side)
from sklearn.ensemble import HistGradientBoostingRegressor, HistGradientBoostingClassifier
aq = pd.read_csv("../../../../shared/reference/datasets/airquality.csv").dropna(subset=["Ozone"])
aqX, aqy = aq.drop(columns="Ozone").values.astype(float), aq.Ozone.values.astype(float)
out["hgb_airquality_nan"] = {"pred": HistGradientBoostingRegressor().fit(aqX, aqy).predict(aqX).tolist()}
# trained without missing values, predicting rows with a missing glu: the missing
# value goes to the child that had more training rows
D = "../../../../shared/reference/datasets/"
tr = pd.read_csv(D + "Pima_tr.csv"); te = pd.read_csv(D + "Pima_te.csv")
pf = [c for c in tr.columns if c != "type"]
Xte = te[pf].values.astype(float)[:10]
Xte[:, pf.index("glu")] = np.nan
h = HistGradientBoostingClassifier().fit(tr[pf].values.astype(float), tr.type == "Yes")
out["hgb_pima_glu_missing_at_predict"] = {"proba": h.predict_proba(Xte)[:, 1].tolist()}
# Evaluate on three classes: one-vs-rest ROC AUC and log loss of GaussianNB on iris
from sklearn.naive_bayes import GaussianNB
iris = pd.read_csv(D + "iris.csv")
Pg = GaussianNB().fit(iris.iloc[:, :4].values, iris.Species).predict_proba(iris.iloc[:, :4].values)
out["gnb_iris_evaluate"] = {"roc_auc_ovr": float(M.roc_auc_score(iris.Species, Pg, multi_class="ovr")),
    "log_loss": float(M.log_loss(iris.Species, Pg))}
# L1 multinomial logistic regression (saga; the optimum is unique for three classes)
from sklearn.linear_model import LogisticRegression
ml1 = LogisticRegression(penalty="l1", C=0.5, solver="saga", tol=1e-12, max_iter=1000000).fit(iris.iloc[:, :4].values, iris.Species)
out["logit_iris_l1_multinomial_C05"] = {"coef": ml1.coef_.tolist(), "intercept": ml1.intercept_.tolist(),
    "proba": ml1.predict_proba(iris.iloc[:, :4].values)[[0, 50, 100, 70, 120]].tolist()}
json.dump(out, sys.stdout, indent=1)
