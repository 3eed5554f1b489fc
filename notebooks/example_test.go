package notebooks_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/gostat/gostat/kernel/remote/fakekernel"
	"github.com/gostat/gostat/notebooks"
)

func ExampleParse() {
	src := "// %% [markdown]\n// # Demo\n\n// %%\nx := 6 * 7\nx\n// Output:\n// 42\n"
	nb, err := notebooks.Parse("demo.gost", []byte(src))
	if err != nil {
		fmt.Println(err)
		return
	}
	for i, c := range nb.Cells {
		fmt.Printf("cell %d at line %d: kind %d, output %q\n", i+1, c.Line, c.Kind, c.Output)
	}
	fmt.Println(string(nb.Bytes()) == src)
	// Output:
	// cell 1 at line 1: kind 1, output ""
	// cell 2 at line 4: kind 0, output "42\n"
	// true
}

func ExampleCheck() {
	// The fake kernel runs a toy language ("print X"); a real front end
	// passes a kernel/remote.Supervisor or a kernel.Session.
	nb, _ := notebooks.Parse("demo.gost", []byte("// %%\nprint hello\n// Output:\n// hello\n\n// %%\nprint world\n// Output:\n// World\n"))
	var out strings.Builder
	rep := notebooks.Check(context.Background(), fakekernel.New(), nb, notebooks.Options{Stdout: &out})
	// The report ends with a summary line holding the run time.
	report := strings.TrimSuffix(out.String(), "\n")
	fmt.Println(report[:strings.LastIndex(report, "\n")])
	fmt.Println("ok:", rep.OK(), "mismatched:", rep.Mismatched)
	// Output:
	// --- FAIL: demo.gost:6: cell 2
	//     --- recorded
	//     +++ got
	//     @@ -1 +1 @@
	//     -World
	//     +world
	// ok: false mismatched: 1
}
