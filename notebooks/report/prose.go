package report

import (
	"html"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Prose cells are rendered to HTML from a small, safe subset of Markdown
// (CommonMark spellings): ATX headings, paragraphs, emphasis (*em*, _em_,
// **strong**, __strong__), code spans, fenced and indented code blocks,
// bulleted and numbered lists (one level), block quotes, thematic breaks,
// and links to http, https and mailto addresses or to anchors in the page.
// Everything else, raw HTML included, is escaped and shows as typed.

var (
	headingRe = regexp.MustCompile(`^(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$`)
	bulletRe  = regexp.MustCompile(`^[ ]{0,3}([-*+])[ \t]+(.*)$`)
	orderedRe = regexp.MustCompile(`^[ ]{0,3}(\d{1,9})[.)][ \t]+(.*)$`)
	ruleRe    = regexp.MustCompile(`^[ ]{0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$`)
	fenceRe   = regexp.MustCompile("^[ ]{0,3}(```+|~~~+)[ \t]*([^`]*)$")
)

// heading returns the level and text of an ATX heading line (level 0: not
// a heading).
func heading(line string) (int, string) {
	m := headingRe.FindStringSubmatch(line)
	if m == nil {
		return 0, ""
	}
	return len(m[1]), strings.TrimSpace(m[2])
}

func isBlankLine(l string) bool { return strings.TrimSpace(l) == "" }

// indented reports whether l is a line of an indented code block and
// returns it without the indentation.
func indented(l string) (string, bool) {
	if strings.HasPrefix(l, "\t") {
		return l[1:], true
	}
	if strings.HasPrefix(l, "    ") {
		return l[4:], true
	}
	return "", false
}

// markdownHTML renders md (the safe subset) as HTML.
func markdownHTML(md string) string {
	var b strings.Builder
	renderBlocks(&b, strings.Split(strings.ReplaceAll(md, "\r\n", "\n"), "\n"), 0)
	return b.String()
}

// maxQuoteDepth bounds the nesting of block quotes; deeper ">" are text.
const maxQuoteDepth = 8

func renderBlocks(b *strings.Builder, lines []string, depth int) {
	i := 0
	for i < len(lines) {
		l := lines[i]
		switch {
		case isBlankLine(l):
			i++
		case fenceRe.MatchString(l):
			m := fenceRe.FindStringSubmatch(l)
			fence := m[1]
			lang := strings.Fields(m[2])
			i++
			var code []string
			for i < len(lines) && !strings.HasPrefix(strings.TrimLeft(lines[i], " "), fence) {
				code = append(code, lines[i])
				i++
			}
			i++ // the closing fence (or the end)
			src := strings.Join(code, "\n")
			if len(lang) > 0 && lang[0] == "go" {
				b.WriteString(`<pre class="src"><code>` + highlightGo(src) + "</code></pre>\n")
			} else {
				b.WriteString("<pre><code>" + html.EscapeString(src) + "</code></pre>\n")
			}
		case func() bool { _, ok := indented(l); return ok }():
			var code []string
			for i < len(lines) {
				if c, ok := indented(lines[i]); ok {
					code = append(code, c)
				} else if isBlankLine(lines[i]) {
					code = append(code, "")
				} else {
					break
				}
				i++
			}
			for len(code) > 0 && code[len(code)-1] == "" {
				code = code[:len(code)-1]
			}
			b.WriteString("<pre><code>" + html.EscapeString(strings.Join(code, "\n")) + "</code></pre>\n")
		case headingRe.MatchString(l):
			lvl, text := heading(l)
			tag := "h" + string(rune('0'+lvl))
			b.WriteString("<" + tag + ">" + inlineHTML(text) + "</" + tag + ">\n")
			i++
		case ruleRe.MatchString(l):
			b.WriteString("<hr>\n")
			i++
		case depth < maxQuoteDepth && strings.HasPrefix(strings.TrimLeft(l, " "), ">"):
			var inner []string
			for i < len(lines) && strings.HasPrefix(strings.TrimLeft(lines[i], " "), ">") {
				t := strings.TrimPrefix(strings.TrimLeft(lines[i], " "), ">")
				inner = append(inner, strings.TrimPrefix(t, " "))
				i++
			}
			b.WriteString("<blockquote>\n")
			renderBlocks(b, inner, depth+1)
			b.WriteString("</blockquote>\n")
		case bulletRe.MatchString(l) || orderedRe.MatchString(l):
			i = renderList(b, lines, i)
		default:
			var para []string
			for i < len(lines) && !isBlankLine(lines[i]) && !startsBlock(lines[i]) {
				para = append(para, strings.TrimSpace(lines[i]))
				i++
			}
			if len(para) == 0 { // a line that starts a block we could not render
				para = append(para, strings.TrimSpace(lines[i]))
				i++
			}
			b.WriteString("<p>" + inlineHTML(strings.Join(para, "\n")) + "</p>\n")
		}
	}
}

// startsBlock reports whether l interrupts a paragraph.
func startsBlock(l string) bool {
	return fenceRe.MatchString(l) || headingRe.MatchString(l) || ruleRe.MatchString(l) ||
		bulletRe.MatchString(l) || orderedRe.MatchString(l) || strings.HasPrefix(strings.TrimLeft(l, " "), ">")
}

// renderList renders the list starting at lines[i] and returns the index
// after it. Items continue on indented lines; a blank line followed by a
// line that is not an item (nor indented) ends the list.
func renderList(b *strings.Builder, lines []string, i int) int {
	ordered := !bulletRe.MatchString(lines[i])
	match := func(l string) []string {
		if ordered {
			return orderedRe.FindStringSubmatch(l)
		}
		return bulletRe.FindStringSubmatch(l)
	}
	if ordered {
		start := orderedRe.FindStringSubmatch(lines[i])[1]
		start = strings.TrimLeft(start, "0")
		if start == "" || start == "1" {
			b.WriteString("<ol>\n")
		} else {
			b.WriteString(`<ol start="` + start + `">` + "\n")
		}
	} else {
		b.WriteString("<ul>\n")
	}
	var item []string
	flush := func() {
		if item != nil {
			b.WriteString("<li>" + inlineHTML(strings.Join(item, "\n")) + "</li>\n")
		}
		item = nil
	}
	for i < len(lines) {
		l := lines[i]
		if m := match(l); m != nil {
			flush()
			item = []string{strings.TrimSpace(m[2])}
			i++
			continue
		}
		if isBlankLine(l) {
			if i+1 < len(lines) && (match(lines[i+1]) != nil || strings.HasPrefix(lines[i+1], "  ")) {
				i++
				continue
			}
			break
		}
		if strings.HasPrefix(l, " ") || !startsBlock(l) {
			item = append(item, strings.TrimSpace(l))
			i++
			continue
		}
		break
	}
	flush()
	if ordered {
		b.WriteString("</ol>\n")
	} else {
		b.WriteString("</ul>\n")
	}
	return i
}

// inlineHTML renders the inline Markdown of s: code spans, emphasis, links,
// backslash escapes; all other text is escaped.
func inlineHTML(s string) string {
	var b strings.Builder
	// Delimiter runs known to have no closer after the current position:
	// a later opener cannot find one either (keeps long text linear).
	noCloser := map[string]bool{}
	for i := 0; i < len(s); {
		c := s[i]
		switch c {
		case '\\':
			if i+1 < len(s) && strings.IndexByte("\\`*_{}[]()#+-.!<>|~\"'", s[i+1]) >= 0 {
				b.WriteString(html.EscapeString(s[i+1 : i+2]))
				i += 2
				continue
			}
		case '`':
			n := run(s, i, '`')
			if end := closingTicks(s, i+n, n); end >= 0 {
				code := strings.ReplaceAll(s[i+n:end], "\n", " ")
				if len(code) > 2 && code[0] == ' ' && code[len(code)-1] == ' ' && strings.Trim(code, " ") != "" {
					code = code[1 : len(code)-1]
				}
				b.WriteString("<code>" + html.EscapeString(code) + "</code>")
				i = end + n
				continue
			}
			b.WriteString(s[i : i+n])
			i += n
			continue
		case '*', '_':
			if out, next, ok := emphasis(s, i, noCloser); ok {
				b.WriteString(out)
				i = next
				continue
			}
			n := run(s, i, c)
			b.WriteString(s[i : i+n])
			i += n
			continue
		case '[':
			if out, next, ok := link(s, i); ok {
				b.WriteString(out)
				i = next
				continue
			}
		case '<':
			if end := strings.IndexByte(s[i:min(len(s), i+maxLinkText)], '>'); end > 0 {
				if u := s[i+1 : i+end]; safeURL(u) && strings.Contains(u, ":") && !strings.ContainsAny(u, " \t\n<") {
					b.WriteString(`<a href="` + html.EscapeString(u) + `">` + html.EscapeString(u) + "</a>")
					i += end + 1
					continue
				}
			}
		case '\n':
			b.WriteString("\n")
			i++
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		b.WriteString(html.EscapeString(s[i : i+size]))
		i += size
	}
	return b.String()
}

// run counts the bytes c starting at s[i].
func run(s string, i int, c byte) int {
	n := 0
	for i+n < len(s) && s[i+n] == c {
		n++
	}
	return n
}

// closingTicks finds a run of exactly n backticks at or after from.
func closingTicks(s string, from, n int) int {
	for j := from; j < len(s); {
		if s[j] != '`' {
			j++
			continue
		}
		m := run(s, j, '`')
		if m == n {
			return j
		}
		j += m
	}
	return -1
}

func wordRune(s string, i int, before bool) bool {
	var r rune
	if before {
		if i <= 0 {
			return false
		}
		r, _ = utf8.DecodeLastRuneInString(s[:i])
	} else {
		if i >= len(s) {
			return false
		}
		r, _ = utf8.DecodeRuneInString(s[i:])
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func spaceAt(s string, i int) bool {
	if i < 0 || i >= len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsSpace(r)
}

// emphasis renders an emphasis span opening at s[i] (a run of * or _).
// noCloser records the runs that have no closer in the rest of s.
func emphasis(s string, i int, noCloser map[string]bool) (string, int, bool) {
	c := s[i]
	n := min(run(s, i, c), 3)
	delim := s[i : i+n]
	if spaceAt(s, i+n) || (c == '_' && wordRune(s, i, true)) || noCloser[delim] {
		return "", 0, false
	}
	for j := i + n; j < len(s); {
		if s[j] != c {
			j++
			continue
		}
		m := run(s, j, c)
		if m == n && j > i+n && !spaceAt(s, j-1) && !(c == '_' && wordRune(s, j+n, false)) {
			inner := inlineHTML(s[i+n : j])
			switch n {
			case 1:
				inner = "<em>" + inner + "</em>"
			case 2:
				inner = "<strong>" + inner + "</strong>"
			default:
				inner = "<strong><em>" + inner + "</em></strong>"
			}
			return inner, j + n, true
		}
		j += m
	}
	noCloser[delim] = true
	return "", 0, false
}

// maxLinkText bounds the search for the end of a link's text.
const maxLinkText = 500

// link renders [text](url) at s[i] when url is safe.
func link(s string, i int) (string, int, bool) {
	depth := 0
	close := -1
	for j := i; j < len(s) && j-i < maxLinkText; j++ {
		switch s[j] {
		case '\\':
			j++
		case '[':
			depth++
		case ']':
			depth--
			if depth == 0 {
				close = j
			}
		}
		if close >= 0 {
			break
		}
	}
	if close < 0 || close+1 >= len(s) || s[close+1] != '(' {
		return "", 0, false
	}
	end := strings.IndexByte(s[close+2:], ')')
	if end < 0 {
		return "", 0, false
	}
	target := strings.TrimSpace(s[close+2 : close+2+end])
	if target == "" || strings.ContainsAny(target, " \t\n") || !safeURL(target) {
		return "", 0, false
	}
	text := inlineHTML(s[i+1 : close])
	return `<a href="` + html.EscapeString(target) + `">` + text + "</a>", close + 3 + end, true
}

// safeURL accepts http, https and mailto addresses, anchors, and relative
// paths without a scheme.
func safeURL(u string) bool {
	lu := strings.ToLower(u)
	if strings.HasPrefix(lu, "http://") || strings.HasPrefix(lu, "https://") || strings.HasPrefix(lu, "mailto:") || strings.HasPrefix(lu, "#") {
		return true
	}
	// No scheme at all: a relative path.
	if k := strings.IndexAny(lu, ":/?#"); k >= 0 && lu[k] == ':' {
		return false
	}
	return !strings.HasPrefix(lu, "//")
}
