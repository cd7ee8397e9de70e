"""Some words of a line's English name name the line ("wafer cleaning sales"); a part after 其中 counted
in people (其中台灣員工2310人) is that place's, not the company's headcount; a question naming only a place
and asking something its figure is not about is declined; a profit per unit (台均盈利) is no company profit."""

from __future__ import annotations

from assistant import Assistant
from tests.tools.answers import answered, declined, figure_lines

ARTICLE = "\n".join(
    [
        "瑞鋒半導體2024年營收增三成",
        "證券時報 記者 林思遠",
        "上海瑞鋒半導體設備股份有限公司（以下簡稱「瑞鋒半導體」）2024年實現營業收入32.4億元，同比增長28.6%；"
        "歸母淨利潤4.1億元。",
        "分產品看，晶圓清洗設備收入19.6億元，同比增長35.2%；晶圓檢測設備收入9.8億元，同比增長14.1%。",
        "按出貨量測算，2024年公司設備台均盈利接近30萬元。",
        "截至2024年底，集團員工總數約4860人，其中台灣員工2310人。",
    ]
)


def test_some_words_of_a_lines_english_name_name_the_line(drafted: Assistant) -> None:
    line = figure_lines(answered(drafted, "wafer cleaning sales in 2024?"))
    assert "19.6" in line and "32.4" not in line


def test_a_part_counted_in_people_is_that_places(drafted: Assistant) -> None:
    assert "2310" in figure_lines(answered(drafted, "台灣員工有幾位?"))
    staff = figure_lines(answered(drafted, "瑞鋒半導體員工總數多少?"))
    assert "4860" in staff and "2310" not in staff


def test_a_question_naming_only_a_place_and_asking_something_else_is_declined(drafted: Assistant) -> None:
    assert "駕照" in declined(drafted, "在台灣騎電動輔助自行車需要駕照嗎?")  # says what it could not place


def test_a_profit_per_unit_is_no_company_profit(drafted: Assistant) -> None:
    profit = figure_lines(answered(drafted, "What was Ruifeng's 2024 net profit?"))
    assert "4.1" in profit and "30萬" not in profit
