package dev.livecheck.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code checklist.md} as a page a browser opens from the file system, its links working: the markdown the gate
 * writes (headings, paragraphs, item lines with nested lines, bold, code, links) and nothing more.
 */
final class ChecklistHtml {
    private static final Pattern INLINE = Pattern.compile("\\*\\*(.+?)\\*\\*|`([^`]+)`|\\[((?:\\\\.|[^\\]\\\\])+)]\\(([^)\\s]+)\\)");
    private static final Pattern ITEM = Pattern.compile("- \\[([ xX?-])] (.*)");
    private static final String STYLE = """
            body{font:15px/1.45 system-ui,sans-serif;max-width:70em;margin:1.5em auto;padding:0 1em;color:#222}
            h1{font-size:1.6em}h2{font-size:1.25em;margin-top:1.4em;border-bottom:1px solid #ddd}
            ul{list-style:none;padding-left:0}ul ul{padding-left:2.2em;list-style:disc}li{margin:.35em 0}
            .box{font-family:monospace;margin-right:.4em}.passed .box{color:#2a7d2a}.open .box{color:#b3261e}.na .box{color:#777}.machine .box{color:#a15c00}
            code{background:#f3f3f3;padding:0 .2em}a{color:#0b57d0}""";

    private ChecklistHtml() {
    }

    static String render(String markdown) {
        List<String> lines = List.of(markdown.split("\n", -1));
        String title = lines.stream().filter(l -> l.startsWith("# ")).map(l -> l.substring(2)).findFirst().orElse("Release checklist");
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(title)).append("</title><style>").append(STYLE).append("</style></head><body>\n");
        List<String> paragraph = new ArrayList<>();
        boolean inList = false;
        boolean inNested = false;
        for (String line : lines) {
            boolean nested = line.startsWith("  - ");
            Matcher item = ITEM.matcher(line);
            if (!nested && inNested) {
                html.append("</ul>");
                inNested = false;
            }
            if (!nested && !item.matches() && inList) {
                html.append("</li></ul>\n");
                inList = false;
            }
            if (line.isBlank() || line.startsWith("#") || item.matches() || nested) {
                flush(paragraph, html);
            }
            if (line.startsWith("## ")) {
                html.append("<h2>").append(inline(line.substring(3))).append("</h2>\n");
            } else if (line.startsWith("# ")) {
                html.append("<h1>").append(inline(line.substring(2))).append("</h1>\n");
            } else if (item.matches()) {
                html.append(inList ? "</li>\n" : "<ul>\n");
                inList = true;
                String mark = item.group(1);
                String kind = mark.equalsIgnoreCase("x") ? "passed" : mark.equals("-") ? "na" : mark.equals("?") ? "machine" : "open";
                html.append("<li class=\"").append(kind).append("\"><span class=\"box\">[").append(escape(mark)).append("]</span>")
                        .append(inline(item.group(2)));
            } else if (nested) {
                if (!inNested) {
                    html.append("<ul>");
                    inNested = true;
                }
                html.append("<li>").append(inline(line.substring(4))).append("</li>");
            } else if (!line.isBlank()) {
                paragraph.add(line);
            }
        }
        if (inNested) {
            html.append("</ul>");
        }
        if (inList) {
            html.append("</li></ul>\n");
        }
        flush(paragraph, html);
        return html.append("</body></html>\n").toString();
    }

    private static void flush(List<String> paragraph, StringBuilder html) {
        if (!paragraph.isEmpty()) {
            html.append("<p>").append(inline(String.join("\n", paragraph))).append("</p>\n");
            paragraph.clear();
        }
    }

    private static String inline(String text) {
        Matcher m = INLINE.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(escape(text.substring(last, m.start())));
            if (m.group(1) != null) {
                out.append("<strong>").append(escape(m.group(1))).append("</strong>");
            } else if (m.group(2) != null) {
                out.append("<code>").append(escape(m.group(2))).append("</code>");
            } else {
                String label = m.group(3).replace("\\[", "[").replace("\\]", "]");
                out.append("<a href=\"").append(escape(m.group(4))).append("\">").append(escape(label)).append("</a>");
            }
            last = m.end();
        }
        return out.append(escape(text.substring(last))).toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
