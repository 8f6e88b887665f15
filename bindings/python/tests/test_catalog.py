import dataclasses
import json

import pytest

import hiptrack
from hiptrack import Category, Change


def test_builtin_catalog(catalog):
    assert len(catalog) > 10
    assert "squat" in catalog and "nope" not in catalog and 3 not in catalog
    ids = catalog.ids
    assert ids[0] == next(iter(catalog)).id and len(ids) == len(set(ids))
    sq = catalog["squat"]
    assert sq.builtin and sq.id == "squat" and isinstance(sq.categories, Category)
    assert isinstance(sq.dose, hiptrack.Dose) and sq.dose.sets_min >= 1
    assert catalog.get("nope") is None and catalog.get("squat") == sq


def test_lookup_errors(catalog):
    with pytest.raises(hiptrack.NotFoundError, match="nope") as ei:
        catalog["nope"]
    assert ei.value.code == hiptrack.Status.ERR_NOT_FOUND
    with pytest.raises(KeyError if False else LookupError):
        catalog.harder("nope")


def test_graph(catalog):
    harder = catalog.harder("bridge")
    assert harder is not None and harder.id == "marching_bridge"
    assert catalog.easier("marching_bridge").id == "bridge"
    assert catalog.harder("bridge", 50) is None
    edges = catalog.edges
    assert edges and all(isinstance(e.change, Change) for e in edges)


def test_custom_exercises_and_json():
    with hiptrack.Catalog(builtin=False) as cat:
        assert len(cat) == 0
        ex = hiptrack.Exercise.custom("wall_sit", "Wall sit", muscles="quads")
        cat.add(ex)
        got = cat["wall_sit"]
        assert got.name == "Wall sit" and not got.builtin and got.base_id == "wall_sit"
        with pytest.raises(hiptrack.AlreadyExistsError):
            cat.add(ex)
        with pytest.raises(hiptrack.InvalidArgumentError):
            cat.add(dataclasses.replace(ex, id="Bad Id"))
        with pytest.raises(hiptrack.InvalidArgumentError, match="id"):
            cat.add(dataclasses.replace(ex, id="x" * 60))   # longer than the C buffer
        cat.add(hiptrack.Exercise.custom("wall_sit_long", base_id="wall_sit"))
        cat.add_edge("wall_sit", "wall_sit_long", Change.DURATION)
        with pytest.raises(hiptrack.HipError):
            cat.add_edge("wall_sit_long", "wall_sit")          # a cycle
        with pytest.raises(hiptrack.NotFoundError):
            cat.add_edge("wall_sit", "nope")
        text = cat.export_json()
        doc = json.loads(text)
        assert doc["format"] == "hiptrack.catalog"
        again = hiptrack.Catalog.from_json(text)
        assert again.ids == ["wall_sit", "wall_sit_long"] and again.edges == cat.edges
        again.close()


def test_import_errors_name_the_place():
    cat = hiptrack.Catalog(builtin=False)
    with pytest.raises(hiptrack.FormatError, match="line 1") as ei:
        cat.import_json('{"format": "hiptrack.catalog", ')
    assert isinstance(ei.value, ValueError)
    with pytest.raises(hiptrack.VersionError):
        cat.import_json('{"format": "hiptrack.catalog", "version": 99, "exercises": [], "edges": []}')
    assert len(cat) == 0


def test_closed_catalog():
    cat = hiptrack.Catalog()
    cat.close()
    cat.close()
    assert cat.closed and "closed" in repr(cat)
    with pytest.raises(hiptrack.StateError):
        len(cat)
    with pytest.raises(hiptrack.StateError):
        with cat:
            pass
