package tui

import (
	"strings"
	"unicode"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/gostat/gostat/kernel"
)

// completeCmd asks the kernel for completions at the cursor. first marks a
// Tab press (a single candidate is inserted at once); later calls refresh
// the open popup as the user types.
func (m *Model) completeCmd(first bool) tea.Cmd {
	src, pos := m.ed.Value(), m.ed.Offset()
	m.comp.seq++
	seq, k := m.comp.seq, m.k
	m.comp.src, m.comp.end = src, pos
	if first {
		m.comp.open = true
		m.comp.items = nil
	}
	return func() tea.Msg {
		items, start := k.Complete(src, pos)
		return completeMsg{seq: seq, items: items, start: start}
	}
}

func (m *Model) onComplete(msg completeMsg) {
	c := &m.comp
	if msg.seq != c.seq || !c.open {
		return
	}
	c.items, c.start, c.sel = msg.items, msg.start, 0
	if len(c.items) == 0 {
		c.close()
		m.setStatus("no completions")
		return
	}
	if c.start < 0 || c.start > c.end || c.src != m.ed.Value() {
		return
	}
	typed := c.src[c.start:c.end]
	if len(c.items) == 1 {
		m.acceptCompletion()
		return
	}
	// Insert the common prefix of all candidates at once.
	if p := commonPrefix(c.items); len(p) > len(typed) && strings.HasPrefix(p, typed) {
		m.ed.Insert(p[len(typed):])
		c.end += len(p) - len(typed)
		c.src = m.ed.Value()
	}
}

// acceptCompletion replaces the word being completed by the selected item.
func (m *Model) acceptCompletion() {
	c := &m.comp
	it, ok := c.selected()
	if !ok {
		c.close()
		return
	}
	src := m.ed.Value()
	end := m.ed.Offset()
	start := c.start
	if start < 0 || start > end || end > len(src) {
		c.close()
		return
	}
	text := it.Text
	if it.Kind == "func" || it.Kind == "method" {
		if !strings.HasPrefix(src[end:], "(") && !strings.HasSuffix(text, "(") && !strings.HasSuffix(text, ")") {
			text += "("
		}
	}
	if it.Kind == "column" && !exprString(src[:start]) {
		// A column name completes inside a string literal: close the string
		// (or step over its closing quote, replacing the rest of the name).
		if q := openingQuote(src, start); q != 0 {
			rest := end
			for rest < len(src) && isNameByte(src[rest]) {
				rest++
			}
			if rest < len(src) && src[rest] == q {
				end = rest + 1
			}
			text += string(q)
		}
	}
	s := src[:start] + text + src[end:]
	m.ed.SetValueCursor(s, start+len(text))
	c.close()
}

// exprCalls take an expression or a formula in a string, where a column
// name is followed by more text, so completing one must not close the
// string.
var exprCalls = map[string]bool{
	"Filter": true, "Mutate": true, "Agg": true, "Apply": true,
	"OLS": true, "MustOLS": true, "WLS": true, "GLM": true, "GLMWithOptions": true,
	"Lasso": true, "Ridge": true, "ElasticNet": true, "LogisticLasso": true,
	"CVPenalized": true, "PenalizedPathFit": true, "NLSFormula": true,
}

// exprString reports whether the string literal being typed (before is the
// text up to the word being completed) is an argument of an exprCalls
// function, or already holds text before the word.
func exprString(before string) bool {
	q := strings.LastIndexAny(before, "\"`")
	if q < 0 {
		return false
	}
	if q != len(before)-1 {
		return true // "mpg > 20 && cy…": the name is not the whole string
	}
	name := callAtCursor(before[:q])
	if i := strings.LastIndex(name, "."); i >= 0 {
		name = name[i+1:]
	}
	return exprCalls[name]
}

// openingQuote is the quote (" or `) just before offset start, or 0.
func openingQuote(src string, start int) byte {
	if start > 0 && start <= len(src) && (src[start-1] == '"' || src[start-1] == '`') {
		return src[start-1]
	}
	return 0
}

// isNameByte reports whether b can be part of a column name being completed
// (letters, digits, '_' and '.', as in R's Solar.R).
func isNameByte(b byte) bool {
	return b == '_' || b == '.' || b >= 0x80 || unicode.IsLetter(rune(b)) || unicode.IsDigit(rune(b))
}

// docCmd fetches help for the first of names the kernel knows and opens
// the help pane.
func (m *Model) docCmd(names ...string) tea.Cmd {
	// The kernel's Doc resolves names without their package, R names
	// (?t.test) and methods through a variable (?cars.GroupBy) for every
	// front end.
	k := m.k
	return func() tea.Msg {
		for _, name := range names {
			if name == "" {
				continue
			}
			if text, ok := k.Doc(name); ok {
				return docMsg{name: name, text: text, ok: true}
			}
		}
		var tried []string
		for _, n := range names {
			if n != "" {
				tried = append(tried, n)
			}
		}
		return docMsg{name: strings.Join(tried, " or "), ok: false}
	}
}

func (m *Model) onDoc(msg docMsg) {
	if !msg.ok {
		m.setStatus("no help for " + msg.name)
		return
	}
	m.showDoc(msg.name, msg.text)
}

// showDoc opens the help pane on text.
func (m *Model) showDoc(name, text string) {
	m.docName, m.docText = name, text
	if m.pane != paneDoc {
		m.togglePane(paneDoc)
	}
	m.doc.SetContent(wrapDoc(text, m.doc.Width))
	m.doc.GotoTop()
}

func wrapDoc(s string, w int) string {
	return strings.Join(wrapText(reflowDoc(s), max(10, w)), "\n")
}

// reflowDoc joins the lines of each prose paragraph of a doc comment (go
// doc breaks them near 80 columns; wrapped again at the pane's width they
// would leave a short orphan line after every long one). Indented lines
// (code, struct fields, lists of members), declarations and blank lines
// are kept as they are.
func reflowDoc(s string) string {
	lines := strings.Split(s, "\n")
	prose := func(l string) bool {
		if l == "" || l[0] == ' ' || l[0] == '\t' || l == "}" {
			return false
		}
		for _, p := range []string{"func ", "type ", "var ", "const ", "package ", "- ", "* "} {
			if strings.HasPrefix(l, p) {
				return false
			}
		}
		return !strings.HasSuffix(l, "{")
	}
	var out []string
	for i, l := range lines {
		if i > 0 && prose(l) && prose(lines[i-1]) && len(out) > 0 {
			out[len(out)-1] += " " + l
			continue
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// callAtCursor finds the function being called around the cursor: the
// dotted name before the innermost unclosed '(' on the text before the
// cursor ("" when the cursor is not inside a call's parentheses).
func callAtCursor(before string) string {
	rs := []rune(before)
	depth := 0
	for i := len(rs) - 1; i >= 0; i-- {
		switch rs[i] {
		case ')', ']', '}':
			depth++
		case '[', '{':
			if depth == 0 {
				return ""
			}
			depth--
		case '(':
			if depth > 0 {
				depth--
				continue
			}
			j := i
			for j > 0 && (rs[j-1] == '_' || rs[j-1] == '.' || unicode.IsLetter(rs[j-1]) || unicode.IsDigit(rs[j-1])) {
				j--
			}
			return strings.Trim(string(rs[j:i]), ".")
		}
	}
	return ""
}

// sigCmd updates the signature hint for the call around the cursor; the
// kernel is asked once per name (Complete gives the signature in Detail,
// Doc the first line of the documentation).
func (m *Model) sigCmd() tea.Cmd {
	src := m.ed.Value()
	name := callAtCursor(src[:m.ed.Offset()])
	if name == "" || isKeyword(name) {
		m.clearSig()
		return nil
	}
	if name == m.sigName {
		return nil
	}
	m.sigName = name
	if t, ok := m.sigMemo[name]; ok {
		m.sigText = t
		return nil
	}
	m.sigText = ""
	m.sigSeq++
	seq, k := m.sigSeq, m.k
	return func() tea.Msg {
		return sigMsg{seq: seq, name: name, text: signature(k, name)}
	}
}

func isKeyword(s string) bool {
	switch s {
	case "if", "for", "switch", "func", "return", "go", "defer", "select":
		return true
	}
	return false
}

// signature is "name: detail — doc" for a function known to the kernel.
func signature(k kernel.Kernel, name string) string {
	items, _ := k.Complete(name, len(name))
	last := name[strings.LastIndexByte(name, '.')+1:]
	for _, it := range items {
		if it.Text == last || it.Text == name {
			s := name
			switch d := it.Detail; {
			case strings.HasPrefix(d, "func "+last+"("):
				s += strings.TrimPrefix(d, "func "+last)
			case strings.HasPrefix(d, "func("):
				s += strings.TrimPrefix(d, "func")
			case d != "":
				s += " " + d
			}
			doc := it.Doc
			if isDecl(doc) {
				// The kernel's first doc line repeats the signature: show
				// the first sentence of the documentation instead.
				doc = ""
				if d, ok := k.Doc(name); ok {
					doc = docSummary(d)
				}
			}
			if doc != "" {
				s += " — " + doc
			}
			return s
		}
	}
	if d, ok := k.Doc(name); ok {
		if sum := docSummary(d); sum != "" {
			return name + " — " + sum
		}
		return firstLine(strings.TrimSpace(d))
	}
	return ""
}

// isDecl reports whether a doc line is a Go declaration (a signature),
// not prose.
func isDecl(l string) bool {
	for _, p := range []string{"func ", "type ", "var ", "const ", "package "} {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	return false
}

// docSummary is the first sentence of the first prose paragraph of a
// documentation text (declarations and indented blocks skipped).
func docSummary(doc string) string {
	for _, para := range strings.Split(reflowDoc(strings.TrimSpace(doc)), "\n") {
		if para == "" || para[0] == ' ' || para[0] == '\t' || para == "}" || isDecl(para) || strings.HasSuffix(para, "{") {
			continue
		}
		if i := strings.Index(para, ". "); i >= 0 {
			return para[:i+1]
		}
		return para
	}
	return ""
}

// compDocMsg carries the doc summary of a completion candidate.
type compDocMsg struct {
	seq        int
	text, summ string
}

// compDocCmd fetches the documentation of the selected candidate when the
// kernel gave only its declaration as the doc line, so the popup can show
// what the candidate does.
func (m *Model) compDocCmd() tea.Cmd {
	c := &m.comp
	it, ok := c.selected()
	if !ok || !isDecl(it.Doc) {
		return nil
	}
	if _, done := c.docs[it.Text]; done {
		return nil
	}
	if c.docs == nil {
		c.docs = map[string]string{}
	}
	c.docs[it.Text] = "" // asked once
	name := it.Text
	if c.start > 0 && c.start <= len(c.src) && c.src[c.start-1] == '.' {
		if q := qualifierBefore(c.src[:c.start-1]); q != "" {
			name = q + "." + it.Text
		}
	}
	seq, k := c.seq, m.k
	return func() tea.Msg {
		d, ok := k.Doc(name)
		if !ok {
			return nil
		}
		return compDocMsg{seq: seq, text: it.Text, summ: docSummary(d)}
	}
}

func (m *Model) onCompDoc(msg compDocMsg) {
	if msg.seq != m.comp.seq || !m.comp.open || m.comp.docs == nil {
		return
	}
	m.comp.docs[msg.text] = msg.summ
}

// qualifierBefore is the dotted identifier chain that ends s ("stats",
// "cars", "m.Fit"), or "".
func qualifierBefore(s string) string {
	i := len(s)
	for i > 0 && (isNameByte(s[i-1]) && s[i-1] != '.' || s[i-1] == '.') {
		i--
	}
	return strings.Trim(s[i:], ".")
}
