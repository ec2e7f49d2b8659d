package dev.sfnrun.graph;

import java.util.List;

/** {@code sfn-run graph --format html}: the SVG picture in a page of its own, with no outside resources. */
public final class GraphPage {
    private GraphPage() {
    }

    /**
     * @param title    the page title (the definition's file name)
     * @param svg      the picture from {@link Svg}
     * @param problems problems of the whole machine, shown above the picture
     */
    public static String of(String title, String svg, List<String> problems) {
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n");
        out.append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n");
        out.append("<title>").append(Escape.xml(title)).append("</title>\n<style>\n");
        out.append("body { margin: 16px; font-family: \"DejaVu Sans\", Arial, Helvetica, sans-serif; color: #1d2635; }\n");
        out.append("h1 { font-size: 18px; } .problems { color: #b00020; } .picture { overflow: auto; }\n");
        out.append("</style></head><body>\n<h1>").append(Escape.xml(title)).append("</h1>\n");
        if (!problems.isEmpty()) {
            out.append("<ul class=\"problems\">");
            problems.forEach(p -> out.append("<li>").append(Escape.xml(p)).append("</li>"));
            out.append("</ul>\n");
        }
        out.append("<div class=\"picture\">\n").append(svg).append("</div>\n</body></html>\n");
        return out.toString();
    }
}
