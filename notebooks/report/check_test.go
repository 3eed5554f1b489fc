package report

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"image/png"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// htmlFacts is what the structural check of an HTML report found.
type htmlFacts struct {
	cells, prose, code, failed, notRun int
	images                             int // decoded PNG images
	tables                             int
	text                               string // all text content
}

// checkHTML tokenizes an HTML report and checks that it is self-contained
// and safe (no scripts, no outside resources, every image an inline PNG or
// SVG that decodes), and returns what it holds.
func checkHTML(t *testing.T, b []byte) htmlFacts {
	t.Helper()
	if _, err := html.Parse(bytes.NewReader(b)); err != nil {
		t.Fatalf("parse: %v", err)
	}
	var f htmlFacts
	var text strings.Builder
	z := html.NewTokenizer(bytes.NewReader(b))
	depth := map[string]int{}
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		tok := z.Token()
		switch tt {
		case html.TextToken:
			text.WriteString(tok.Data)
		case html.StartTagToken, html.SelfClosingTagToken:
			depth[tok.Data]++
			attr := map[string]string{}
			for _, a := range tok.Attr {
				attr[a.Key] = a.Val
				if strings.HasPrefix(strings.ToLower(a.Key), "on") {
					t.Errorf("event handler attribute %s=%q", a.Key, a.Val)
				}
			}
			switch tok.Data {
			case "script", "iframe", "object", "embed", "link", "base", "form":
				t.Errorf("<%s> in a report", tok.Data)
			case "img":
				src := attr["src"]
				switch {
				case strings.HasPrefix(src, "data:image/png;base64,"):
					data, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(src, "data:image/png;base64,"))
					if err != nil {
						t.Fatalf("image data: %v", err)
					}
					img, err := png.Decode(bytes.NewReader(data))
					if err != nil {
						t.Fatalf("image: %v", err)
					}
					if r := img.Bounds(); r.Dx() < 100 || r.Dy() < 50 {
						t.Errorf("image only %v", r)
					}
					f.images++
				case strings.HasPrefix(src, "data:image/svg+xml;base64,"):
					f.images++
				default:
					t.Errorf("image from outside the page: %.60q", src)
				}
				if attr["alt"] == "" {
					t.Error("image without alt text")
				}
			case "a":
				if h := strings.ToLower(attr["href"]); strings.HasPrefix(h, "javascript:") || strings.HasPrefix(h, "data:") {
					t.Errorf("unsafe link %q", h)
				}
			case "table":
				f.tables++
			case "section":
				f.cells++
				classes := " " + attr["class"] + " "
				if strings.Contains(classes, " prose ") {
					f.prose++
				}
				if strings.Contains(classes, " code ") {
					f.code++
				}
				if strings.Contains(classes, " failed ") {
					f.failed++
				}
				if strings.Contains(classes, " notrun ") {
					f.notRun++
				}
			}
			if tok.Data == "img" || tt == html.SelfClosingTagToken {
				depth[tok.Data]--
			}
		case html.EndTagToken:
			depth[tok.Data]--
		}
	}
	for tag, d := range depth {
		switch tag {
		case "meta", "br", "hr", "img", "html", "head", "body", "p", "li":
			continue // void elements, and ends HTML lets one omit
		}
		if d != 0 {
			t.Errorf("<%s> opened and closed %+d times", tag, d)
		}
	}
	f.text = text.String()
	return f
}

var cellIDRe = regexp.MustCompile(`^[a-zA-Z0-9-_]+$`)

// checkNotebook checks a .ipynb against the required keys and shapes of
// nbformat.v4.5.schema.json and returns the decoded notebook.
func checkNotebook(t *testing.T, b []byte) map[string]any {
	t.Helper()
	var nb map[string]any
	if err := json.Unmarshal(b, &nb); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	onlyKeys(t, "notebook", nb, []string{"metadata", "nbformat_minor", "nbformat", "cells"}, nil)
	if nb["nbformat"] != 4.0 || nb["nbformat_minor"].(float64) < 5 {
		t.Errorf("nbformat %v.%v, want 4.5", nb["nbformat"], nb["nbformat_minor"])
	}
	meta := nb["metadata"].(map[string]any)
	ks, _ := meta["kernelspec"].(map[string]any)
	if ks["name"] != "gostat" || ks["display_name"] == nil || ks["language"] != "go" {
		t.Errorf("kernelspec %v", ks)
	}
	li, _ := meta["language_info"].(map[string]any)
	if li["name"] != "go" {
		t.Errorf("language_info %v", li)
	}
	ids := map[string]bool{}
	for i, x := range nb["cells"].([]any) {
		c := x.(map[string]any)
		id, _ := c["id"].(string)
		if !cellIDRe.MatchString(id) || len(id) > 64 || ids[id] {
			t.Errorf("cell %d: bad or repeated id %q", i, id)
		}
		ids[id] = true
		switch c["cell_type"] {
		case "markdown":
			onlyKeys(t, "markdown cell", c, []string{"id", "cell_type", "metadata", "source"}, []string{"attachments"})
		case "code":
			onlyKeys(t, "code cell", c, []string{"id", "cell_type", "metadata", "source", "outputs", "execution_count"}, nil)
			if n := c["execution_count"]; n != nil {
				if _, ok := n.(float64); !ok {
					t.Errorf("cell %d: execution_count %v", i, n)
				}
			}
			for _, y := range c["outputs"].([]any) {
				checkOutput(t, y.(map[string]any))
			}
		default:
			t.Errorf("cell %d: cell_type %v", i, c["cell_type"])
		}
		if _, ok := c["metadata"].(map[string]any); !ok {
			t.Errorf("cell %d: metadata is not an object", i)
		}
		multiline(t, "source", c["source"])
	}
	return nb
}

var mimeRe = regexp.MustCompile(`^[a-zA-Z0-9]+/[a-zA-Z0-9\-\+\.]+$`)

func checkOutput(t *testing.T, o map[string]any) {
	t.Helper()
	switch o["output_type"] {
	case "stream":
		onlyKeys(t, "stream", o, []string{"output_type", "name", "text"}, nil)
		if o["name"] != "stdout" && o["name"] != "stderr" {
			t.Errorf("stream name %v", o["name"])
		}
		multiline(t, "text", o["text"])
	case "display_data", "execute_result":
		req := []string{"output_type", "data", "metadata"}
		if o["output_type"] == "execute_result" {
			req = append(req, "execution_count")
		}
		onlyKeys(t, o["output_type"].(string), o, req, nil)
		data := o["data"].(map[string]any)
		if data["text/plain"] == nil {
			t.Error("display without text/plain")
		}
		for mime, v := range data {
			if !mimeRe.MatchString(mime) || mime == "application/json" {
				t.Errorf("mime type %q", mime)
			}
			multiline(t, mime, v)
			if mime == "image/png" {
				raw, err := base64.StdEncoding.DecodeString(v.(string))
				if err != nil {
					t.Fatal(err)
				}
				if _, err := png.Decode(bytes.NewReader(raw)); err != nil {
					t.Errorf("image/png: %v", err)
				}
			}
		}
	case "error":
		onlyKeys(t, "error", o, []string{"output_type", "ename", "evalue", "traceback"}, nil)
		for _, l := range o["traceback"].([]any) {
			if _, ok := l.(string); !ok {
				t.Errorf("traceback line %v", l)
			}
		}
	default:
		t.Errorf("output_type %v", o["output_type"])
	}
}

// onlyKeys checks that m has every required key and no key outside
// required and optional (the schema's additionalProperties: false).
func onlyKeys(t *testing.T, what string, m map[string]any, required, optional []string) {
	t.Helper()
	allowed := map[string]bool{}
	for _, k := range append(required, optional...) {
		allowed[k] = true
	}
	for _, k := range required {
		if _, ok := m[k]; !ok {
			t.Errorf("%s: missing %q", what, k)
		}
	}
	for k := range m {
		if !allowed[k] {
			t.Errorf("%s: unexpected key %q", what, k)
		}
	}
}

// multiline checks a schema multiline_string: a string or an array of
// strings.
func multiline(t *testing.T, what string, v any) {
	t.Helper()
	switch v := v.(type) {
	case string:
	case []any:
		for _, s := range v {
			if _, ok := s.(string); !ok {
				t.Errorf("%s: %v is not a string", what, s)
			}
		}
	default:
		t.Errorf("%s: %T is not a multi-line string", what, v)
	}
}
