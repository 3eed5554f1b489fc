package report

import (
	"strings"
	"testing"
)

func TestMarkdownHTML(t *testing.T) {
	cases := []struct{ md, want string }{
		{"# Title", "<h1>Title</h1>\n"},
		{"### Three ###", "<h3>Three</h3>\n"},
		{"#hashtag", "<p>#hashtag</p>\n"},
		{"one\ntwo\n\nthree", "<p>one\ntwo</p>\n<p>three</p>\n"},
		{"*em* and **strong** and ***both***", "<p><em>em</em> and <strong>strong</strong> and <strong><em>both</em></strong></p>\n"},
		{"_em_ but snake_case_name stays", "<p><em>em</em> but snake_case_name stays</p>\n"},
		{"2 * 3 * 4", "<p>2 * 3 * 4</p>\n"},
		{"use `a < b && c` here", "<p>use <code>a &lt; b &amp;&amp; c</code> here</p>\n"},
		{"``code with ` tick``", "<p><code>code with ` tick</code></p>\n"},
		{"unclosed `tick", "<p>unclosed `tick</p>\n"},
		{"<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"},
		{"a <b>bold</b> & co", "<p>a &lt;b&gt;bold&lt;/b&gt; &amp; co</p>\n"},
		{"[R](https://www.r-project.org/)", `<p><a href="https://www.r-project.org/">R</a></p>` + "\n"},
		{"[bad](javascript:alert(1))", "<p>[bad](javascript:alert(1))</p>\n"},
		{"[q](https://x.org/?a=1&b=\"2\")", `<p><a href="https://x.org/?a=1&amp;b=&#34;2&#34;">q</a></p>` + "\n"},
		{"<https://go.dev>", `<p><a href="https://go.dev">https://go.dev</a></p>` + "\n"},
		{`\*not em\*`, "<p>*not em*</p>\n"},
		{"- one\n- two *x*\n  continued", "<ul>\n<li>one</li>\n<li>two <em>x</em>\ncontinued</li>\n</ul>\n"},
		{"1. first\n2. second", "<ol>\n<li>first</li>\n<li>second</li>\n</ol>\n"},
		{"3. third", "<ol start=\"3\">\n<li>third</li>\n</ol>\n"},
		{"text\n\n    go run ./cmd/gostat <x>\n    more", "<p>text</p>\n<pre><code>go run ./cmd/gostat &lt;x&gt;\nmore</code></pre>\n"},
		{"```\nplain <b>\n```", "<pre><code>plain &lt;b&gt;</code></pre>\n"},
		{"```go\nx := 1 // c\n```", `<pre class="src"><code>x := <span class="m">1</span> <span class="c">// c</span></code></pre>` + "\n"},
		{"> quoted *text*", "<blockquote>\n<p>quoted <em>text</em></p>\n</blockquote>\n"},
		{"---", "<hr>\n"},
		{"para\n# heading", "<p>para</p>\n<h1>heading</h1>\n"},
	}
	for _, tc := range cases {
		if got := markdownHTML(tc.md); got != tc.want {
			t.Errorf("markdownHTML(%q)\n got %q\nwant %q", tc.md, got, tc.want)
		}
	}
}

func TestHighlightGo(t *testing.T) {
	got := highlightGo("f := frame.New() // <c>\ns := \"a<b\"\nfor i := range 3 {}")
	for _, want := range []string{
		`<span class="b">frame</span>`,
		`<span class="c">// &lt;c&gt;</span>`,
		`<span class="s">&#34;a&lt;b&#34;</span>`,
		`<span class="k">for</span>`,
		`<span class="m">3</span>`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %s in\n%s", want, got)
		}
	}
	// Source that does not scan is still shown whole.
	bad := "x := `unterminated\n<y>"
	if got := highlightGo(bad); !strings.Contains(got, "&lt;y&gt;") || !strings.Contains(got, "unterminated") {
		t.Errorf("bad source: %q", got)
	}
}
