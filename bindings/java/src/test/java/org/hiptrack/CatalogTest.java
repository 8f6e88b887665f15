package org.hiptrack;

import static org.hiptrack.Support.assertHip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogTest {
    @Test
    void builtinLookups() {
        try (Catalog catalog = new Catalog()) {
            assertTrue(catalog.size() > 20);
            List<Exercise> all = catalog.exercises();
            assertEquals(catalog.size(), all.size());
            assertThrows(UnsupportedOperationException.class, () -> all.clear());
            Exercise bridge = catalog.require("bridge");
            assertEquals("bridge", bridge.id);
            assertEquals("EX05", bridge.code);
            assertTrue(bridge.builtin);
            assertFalse(bridge.name.isEmpty());
            assertFalse(bridge.categories.isEmpty());
            assertTrue(bridge.dose.setsMax >= bridge.dose.setsMin);
            assertTrue(bridge.motion.excursionDegMax > 0);
            assertEquals(bridge.id, catalog.get(all.indexOf(findById(all, "bridge"))).id);
            assertNull(catalog.find("no_such_exercise"));
            HipException e = assertHip(Status.NOT_FOUND, () -> catalog.require("no_such_exercise"));
            assertTrue(e.getMessage().contains("no_such_exercise"));
            assertHip(Status.RANGE, () -> catalog.get(catalog.size()));
            assertHip(Status.RANGE, () -> catalog.get(-1));
            assertHip(Status.INVALID, () -> catalog.find(null));
        }
    }

    private static Exercise findById(List<Exercise> all, String id) {
        for (Exercise e : all)
            if (e.id.equals(id)) return e;
        return null;
    }

    @Test
    void progressionGraph() {
        try (Catalog catalog = new Catalog()) {
            assertEquals("marching_bridge", catalog.harder("bridge").id);
            assertEquals("bridge", catalog.easier("marching_bridge").id);
            assertNull(catalog.harder("bridge", 1000));
            assertHip(Status.NOT_FOUND, () -> catalog.harder("no_such_exercise"));
            assertHip(Status.NOT_FOUND, () -> catalog.easier("no_such_exercise", 0));
            assertHip(Status.RANGE, () -> catalog.harder("bridge", -1));
            List<ProgressionEdge> edges = catalog.edges();
            assertFalse(edges.isEmpty());
            boolean found = false;
            for (ProgressionEdge edge : edges) {
                assertNotNull(edge.change);
                if (edge.easierId.equals("bridge") && edge.harderId.equals("marching_bridge")) found = true;
            }
            assertTrue(found);
            assertTrue(edges.get(0).toString().contains("->"));
        }
    }

    @Test
    void customExercisesAndEdges() {
        try (Catalog catalog = new Catalog(false)) {
            assertEquals(0, catalog.size());
            Exercise wall = new Exercise("wall_sit", "Wall sit");
            assertTrue(wall.categories.contains(Category.STRENGTH));
            catalog.add(wall);
            Exercise deeper = new Exercise("deep_wall_sit", "Deep wall sit \u00e9\u00e8 \ud83e\uddb5");
            deeper.baseId = "wall_sit";
            deeper.categories = EnumSet.of(Category.STRENGTH, Category.BALANCE);
            deeper.sidedness = Sidedness.BILATERAL;
            catalog.add(deeper);
            catalog.addEdge("wall_sit", "deep_wall_sit", Change.RANGE);
            assertEquals(2, catalog.size());
            Exercise back = catalog.require("deep_wall_sit");
            assertEquals(deeper.name, back.name, "UTF-8 text, supplementary characters included");
            assertEquals(EnumSet.of(Category.STRENGTH, Category.BALANCE), back.categories);
            assertFalse(back.builtin);
            assertEquals("deep_wall_sit", catalog.harder("wall_sit").id);
            assertEquals(Change.RANGE, catalog.edges().get(0).change);

            assertHip(Status.EXISTS, () -> catalog.add(wall));
            assertHip(Status.EXISTS, () -> catalog.addEdge("wall_sit", "deep_wall_sit", Change.RANGE));
            assertHip(Status.NOT_FOUND, () -> catalog.addEdge("wall_sit", "nothing", Change.LOAD));
            assertHip(Status.INVALID, () -> catalog.addEdge("deep_wall_sit", "wall_sit", Change.LOAD));
            assertHip(Status.INVALID, () -> catalog.addEdge(null, "wall_sit", Change.LOAD));

            Exercise bad = new Exercise("Bad Id", "x");
            HipException e = assertHip(Status.INVALID, () -> catalog.add(bad));
            assertTrue(e.getMessage().contains("id"), e.getMessage());
            assertEquals(e.getMessage(), catalog.lastError());
            Exercise noCategory = new Exercise("no_category", "x");
            noCategory.categories = EnumSet.noneOf(Category.class);
            assertHip(Status.INVALID, () -> catalog.add(noCategory));
            Exercise longName = new Exercise("long_name", new String(new char[200]).replace('\0', 'x'));
            assertHip(Status.RANGE, () -> catalog.add(longName));
            Exercise nullDose = new Exercise("null_dose", "x");
            nullDose.dose = null;
            assertHip(Status.INVALID, () -> catalog.add(nullDose));
            assertHip(Status.INVALID, () -> catalog.add(null));
            assertEquals(2, catalog.size(), "nothing added by a failed call");
        }
    }

    @Test
    void jsonRoundTrip() {
        String json;
        try (Catalog catalog = new Catalog()) {
            catalog.add(new Exercise("chair_march", "Chair march \u00fc"));
            json = catalog.exportJson(true);
            assertTrue(json.contains("\"hiptrack.catalog\""));
            assertTrue(json.contains("chair_march"));
            assertFalse(json.contains("\"marching_bridge\""));
            assertTrue(catalog.exportJson().contains("\"marching_bridge\""));
        }
        try (Catalog other = new Catalog()) {
            int before = other.size();
            other.importJson(json);
            assertEquals(before + 1, other.size());
            assertEquals("Chair march \u00fc", other.require("chair_march").name);
            HipException e = assertHip(Status.FORMAT, () -> other.importJson("{\"format\": "));
            assertTrue(e.getMessage().contains("line"), e.getMessage());
            assertHip(Status.FORMAT, () -> other.importJson("[]"));
            assertHip(Status.INVALID, () -> other.importJson(null));
            assertEquals(before + 1, other.size(), "a failed import changes nothing");
        }
    }

    @Test
    void closeTwiceAndUseAfterClose() {
        Catalog catalog = new Catalog();
        assertFalse(catalog.isClosed());
        catalog.close();
        catalog.close();
        assertTrue(catalog.isClosed());
        HipException e = assertHip(Status.STATE, catalog::size);
        assertTrue(e.getMessage().contains("closed"));
        assertHip(Status.STATE, () -> catalog.find("bridge"));
        assertHip(Status.STATE, () -> catalog.add(new Exercise("x", "x")));
        assertHip(Status.STATE, catalog::exportJson);
        assertHip(Status.STATE, catalog::edges);
        assertHip(Status.STATE, catalog::lastError);
    }
}
