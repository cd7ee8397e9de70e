"""find_names pinned on real articles (the bundled one, the review pack's, a short invented one), in
both scripts, with and without names already known: the names, their counts and their order."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.lang.normalize import to_simplified
from assistant.pack.paths import bundled_root
from assistant.tools.draft.name_finder import find_names

SMALL = """財經日報
星河電池2025年一季度業績
星河電池2025年一季度營業收入為12.5億元,同比增長20.3%;凈利潤約1.2億元。
公司海外收入占比接近四成,產品已進入30多個國家。
Voltia公司是星河電池在歐洲的合作夥伴,Voltia公司2024年向其采購電池2萬套。
國內市場需求疲弱,行業龍頭東嶺電氣2024年營收達到88.4億元。
2025年4月,青禾智控完成B輪融資,融資總額4億元,由遠峰資本領投,投後估值為30億元。
"""

BUNDLED = [
    ("易方達私募基金管理有限公司", 1),
    ("聯影科技創新(北京)有限公司", 1),
    ("北京聯影醫療技術發展有限公司", 1),
    ("聯影集團", 3),
    ("聯影醫療", 35),
    ("西門子醫療", 2),
    ("GE醫療", 2),
    ("東軟醫療", 2),
    ("萬東醫療", 2),
    ("聯影智能", 15),
    ("應用軟件", 1),
    ("上國投資", 1),
]
# Voltia is only ever written inside Voltia公司: part of that name, no name of its own
EXPECTED_SMALL = [("Voltia公司", 2), ("遠峰資本", 1), ("星河電池", 3), ("東嶺電氣", 1)]
EXPECTED_SMALL_SIMPLIFIED = [("Voltia公司", 2), ("远峰资本", 1), ("星河电池", 3), ("东岭电气", 1)]


def bundled_article() -> str:
    return (bundled_root() / "facts" / "sources" / "zidan-uih-2024.txt").read_text(encoding="utf-8")


def test_names_of_the_bundled_article() -> None:
    assert list(find_names(bundled_article(), set()).items()) == BUNDLED


def test_names_already_known_are_left_out() -> None:
    found = find_names(bundled_article(), {"联影医疗", "ge医疗"})
    assert list(found.items()) == [n for n in BUNDLED if n[0] not in ("聯影醫療", "GE醫療")]


def test_names_of_the_review_article() -> None:
    article = Path(__file__).parents[1] / "review" / "pack" / "facts" / "sources" / "article.txt"
    assert list(find_names(article.read_text(encoding="utf-8"), set()).items()) == [("雲帆冷鏈", 3)]


@pytest.mark.parametrize("simplified", [False, True])
def test_names_of_a_short_article(simplified: bool) -> None:
    text = to_simplified(SMALL) if simplified else SMALL
    expected = EXPECTED_SMALL_SIMPLIFIED if simplified else EXPECTED_SMALL
    assert list(find_names(text, set()).items()) == expected


def test_a_name_only_written_inside_longer_names_is_part_of_them() -> None:
    body = (
        "無錫澄芯半導體裝備股份有限公司(以下簡稱「澄芯裝備」)成立於2011年。"
        "子公司上海澄芯半導體技術有限公司負責研發。澄芯裝備營收增長。"
    )
    found = find_names(body, set())
    assert "澄芯半導體" not in found
    assert "澄芯裝備" in found


def test_a_name_named_once_with_a_figure_of_its_own_is_a_company() -> None:
    body = "刻蝕領域的北微半導體營收增長;清洗設備領域的恒晟微電子2024年營收56億元。北微半導體毛利率下降。"
    assert "恒晟微電子" in find_names(body, set())


VOCABULARY_WORDS = ["营收", "交付量", "门店数", "归母净利润", "董事长", "投后估值"]


@pytest.mark.parametrize("simplified", [False, True])
def test_a_suffixed_name_reporting_any_measure_of_the_vocabulary_is_a_company(simplified: bool) -> None:
    body = "植保無人機領域,翼禾科技2024年交付量約7.4萬架。穗衡智能增長較快,穗衡智能營收增長。"
    body = to_simplified(body) if simplified else body
    found = find_names(body, set(), VOCABULARY_WORDS)
    assert "翼禾科技" in found
    assert "翼禾科技" not in find_names(body, set())  # 交付量 is no report word of the rules alone


@pytest.mark.parametrize("simplified", [False, True])
def test_a_measure_word_with_no_figure_reports_nothing(simplified: bool) -> None:
    body = "他目前擔任公司董事長。穗衡智能營收增長,穗衡智能毛利率下降。"
    body = to_simplified(body) if simplified else body
    assert not [n for n in find_names(body, set(), VOCABULARY_WORDS) if "公司" in n]


@pytest.mark.parametrize("simplified", [False, True])
def test_a_bare_rival_reporting_a_company_measure_beside_another_company_is_a_company(simplified: bool) -> None:
    body = (
        "雲嶼茶飲的門店增長較快,雲嶼茶飲營收增長。"
        "從競爭格局看,行業龍頭檸町的門店數已超過4.1萬家;主打中高端路線的茶舍鹿門店約6800家,全年錄得淨虧損約3.8億元。"
    )
    body = to_simplified(body) if simplified else body
    found = find_names(body, set(), VOCABULARY_WORDS)
    assert to_simplified("茶舍鹿") in [to_simplified(n) for n in found]
    assert not [n for n in found if to_simplified(n) in ("录得", "录得净")]


@pytest.mark.parametrize("simplified", [False, True])
def test_a_bare_word_before_a_measure_names_no_company(simplified: bool) -> None:
    body = (
        "雲嶼控股營收增長,雲嶼控股2024年歸母淨利潤9.86億元,投後估值達到120億元;"
        "雲嶼控股的直營門店168家。彼時員工約3000人,全年錄得淨虧損約3.8億元。"
    )
    body = to_simplified(body) if simplified else body
    for words in (VOCABULARY_WORDS, []):
        assert [to_simplified(n) for n in find_names(body, set(), words)] == ["云屿控股"]


@pytest.mark.parametrize("simplified", [False, True])
def test_a_rival_after_second_only_to_is_a_company(simplified: bool) -> None:
    body = (
        "澄岳機器人的出貨份額約為18.5%,排名第二,僅次於啟衡智控的21%左右。啟衡智控已遞交上市申請。澄岳機器人營收增長。"
    )
    body = to_simplified(body) if simplified else body
    assert to_simplified("啟衡智控") in [to_simplified(n) for n in find_names(body, set(), VOCABULARY_WORDS)]


@pytest.mark.parametrize("simplified", [False, True])
def test_names_listed_as_brands_and_a_rival_reporting_after_a_period_are_companies(simplified: bool) -> None:
    body = (
        "霽帆科技營收增長,霽帆科技毛利率下降。業界龍頭拓極2024年營收約210億元;"
        "以氮化鎵充電器起家的銳沃全年營收41.6億元;戶外儲能領域則有沛能、炬源等專業品牌夾擊。"
        "其中一季度營收21.45億元。"
    )
    body = to_simplified(body) if simplified else body
    found = {to_simplified(n) for n in find_names(body, set(), VOCABULARY_WORDS)}
    assert {"拓极", "锐沃", "沛能", "炬源"} <= found
    assert not {n for n in found if "季度" in n}
