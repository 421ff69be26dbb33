package com.quanyu.routes.draw;

import com.quanyu.routes.model.Problem;
import com.quanyu.routes.model.Solution;
import java.util.List;
import java.util.Locale;

/**
 * Draws routes as a standalone SVG: the depot as a black square, customers as dots, one colour
 * per route. Coordinates are scaled into a square canvas with y pointing up (north for
 * latitude/longitude input).
 */
public final class SvgRenderer {
    private static final int SIZE = 800;
    private static final int MARGIN = 30;
    private static final String[] PALETTE = {
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
        "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd", "#e6550d", "#31a354", "#756bb1", "#636363"
    };

    private SvgRenderer() {}

    /** The SVG document; the problem must have coordinates. */
    public static String render(Problem problem, Solution solution, String title) {
        if (!problem.hasCoordinates()) {
            throw new IllegalArgumentException("the problem has no coordinates to draw");
        }
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < problem.size(); i++) {
            minX = Math.min(minX, problem.x(i));
            maxX = Math.max(maxX, problem.x(i));
            minY = Math.min(minY, problem.y(i));
            maxY = Math.max(maxY, problem.y(i));
        }
        double scale = (SIZE - 2.0 * MARGIN) / Math.max(1e-9, Math.max(maxX - minX, maxY - minY));
        Projection at = new Projection(minX, minY, scale);
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(SIZE)
                .append("\" height=\"")
                .append(SIZE + 20)
                .append("\" viewBox=\"0 0 ")
                .append(SIZE)
                .append(' ')
                .append(SIZE + 20)
                .append("\">\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append("<text x=\"10\" y=\"18\" font-family=\"sans-serif\" font-size=\"14\">")
                .append(escape(title))
                .append("</text>\n");
        List<List<Integer>> routes = solution.routes();
        for (int r = 0; r < routes.size(); r++) {
            String colour = PALETTE[r % PALETTE.length];
            svg.append("<polyline class=\"route\" fill=\"none\" stroke=\"")
                    .append(colour)
                    .append("\" stroke-width=\"2\" points=\"");
            point(svg, at, problem, 0);
            for (int node : routes.get(r)) {
                point(svg, at, problem, node);
            }
            point(svg, at, problem, 0);
            svg.append("\"/>\n");
            for (int node : routes.get(r)) {
                svg.append(String.format(
                        Locale.ROOT,
                        "<circle class=\"customer\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"><title>%s</title></circle>%n",
                        at.x(problem.x(node)),
                        at.y(problem.y(node)),
                        colour,
                        escape(problem.id(node))));
            }
        }
        svg.append(String.format(
                Locale.ROOT,
                "<rect class=\"depot\" x=\"%.1f\" y=\"%.1f\" width=\"12\" height=\"12\" fill=\"black\"><title>%s</title></rect>%n",
                at.x(problem.x(0)) - 6,
                at.y(problem.y(0)) - 6,
                escape(problem.id(0))));
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void point(StringBuilder svg, Projection at, Problem p, int node) {
        svg.append(String.format(Locale.ROOT, "%.1f,%.1f ", at.x(p.x(node)), at.y(p.y(node))));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    private record Projection(double minX, double minY, double scale) {
        double x(double value) {
            return MARGIN + (value - minX) * scale;
        }

        double y(double value) {
            return SIZE + 20 - MARGIN - (value - minY) * scale;
        }
    }
}
