package org.twinflow.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A printed table with aligned columns: text to the left, numbers to the right. */
final class ResultTable {

    private final String title;
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    ResultTable(String title, String... headers) {
        this.title = title;
        this.headers = Arrays.asList(headers);
    }

    ResultTable row(Object... cells) {
        List<String> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(format(cell));
        }
        rows.add(row);
        return this;
    }

    String render() {
        int[] widths = new int[headers.size()];
        for (int column = 0; column < headers.size(); column++) {
            widths[column] = headers.get(column).length();
            for (List<String> row : rows) {
                widths[column] = Math.max(widths[column], column < row.size() ? row.get(column).length() : 0);
            }
        }
        StringBuilder out = new StringBuilder(title).append('\n');
        out.append(line(headers, widths)).append('\n');
        StringBuilder rule = new StringBuilder();
        for (int column = 0; column < widths.length; column++) {
            rule.append(column == 0 ? "" : "  ").append("-".repeat(widths[column]));
        }
        out.append(rule).append('\n');
        for (List<String> row : rows) {
            out.append(line(row, widths)).append('\n');
        }
        return out.toString();
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int column = 0; column < widths.length; column++) {
            String cell = column < cells.size() ? cells.get(column) : "";
            boolean number = column > 0 && cell.matches("[-+]?[0-9.,]+( ?[a-z%/×]+)?\\*?|n/a|–");
            String padded = number ? " ".repeat(widths[column] - cell.length()) + cell : cell + " ".repeat(widths[column] - cell.length());
            line.append(column == 0 ? "" : "  ").append(padded);
        }
        return line.toString().stripTrailing();
    }

    private static String format(Object cell) {
        if (cell == null) {
            return "–";
        }
        if (cell instanceof Double value) {
            if (value.isNaN()) {
                return "n/a";
            }
            return value >= 100 ? String.format("%.0f", value) : String.format("%.1f", value);
        }
        return cell.toString();
    }
}
