// Package ml is gostat's machine-learning toolkit: estimators with one
// interface, pipelines that keep preprocessing inside cross-validation,
// scikit-learn's metrics, resampling and tuning, model interpretation and
// versioned model files.
//
// # Estimators
//
// Every model implements Estimator: Fit(frame, target) uses every other
// column as a feature (FitXY does the same on a gonum matrix), Predict,
// Score (accuracy or R²), Params and SetParams. Classifiers add
// PredictProba, PredictLabels and Classes. Models are created with their
// scikit-learn defaults by NewX constructors, and their hyperparameters are
// exported fields:
//
//	rf := ml.NewRandomForestClassifier()
//	rf.NTrees = 300
//	err := rf.Fit(train, "type")
//	acc, err := rf.Score(test, "type")
//
// Models: LogisticRegression (L2, L1, none; multinomial), LinearRegression,
// Ridge, Lasso, ElasticNet, KNeighborsClassifier/Regressor, GaussianNB,
// MultinomialNB, DecisionTreeClassifier/Regressor (CART with
// cost-complexity pruning), RandomForestClassifier/Regressor,
// HistGradientBoostingClassifier/Regressor; unsupervised KMeans and PCA.
// Tree ensembles bin each feature once (at most 255 bins; exact splits when
// a feature has fewer distinct values) and grow on all cores; results
// depend only on the Seed field, not on the number of cores.
//
// # Pipelines and validation
//
// NewPipeline(model, steps...) chains frame Transformers (scalers,
// encoders, PCA) with a model. CrossValidate, GridSearch, RandomSearch,
// LearningCurveCV and CompareModels refit the whole pipeline inside each
// fold, so nothing is learnt from the rows a fold is scored on. Folds are
// stratified for classifiers and seeded. Long work reports progress and
// stops when the cell is interrupted (returning the context's error).
//
// # Metrics
//
// Accuracy, BalancedAccuracy, Precision, Recall, F1 (binary, macro,
// micro, weighted), ConfusionMatrix, ROCCurve/ROCAUC, PRCurve/
// AveragePrecision, LogLoss (LogLossProba for several classes),
// BrierScore, CalibrationCurve, MSE, RMSE, MAE, MAPE, R2, Silhouette — with
// scikit-learn's definitions. Labels are float64 class values; the binary
// metrics take scikit-learn's positive label (1, or the larger of two other
// labels). Evaluate and ClassificationReport summarise a fitted model on a
// test frame. Resampling functions accept scikit-learn's scoring names
// ("neg_log_loss", "neg_mean_squared_error") and report losses as losses.
//
// Hyperparameters out of scikit-learn's ranges are errors; a zero value
// means the default (MaxDepth 0 is unlimited, scikit-learn's None).
// SetParams and grids also take scikit-learn's spellings (max_depth,
// n_estimators, logisticregression__C).
//
// # Interpretation
//
// Coefficient tables (the models' displays), impurity importance
// (FeatureImportances of trees and forests), PermutationImportance and
// PartialDependence.
//
// # Model files
//
// Save writes a fitted model or pipeline as a JSON file with a header
// (format version, gostat version, creation time, input schema, target,
// classes, training size, parameters, metrics, SHA-256 of the payload);
// Load reads it back and checks the hash; predicting on data whose columns
// are missing or of another type is an error naming them. The format is
// described in FORMAT.md beside this file.
//
// References: Pedregosa et al. (2011), Scikit-learn: machine learning in
// Python, JMLR 12; Breiman (2001), Random forests, Machine Learning 45;
// Ke et al. (2017), LightGBM, NeurIPS; Hastie, Tibshirani & Friedman
// (2009), The Elements of Statistical Learning.
package ml
