package frame_test

import (
	"fmt"

	"github.com/gostat/gostat/builtins/frame"
)

func ExampleNew() {
	f := frame.New("x", []float64{1, 2, 3, 4}, "g", []string{"a", "b", "a", "b"})
	fmt.Println(f.GroupBy("g").Agg("n()", "mean(x)"))
	// Output:
	// frame: 2 rows × 3 columns
	//    g          n  mean_x
	//    <str>  <int>   <dbl>
	// 1  a          2       2
	// 2  b          2       3
}

func ExampleFrame_Filter() {
	f := frame.New("x", []float64{1, 2, 3, 4}, "y", []int{10, 20, 30, 40})
	fmt.Println(f.Filter("x >= 2 && y < 40").Mutate("z", "x * y"))
	// Output:
	// frame: 2 rows × 3 columns
	//        x      y      z
	//    <dbl>  <int>  <dbl>
	// 1      2     20     40
	// 2      3     30     90
}

func ExampleParseCSV() {
	_, err := frame.ParseCSV("id,score\n1,2.5\n2,n/a\n3,4\n4,5\n")
	fmt.Println(err)
	// Output:
	// frame.ReadCSV: <text>:3: column "score": "n/a" is not a number (3 of the column's 4 values are numbers); read the column as text with CSVOptions{Types: map[string]string{"score": "string"}}, or declare the value missing with CSVOptions{NA: []string{"", "NA", "n/a"}}
}
