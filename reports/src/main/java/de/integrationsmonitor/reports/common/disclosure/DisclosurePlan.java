package de.integrationsmonitor.reports.common.disclosure;

import static java.util.Objects.requireNonNull;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The small-count protection of one run, computed once over every table the run publishes. Each count of persons that
 * a report or workbook shows is a {@link Cell} with its value, registered once however many reports show it; each sum
 * a reader can see (a "Summe" and its parts, a month's total and its workshops, a Gemeinde's demand and its Stadtteile)
 * is a line. Primary suppression hides a count from 1 to k−1. Secondary suppression then hides a second entry of every
 * line with exactly one hidden entry, over all lines of all reports at once, until no line is left with one: so a
 * cell hidden in one report is hidden in every report that shows it, and no combination of the totals a recipient
 * gets determines it.
 *
 * <p>Reports ask {@link #hidden} for every count of persons they show; a cell that was never registered is a
 * programming error (it would bypass the plan), not a count to show.
 */
public final class DisclosurePlan {
    /** Measures that several reports show: the same cell in each, whichever report registers it first. */
    public static final String PARTICIPANTS = "Teilnehmende";
    public static final String WORKSHOP_PARTICIPANTS = "Teilnehmende an Workshops";
    public static final String DEMAND = "Bedarf (Personen)";

    private final SmallCounts rule;
    private final Map<Cell, Long> values;
    private final Set<Cell> hidden;
    private final int secondary;

    private DisclosurePlan(SmallCounts rule, Map<Cell, Long> values, Set<Cell> hidden, int secondary) {
        this.rule = rule;
        this.values = values;
        this.hidden = hidden;
        this.secondary = secondary;
    }

    /**
     * One published count of persons.
     *
     * @param measure what is counted, as the reports label it, e.g. "Teilnehmende" or "Bedarf (Personen)"
     * @param unit where: an area's name, "area / Gemeinde", an org unit id or a workshop id, always the same for the
     *     same place across reports
     * @param month the month counted
     * @param detail a breakdown such as "Sprache=ar" or a category; empty for none
     */
    public record Cell(String measure, String unit, YearMonth month, String detail) {
        public Cell {
            requireNonNull(measure, "measure is null");
            requireNonNull(unit, "unit is null");
            requireNonNull(month, "month is null");
            requireNonNull(detail, "detail is null");
        }

        public Cell(String measure, String unit, YearMonth month) {
            this(measure, unit, month, "");
        }

        /** An area's figure of a month, e.g. its participants: the Monatsbericht and the Landesübersicht both show it. */
        public static Cell area(String measure, String areaName, YearMonth month) {
            return new Cell(measure, areaName, month);
        }
    }

    /** A plan for the cells {@code register} adds; for one report's tests and for a run's reports alike. */
    public static DisclosurePlan of(SmallCounts rule, java.util.function.Consumer<Builder> register) {
        Builder builder = new Builder();
        register.accept(builder);
        return builder.build(rule);
    }

    /** The rule: threshold and legend. */
    public SmallCounts rule() {
        return rule;
    }

    /** Whether {@code cell} is shown as {@value SmallCounts#MARK}. */
    public boolean hidden(Cell cell) {
        if (!values.containsKey(cell)) {
            throw new IllegalStateException("count of persons not registered with the disclosure plan: " + cell);
        }
        return hidden.contains(cell);
    }

    /** The cell as shown: {@value SmallCounts#MARK} where hidden, else its value. */
    public String shown(Cell cell) {
        return hidden(cell) ? SmallCounts.MARK : de.integrationsmonitor.reports.common.render.GermanFormat.count(values.get(cell));
    }

    /** How many published cells the plan knows, how many it hides, and how many of those only to protect another. */
    public int cells() {
        return values.size();
    }

    public int hiddenCells() {
        return hidden.size();
    }

    public int secondaryCells() {
        return secondary;
    }

    /** Collects the cells and lines of all reports of a run; single-threaded. */
    public static final class Builder {
        private final Map<Cell, Long> values = new LinkedHashMap<>();
        private final List<List<Cell>> lines = new ArrayList<>();

        /**
         * Registers a published count. The same cell may be registered by several reports, but only with the same
         * value: two values for one cell would mean two reports disagree.
         */
        public Builder count(Cell cell, long value) {
            requireNonNull(cell, "cell is null");
            Long before = values.putIfAbsent(cell, value);
            if (before != null && before != value) {
                throw new IllegalStateException(cell + " is published as " + before + " and as " + value);
            }
            return this;
        }

        /** Whether {@code cell} is registered (e.g. whether a total a report could sum to is published at all). */
        public boolean has(Cell cell) {
            return values.containsKey(cell);
        }

        public long value(Cell cell) {
            Long value = values.get(cell);
            if (value == null) {
                throw new IllegalArgumentException("not registered: " + cell);
            }
            return value;
        }

        /**
         * A sum a reader can see: {@code total} = Σ {@code parts}, all registered. Callers add only sums that hold
         * exactly; where they do not (a total with an unpublished remainder), the parts cannot be computed back.
         */
        public Builder sum(Cell total, List<Cell> parts) {
            long sum = 0;
            for (Cell part : parts) {
                sum = Math.addExact(sum, value(part));
            }
            if (sum != value(total)) {
                throw new IllegalArgumentException("parts sum to " + sum + ", not to the total " + total + " = " + value(total));
            }
            List<Cell> line = new ArrayList<>(parts);
            line.add(total);
            lines.add(List.copyOf(line));
            return this;
        }

        /** Primary, then secondary suppression over every line until no line has exactly one hidden entry. */
        public DisclosurePlan build(SmallCounts rule) {
            requireNonNull(rule, "rule is null");
            Map<Cell, Long> cells = Map.copyOf(values);
            Set<Cell> hidden = new java.util.HashSet<>();
            cells.forEach((cell, value) -> {
                if (rule.isSmall(value)) {
                    hidden.add(cell);
                }
            });
            int primary = hidden.size();
            // lines by cell, so that a newly hidden cell re-examines only its own lines
            Map<Cell, List<Integer>> linesOf = new HashMap<>();
            for (int i = 0; i < lines.size(); i++) {
                for (Cell cell : lines.get(i)) {
                    linesOf.computeIfAbsent(cell, c -> new ArrayList<>()).add(i);
                }
            }
            java.util.ArrayDeque<Integer> pending = new java.util.ArrayDeque<>();
            for (int i = 0; i < lines.size(); i++) {
                pending.add(i);
            }
            while (!pending.isEmpty()) {
                List<Cell> line = lines.get(pending.poll());
                if (line.stream().filter(hidden::contains).count() != 1) {
                    continue;
                }
                Cell partner = partner(line, cells, hidden);
                if (partner != null) {
                    hidden.add(partner);
                    pending.addAll(linesOf.get(partner));
                }
            }
            return new DisclosurePlan(rule, cells, Set.copyOf(hidden), hidden.size() - primary);
        }

        /** The smallest positive shown entry of the line; parts (listed first) win ties over the total. */
        private static Cell partner(List<Cell> line, Map<Cell, Long> values, Set<Cell> hidden) {
            Cell best = null;
            for (Cell cell : line) {
                long value = values.get(cell);
                if (!hidden.contains(cell) && value > 0 && (best == null || value < values.get(best))) {
                    best = cell;
                }
            }
            return best;
        }
    }
}
