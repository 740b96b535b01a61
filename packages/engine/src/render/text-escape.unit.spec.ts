import { parse } from "csv-parse/sync"
import { describe, expect, it } from "vitest"
import { csvField, csvRecords, escapeHtml, escapeMarkdown, oneLine, safeHref } from "./text-escape.js"

describe("escapeHtml", () => {
  it("escapes every character that could open markup or close an attribute", () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe(
      "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;",
    )
  })
})

describe("escapeMarkdown", () => {
  it("neutralises emphasis, links, code, tables and raw HTML, on one line", () => {
    const escaped = escapeMarkdown("a|b *c* _d_ [e](javascript:x) `f` <img src=x>\n# g")
    expect(escaped).toBe("a\\|b \\*c\\* \\_d\\_ \\[e\\](javascript:x) \\`f\\` &lt;img src=x&gt; \\# g")
    expect(escaped).not.toContain("\n")
  })
  it("leaves underscores inside words alone: they cannot open emphasis", () => {
    expect(escapeMarkdown("funds.pledged_usd_m _x_ a_")).toBe("funds.pledged_usd_m \\_x\\_ a\\_")
  })
  it("escapes backslashes first so that an escape cannot be undone", () => {
    expect(escapeMarkdown("\\|")).toBe("\\\\\\|")
  })
})

describe("oneLine", () => {
  it("folds CR, LF, tabs and separators into single spaces", () => {
    expect(oneLine(" a\r\n\tb\u2028c ")).toBe("a b c")
  })
})

describe("CSV quoting (RFC 4180)", () => {
  it("leaves plain fields alone and quotes fields with commas, quotes or line breaks", () => {
    expect(csvField("plain")).toBe("plain")
    expect(csvField("a,b")).toBe('"a,b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField("two\nlines")).toBe('"two\nlines"')
    expect(csvField("cr\r")).toBe('"cr\r"')
  })
  it("keeps a spreadsheet from running a field as a formula, and numbers as numbers", () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"')
    expect(csvField("+1 move")).toBe("'+1 move")
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)")
    expect(csvField("-x")).toBe("'-x")
    expect(csvField("\tcmd")).toBe("'\tcmd")
    for (const number of ["-500", "-0.25", "-1e-7", "12.5", "0"]) expect(csvField(number)).toBe(number)
  })
  it("round-trips hostile fields through a standard parser", () => {
    const rows = [
      ["indicator", "unit"],
      ['<script>"x"</script>', "a,b\r\nc"],
      ["", '"'],
    ]
    expect(parse(csvRecords(rows), { record_delimiter: "\r\n" })).toEqual(rows)
  })
})

describe("safeHref", () => {
  it("keeps web addresses and relative paths, drops other schemes", () => {
    expect(safeHref("https://example.org/a")).toBe("https://example.org/a")
    expect(safeHref("docs/model.md")).toBe("docs/model.md")
    expect(safeHref("javascript:alert(1)")).toBe("#")
    expect(safeHref(" data:text/html,x")).toBe("#")
  })
})
