package ml_test

import (
	"fmt"

	"github.com/gostat/gostat/builtins/datasets"
	"github.com/gostat/gostat/builtins/ml"
)

func ExampleRandomForestClassifier() {
	train := datasets.MustLoad("Pima_tr")
	test := datasets.MustLoad("Pima_te")
	rf := ml.NewRandomForestClassifier()
	rf.Seed = 1
	if err := rf.Fit(train, "type"); err != nil {
		fmt.Println(err)
		return
	}
	acc, _ := rf.Score(test, "type")
	fmt.Printf("test accuracy %.3f, out-of-bag %.3f\n", acc, rf.OOBScore())
	fmt.Println("most important:", rf.FeatureImportances().Ranked()[:3])
	// Output:
	// test accuracy 0.774, out-of-bag 0.720
	// most important: [glu age ped]
}

func ExampleCrossValidate() {
	iris := datasets.MustLoad("iris")
	p := ml.NewPipeline(ml.NewKNeighborsClassifier(), ml.NewStandardScaler())
	cv, err := ml.CrossValidate(p, iris, "Species", 5, 42, "accuracy")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("accuracy %.3f ± %.3f\n", cv.Mean, cv.SD)
	// Output:
	// accuracy 0.960 ± 0.028
}

func ExampleClassificationReport() {
	yTrue := []float64{0, 0, 1, 1, 1, 2, 2}
	yPred := []float64{0, 1, 1, 1, 2, 2, 2}
	fmt.Println(ml.ClassificationReport(yTrue, yPred, []string{"low", "mid", "high"}))
	// Output:
	//              precision  recall  f1-score  support
	// ──────────────────────────────────────────────────
	// low                1.00    0.50      0.67        2
	// mid                0.67    0.67      0.67        3
	// high               0.67    1.00      0.80        2
	// ──────────────────────────────────────────────────
	// accuracy                             0.71        7
	// macro avg          0.78    0.72      0.71        7
	// weighted avg       0.76    0.71      0.70        7
}

func ExampleROCAUC() {
	y := []float64{0, 0, 1, 1}
	score := []float64{0.1, 0.4, 0.35, 0.8}
	fmt.Println(ml.ROCAUC(y, score), ml.AveragePrecision(y, score))
	// Output:
	// 0.75 0.8333333333333333
}

func ExamplePCA() {
	arrests := datasets.MustLoad("USArrests")
	p := ml.NewPCA(true)
	if err := p.Fit(arrests); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%.4f\n", p.ExplainedVarianceRatio())
	// Output:
	// [0.6201 0.2474 0.0891 0.0434]
}
