package org.hiptrack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hiptrack.internal.hip_catalog;
import org.hiptrack.internal.hip_catalog_config;
import org.hiptrack.internal.hip_exercise;
import org.hiptrack.internal.hip_progression_edge;
import org.hiptrack.internal.hip_status;

/**
 * The exercise catalog ({@code hip_catalog}): exercises with stable ids, their default dose and
 * motion profile, and the regression/progression graph. Starts with the built-in hip catalog (or
 * empty), takes custom exercises and edges, and imports and exports {@code hiptrack.catalog} JSON.
 * Lookups return copies. A catalog no longer modified may be shared by threads.
 *
 * <pre>{@code
 * try (Catalog catalog = new Catalog()) {
 *     Exercise bridge = catalog.require("bridge");
 *     Exercise harder = catalog.harder("bridge");   // "marching_bridge"
 * }
 * }</pre>
 */
public final class Catalog extends NativeHandle<hip_catalog> {
    /** The built-in hip catalog. */
    public Catalog() {
        this(true);
    }

    /**
     * The built-in catalog, or an empty one.
     *
     * @param includeBuiltin false for an empty catalog
     */
    public Catalog(boolean includeBuiltin) {
        super(create(includeBuiltin), "Catalog");
    }

    private static hip_catalog create(boolean includeBuiltin) {
        try (hip_catalog_config c = new hip_catalog_config()) {
            c.setInclude_builtin(includeBuiltin ? 1 : 0);
            return new hip_catalog(c);
        }
    }

    /**
     * The message of the last failed add, import or export ("" if none).
     *
     * @return the message
     */
    public String lastError() {
        return proxy().last_error();
    }

    /**
     * The number of exercises.
     *
     * @return the count
     */
    public int size() {
        return (int) proxy().count();
    }

    /**
     * An exercise by position (insertion order, built-ins first).
     *
     * @param index 0..size()-1
     * @return a copy of the exercise
     * @throws HipException {@link Status#RANGE} past the end
     */
    public Exercise get(int index) {
        hip_catalog c = proxy();
        try (hip_exercise e = new hip_exercise()) {
            c.at(index, e);
            return Exercise.from(e);
        }
    }

    /**
     * Every exercise, in order.
     *
     * @return an unmodifiable list of copies
     */
    public List<Exercise> exercises() {
        int n = size();
        List<Exercise> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) list.add(get(i));
        return Collections.unmodifiableList(list);
    }

    /**
     * An exercise by id.
     *
     * @param id the exercise id
     * @return a copy, or null when there is none
     */
    public Exercise find(String id) {
        hip_catalog c = proxy();
        Values.nonNull(id, "id");
        try (hip_exercise e = new hip_exercise()) {
            try {
                c.find(id, e);
            } catch (HipException ex) {
                if (ex.code() == Status.NOT_FOUND) return null;
                throw ex;
            }
            return Exercise.from(e);
        }
    }

    /**
     * An exercise by id that must exist.
     *
     * @param id the exercise id
     * @return a copy
     * @throws HipException {@link Status#NOT_FOUND} when there is none
     */
    public Exercise require(String id) {
        Exercise e = find(id);
        if (e == null)
            throw new HipException(Status.NOT_FOUND.value(), "no exercise \"" + id + "\" in the catalog");
        return e;
    }

    /**
     * Adds a custom exercise after validating every field.
     *
     * @param exercise the exercise (copied)
     * @throws HipException {@link Status#INVALID} naming the bad field, {@link Status#EXISTS}
     *     when the id is taken, {@link Status#RANGE} for text too long for its field
     */
    public void add(Exercise exercise) {
        hip_catalog c = proxy();
        try (hip_exercise e = Values.nonNull(exercise, "exercise").toNative()) {
            c.add(e);
        }
    }

    /**
     * Adds a progression edge; both ids must exist, the edge must be new and keep the graph acyclic.
     *
     * @param easierId the easier exercise
     * @param harderId the harder exercise
     * @param change   the one attribute the step changes
     */
    public void addEdge(String easierId, String harderId, Change change) {
        proxy().add_edge(Values.nonNull(easierId, "easierId"), Values.nonNull(harderId, "harderId"),
                Values.nonNull(change, "change").value());
    }

    /**
     * Every progression edge.
     *
     * @return an unmodifiable list
     */
    public List<ProgressionEdge> edges() {
        hip_catalog c = proxy();
        int n = (int) c.edge_count();
        List<ProgressionEdge> list = new ArrayList<>(n);
        try (hip_progression_edge e = new hip_progression_edge()) {
            for (int i = 0; i < n; i++) {
                c.edge_at(i, e);
                list.add(ProgressionEdge.from(e));
            }
        }
        return Collections.unmodifiableList(list);
    }

    /**
     * The next harder variant of an exercise.
     *
     * @param id the exercise id
     * @return the variant, or null when there is none
     * @throws HipException {@link Status#NOT_FOUND} when id is unknown
     */
    public Exercise harder(String id) {
        return harder(id, 0);
    }

    /**
     * The k-th next harder variant (0-based) of an exercise.
     *
     * @param id the exercise id
     * @param k  0 for the next variant
     * @return the variant, or null when there is no k-th
     * @throws HipException {@link Status#NOT_FOUND} when id is unknown
     */
    public Exercise harder(String id, int k) {
        return step(id, k, true);
    }

    /**
     * The next easier variant of an exercise.
     *
     * @param id the exercise id
     * @return the variant, or null when there is none
     * @throws HipException {@link Status#NOT_FOUND} when id is unknown
     */
    public Exercise easier(String id) {
        return easier(id, 0);
    }

    /**
     * The k-th next easier variant (0-based) of an exercise.
     *
     * @param id the exercise id
     * @param k  0 for the next variant
     * @return the variant, or null when there is no k-th
     * @throws HipException {@link Status#NOT_FOUND} when id is unknown
     */
    public Exercise easier(String id, int k) {
        return step(id, k, false);
    }

    private Exercise step(String id, int k, boolean up) {
        hip_catalog c = proxy();
        Values.nonNull(id, "id");
        if (k < 0) throw new HipException(Status.RANGE.value(), "k must not be negative");
        try (hip_exercise e = new hip_exercise()) {
            int s = up ? c.harder(id, k, e) : c.easier(id, k, e);
            return s == hip_status.HIP_DONE ? null : Exercise.from(e);
        }
    }

    /**
     * Imports exercises and edges from a {@code hiptrack.catalog} document; all or nothing.
     *
     * @param json the document
     * @throws HipException {@link Status#FORMAT} with line/column or field path, {@link
     *     Status#VERSION}, {@link Status#EXISTS}; the catalog is then unchanged
     */
    public void importJson(String json) {
        proxy().import_json(Values.utf8(json, "json"));
    }

    /**
     * The whole catalog as indented JSON.
     *
     * @return the document
     */
    public String exportJson() {
        return exportJson(false);
    }

    /**
     * The catalog as indented JSON.
     *
     * @param customOnly true to leave the built-in exercises out
     * @return the document
     */
    public String exportJson(boolean customOnly) {
        final hip_catalog c = proxy();
        final int flag = customOnly ? 1 : 0;
        return Values.exportText((buf, len) -> c.export_json(flag, buf, len));
    }
}
