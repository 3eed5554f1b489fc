package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/gostat/gostat/kernel"
)

// completion is the Tab popup: candidates from Kernel.Complete, one
// selected, its doc line shown under the list.
type completion struct {
	open  bool
	items []kernel.Completion
	sel   int
	start int // byte offset in the editor text where the replaced word starts
	end   int // byte offset of the cursor when asked
	src   string
	seq   int // request number; stale answers are dropped
	// docs caches, per candidate text, the first sentence of its
	// documentation when the kernel's doc line is only its declaration.
	docs map[string]string
}

// maxPopup is the number of candidates shown at once.
const maxPopup = 8

func (c *completion) close() { c.open = false; c.items = nil; c.sel = 0; c.docs = nil }

func (c *completion) move(d int) {
	if len(c.items) == 0 {
		return
	}
	c.sel = (c.sel + d + len(c.items)) % len(c.items)
}

func (c *completion) selected() (kernel.Completion, bool) {
	if !c.open || c.sel >= len(c.items) {
		return kernel.Completion{}, false
	}
	return c.items[c.sel], true
}

// commonPrefix of the candidates' texts.
func commonPrefix(items []kernel.Completion) string {
	if len(items) == 0 {
		return ""
	}
	p := items[0].Text
	for _, it := range items[1:] {
		for !strings.HasPrefix(it.Text, p) {
			p = p[:len(p)-1]
		}
	}
	return p
}

// view draws the popup: up to maxPopup rows "text  kind detail" with the
// selected one highlighted, then the selected candidate's doc line.
func (c *completion) view(th *Theme, width int) []string {
	if !c.open || len(c.items) == 0 {
		return nil
	}
	first := 0
	if c.sel >= maxPopup {
		first = c.sel - maxPopup + 1
	}
	last := min(len(c.items), first+maxPopup)
	nameW := 0
	for _, it := range c.items[first:last] {
		nameW = max(nameW, ansi.StringWidth(it.Text))
	}
	nameW = min(nameW, 30)
	w := min(width, 76)
	var out []string
	for i := first; i < last; i++ {
		it := c.items[i]
		row := fmt.Sprintf(" %-*s  %-7s %s", nameW, ansi.Truncate(it.Text, nameW, "…"), it.Kind, it.Detail)
		row = padRight(ansi.Truncate(row, w-1, "…"), w)
		if i == c.sel {
			out = append(out, th.PopupSel.Render(row))
		} else {
			out = append(out, th.PopupItem.Render(row))
		}
	}
	info := fmt.Sprintf(" %d/%d", c.sel+1, len(c.items))
	if it, ok := c.selected(); ok {
		doc := it.Doc
		if sum, ok := c.docs[it.Text]; ok {
			doc = sum
		} else if isDecl(doc) {
			doc = "" // the Detail column shows the declaration already
		}
		if doc != "" {
			info += "  " + doc
		}
	}
	out = append(out, th.PopupDetail.Render(padRight(ansi.Truncate(info, w-1, "…"), w)))
	return out
}
