package dev.sfnrun.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.query.Json;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading a written report back: its embedded data and the marks on its picture. */
final class ReportFiles {
    private ReportFiles() {
    }

    static JsonNode data(String html) throws Exception {
        int start = html.indexOf("<script type=\"application/json\" id=\"report-data\">");
        int end = html.indexOf("</script>", start);
        String json = html.substring(html.indexOf('>', start) + 1, end);
        return Json.mapper().readTree(json);
    }

    /** The data-state of every state group whose class list has {@code cls}. */
    static Set<String> statesWith(String html, String cls) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = Pattern.compile("<g class=\"node [^\"]*\\b" + cls + "\\b[^\"]*\" data-id=\"[^\"]*\" data-state=\"([^\"]*)\"").matcher(html);
        while (m.find()) {
            out.add(m.group(1).replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">"));
        }
        return out;
    }

    /** The data-edge of every edge group whose class list has {@code cls}. */
    static Set<String> edgesWith(String html, String cls) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = Pattern.compile("<g class=\"edge [^\"]*\\b" + cls + "\\b[^\"]*\" data-edge=\"([^\"]*)\"").matcher(html);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
