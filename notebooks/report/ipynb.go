package report

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/gostat/gostat/display"
)

// Jupyter notebook format 4.5 (https://nbformat.readthedocs.io): the JSON
// shapes below follow the schema nbformat.v4.5.schema.json. Multi-line
// strings are stored as arrays of lines, each keeping its "\n".

type nbNotebook struct {
	Cells         []any      `json:"cells"`
	Metadata      nbMetadata `json:"metadata"`
	NBFormat      int        `json:"nbformat"`
	NBFormatMinor int        `json:"nbformat_minor"`
}

type nbMetadata struct {
	KernelSpec   nbKernelSpec   `json:"kernelspec"`
	LanguageInfo nbLanguageInfo `json:"language_info"`
	Title        string         `json:"title,omitempty"`
}

type nbKernelSpec struct {
	Name        string `json:"name"`
	DisplayName string `json:"display_name"`
	Language    string `json:"language"`
}

type nbLanguageInfo struct {
	Name          string `json:"name"`
	FileExtension string `json:"file_extension"`
	MIMEType      string `json:"mimetype"`
}

type nbMarkdownCell struct {
	ID       string         `json:"id"`
	CellType string         `json:"cell_type"`
	Metadata map[string]any `json:"metadata"`
	Source   []string       `json:"source"`
}

type nbCodeCell struct {
	ID             string         `json:"id"`
	CellType       string         `json:"cell_type"`
	Metadata       map[string]any `json:"metadata"`
	Source         []string       `json:"source"`
	Outputs        []any          `json:"outputs"`
	ExecutionCount *int           `json:"execution_count"`
}

type nbStream struct {
	OutputType string   `json:"output_type"`
	Name       string   `json:"name"`
	Text       []string `json:"text"`
}

type nbDisplayData struct {
	OutputType string         `json:"output_type"`
	Data       map[string]any `json:"data"`
	Metadata   map[string]any `json:"metadata"`
}

type nbExecuteResult struct {
	OutputType     string         `json:"output_type"`
	Data           map[string]any `json:"data"`
	Metadata       map[string]any `json:"metadata"`
	ExecutionCount int            `json:"execution_count"`
}

type nbError struct {
	OutputType string   `json:"output_type"`
	EName      string   `json:"ename"`
	EValue     string   `json:"evalue"`
	Traceback  []string `json:"traceback"`
}

// Notebook renders the document as a Jupyter notebook (nbformat 4.5, JSON).
// Code cells keep their execution counts. The kernel's notes become stderr
// stream outputs and printed text stdout stream outputs; displays become
// display_data (the last output of a cell, when it is a display, becomes
// its execute_result) with text/plain and, when the display has them,
// text/html, text/markdown and image/png (or image/svg+xml) forms; errors
// become error outputs. The kernelspec names gostat, language Go.
func (d *Document) Notebook() ([]byte, error) {
	nb := nbNotebook{
		Cells: []any{},
		Metadata: nbMetadata{
			KernelSpec:   nbKernelSpec{Name: "gostat", DisplayName: "gostat (Go)", Language: "go"},
			LanguageInfo: nbLanguageInfo{Name: "go", FileExtension: ".go", MIMEType: "text/x-go"},
			Title:        d.Title,
		},
		NBFormat:      4,
		NBFormatMinor: 5,
	}
	for i, c := range d.Cells {
		id := fmt.Sprintf("cell-%d", i+1)
		if c.Markdown {
			nb.Cells = append(nb.Cells, nbMarkdownCell{ID: id, CellType: "markdown", Metadata: map[string]any{}, Source: lines(c.Source)})
			continue
		}
		cc := nbCodeCell{ID: id, CellType: "code", Metadata: map[string]any{}, Source: lines(c.Source), Outputs: []any{}}
		if c.Ran() {
			n := c.Count
			cc.ExecutionCount = &n
		}
		for _, w := range c.Warnings {
			cc.Outputs = append(cc.Outputs, nbStream{OutputType: "stream", Name: "stderr", Text: lines("note: " + w + "\n")})
		}
		for k, o := range c.Outputs {
			switch {
			case o.Display == nil:
				cc.Outputs = append(cc.Outputs, nbStream{OutputType: "stream", Name: "stdout", Text: lines(o.Text)})
			case k == len(c.Outputs)-1 && c.Err == nil:
				cc.Outputs = append(cc.Outputs, nbExecuteResult{OutputType: "execute_result", Data: mimeBundle(*o.Display), Metadata: map[string]any{}, ExecutionCount: c.Count})
			default:
				cc.Outputs = append(cc.Outputs, nbDisplayData{OutputType: "display_data", Data: mimeBundle(*o.Display), Metadata: map[string]any{}})
			}
		}
		if c.Err != nil {
			tb := strings.Split(errorText(c.Err), "\n")
			cc.Outputs = append(cc.Outputs, nbError{OutputType: "error", EName: string(c.Err.Kind) + " error", EValue: c.Err.Message, Traceback: tb})
		}
		nb.Cells = append(nb.Cells, cc)
	}
	b, err := json.MarshalIndent(nb, "", " ")
	if err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	return append(b, '\n'), nil
}

// mimeBundle maps a display's forms to MIME types.
func mimeBundle(d display.Bundle) map[string]any {
	m := map[string]any{"text/plain": lines(strings.TrimRight(d.Text, "\n"))}
	if d.HTML != "" {
		m["text/html"] = lines(d.HTML)
	}
	if d.Markdown != "" {
		m["text/markdown"] = lines(d.Markdown)
	}
	switch {
	case len(d.PNG) > 0:
		m["image/png"] = base64.StdEncoding.EncodeToString(d.PNG)
	case len(d.SVG) > 0:
		m["image/svg+xml"] = lines(string(d.SVG))
	}
	return m
}

// lines splits s into the line array of a multi-line string: every line
// but the last keeps its "\n".
func lines(s string) []string {
	out := []string{}
	for s != "" {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			out = append(out, s)
			break
		}
		out = append(out, s[:i+1])
		s = s[i+1:]
	}
	return out
}
