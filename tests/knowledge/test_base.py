"""The typed KnowledgeBase: every part loads from its own root, regions included (so /reload and a
test copy see their own files), and fields are a property (no more kb._cache)."""

from __future__ import annotations

import shutil
from pathlib import Path

from knowledge.base import KnowledgeBase, load
from knowledge.calendar import Calendar
from knowledge.documents import Catalogue
from knowledge.eligibility import FieldSpec, RuleSet
from knowledge.governing import Governance
from knowledge.regions import DATA, Regions, region_by_id, region_ids, region_named_in


def test_every_part_is_typed_and_loaded_once(kb: KnowledgeBase) -> None:
    assert isinstance(kb.catalogue, Catalogue) and kb.catalogue is kb.catalogue
    assert isinstance(kb.regions, Regions) and kb.regions.ids == ("national", "jilin", "chongqing-yuzhong", "beijing")
    assert all(isinstance(r, RuleSet) for r in kb.rules.values())
    assert all(isinstance(c, Calendar) for c in kb.calendars.values())
    assert all(isinstance(f, FieldSpec) for f in kb.fields.values()) and kb.fields is kb.fields
    assert isinstance(kb.governing, Governance)
    assert load().root == DATA


def test_regions_come_from_the_knowledge_bases_own_root(tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(DATA, root)
    path = root / "regions.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("name: 吉林省", "name: 吉林省（测试）"), "utf-8")
    copy = KnowledgeBase(root)
    assert copy.regions.name("jilin") == "吉林省（测试）"
    assert KnowledgeBase().regions.name("jilin") == "吉林省"
    assert region_by_id("jilin", root) is not None and region_by_id("jilin", root).name == "吉林省（测试）"  # type: ignore[union-attr]


def test_region_lookups(kb: KnowledgeBase) -> None:
    regions = kb.regions
    assert regions.named_in("重庆渝中的社区医院") == "chongqing-yuzhong"  # the longest alias wins
    assert regions.named_in("上海的社区医院") is None
    assert regions.name("shanghai") == "shanghai" and regions.by_id(None) is None
    # the module-level helpers still answer for the shipped file
    assert region_ids() == regions.ids and region_named_in("长春") == "jilin"
