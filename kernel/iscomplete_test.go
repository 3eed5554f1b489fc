package kernel

import "testing"

func TestIsComplete(t *testing.T) {
	tests := []struct {
		src  string
		want bool
	}{
		{"", true},
		{"1+1", true},
		{"x := 1", true},
		{"func f() {", false},
		{"x := []int{1,", false},
		{"if x > 1 {\n y := 2", false},
		{"s := `raw", false},
		{"fmt.Println(", false},
		{"x := 3 +", false},
		{"/* comment", false},
		{"type T struct {", false},
		{"func fib(n int) int {\n\tif n < 2 {\n\t\treturn n\n\t}\n\treturn fib(n-1) + fib(n-2)\n}", true},
		{"func f() {}; f()", true},
		{"for i := 0; i < 3; i++ {", false},
		{"for i := 0; i < 3; i++ {\n}", true},
		{"x := map[string]int{\n\"a\": 1,\n}", true},
		{"s := \"unterminated", true},
		{"x := )", true},
		{"func f() }", true},
		{"x := 3 3", true},
		{"}", true},
		{"x := 1 // comment", true},
		{"if x {\n} else", false},
	}
	for _, tt := range tests {
		if got := IsComplete(tt.src); got != tt.want {
			t.Errorf("IsComplete(%q) = %v, want %v", tt.src, got, tt.want)
		}
	}
}
