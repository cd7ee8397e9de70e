"""Generate fact packs N times the size of the bundled one, for the scale part of the benchmark.

A generated pack holds the bundled article unchanged (its facts gain an explicit `source:`, needed once a
pack has several sources) plus invented articles about invented companies: each article is a text file of
paragraphs with figures, a YAML file with its source entry, facts quoting those paragraphs verbatim,
derived figures and a gazetteer of the companies' aliases in three scripts. The bundled intents/ are
reused (the generated pack has none of its own). Everything is seeded, so a size is always the same pack.

    python bench/scale.py 10 /tmp/pack10     # writes the pack and prints its size
"""

from __future__ import annotations

import random
import shutil
import sys
from decimal import Decimal
from pathlib import Path

import yaml

from assistant.lang.normalize import to_simplified
from assistant.pack.paths import bundled_root

OUTLET = "基準財經"
GEN_DIR = "zz_gen"  # sorts after the bundled files, so the bundled article stays the pack's first source
FIRST = [
    ("星", "Xing"),
    ("湖", "Hu"),
    ("遠", "Yuan"),
    ("航", "Hang"),
    ("華", "Hua"),
    ("瑞", "Rui"),
    ("錦", "Jin"),
    ("泰", "Tai"),
    ("鴻", "Hong"),
    ("嘉", "Jia"),
    ("銘", "Ming"),
    ("昇", "Sheng"),
    ("啟", "Qi"),
    ("衡", "Heng"),
    ("峰", "Feng"),
    ("瀾", "Lan"),
    ("曜", "Yao"),
    ("凱", "Kai"),
    ("恒", "Heng"),
    ("潤", "Run"),
    ("翔", "Xiang"),
    ("寧", "Ning"),
    ("岳", "Yue"),
    ("澤", "Ze"),
    ("浩", "Hao"),
    ("駿", "Jun"),
    ("霖", "Lin"),
    ("碩", "Shuo"),
    ("騰", "Teng"),
    ("暉", "Hui"),
    ("彤", "Tong"),
    ("舟", "Zhou"),
    ("維", "Wei"),
    ("睿", "Rui"),
    ("漢", "Han"),
    ("雲", "Yun"),
    ("楓", "Feng"),
    ("靖", "Jing"),
    ("燊", "Shen"),
    ("穎", "Ying"),
]
SECOND = [
    ("辰", "chen"),
    ("川", "chuan"),
    ("達", "da"),
    ("禾", "he"),
    ("嶺", "ling"),
    ("馳", "chi"),
    ("源", "yuan"),
    ("舜", "shun"),
    ("旭", "xu"),
    ("垣", "yuan"),
    ("綸", "lun"),
    ("蔚", "wei"),
    ("琛", "chen"),
    ("韜", "tao"),
    ("朔", "shuo"),
    ("璟", "jing"),
    ("崧", "song"),
    ("鑫", "xin"),
    ("頤", "yi"),
    ("驊", "hua"),
    ("臻", "zhen"),
    ("晟", "sheng"),
    ("煜", "yu"),
    ("瀚", "han"),
    ("珩", "heng"),
]
INDUSTRIES = [
    ("儲能", "Energy Storage", ["儲能系統", "工商業儲能櫃"], ["storage systems", "commercial storage cabinets"]),
    ("半導體", "Semiconductor", ["功率芯片", "傳感器"], ["power chips", "sensors"]),
    ("生物", "Biotech", ["單抗藥物", "疫苗"], ["antibody drugs", "vaccines"]),
    ("機器人", "Robotics", ["工業機器人", "協作機械臂"], ["industrial robots", "collaborative arms"]),
    ("新材料", "New Materials", ["碳纖維", "特種塗料"], ["carbon fibre", "special coatings"]),
    ("物流", "Logistics", ["冷鏈運輸", "倉儲服務"], ["cold-chain transport", "warehousing"]),
    ("光電", "Optoelectronics", ["激光器", "光學鏡頭"], ["lasers", "optical lenses"]),
    ("軟件", "Software", ["工業軟件", "雲服務"], ["industrial software", "cloud services"]),
]
YEARS = list(range(2019, 2025))
COMPANIES_PER_ARTICLE = 5


def _trimmed(value: Decimal) -> Decimal:
    """Without trailing zeros, and never in exponent form (40, not 4E+1: an article writes 40億元)."""
    return Decimal(format(value.normalize(), "f"))


def _money(rng: random.Random, low: float, high: float) -> Decimal:
    return _trimmed(Decimal(f"{rng.uniform(low, high):.2f}"))


def _pct(rng: random.Random, low: float, high: float) -> Decimal:
    return _trimmed(Decimal(f"{rng.uniform(low, high):.2f}"))


def _num(value: Decimal) -> float | int:
    return int(value) if value == value.to_integral_value() else float(value)


def _change(rng: random.Random) -> tuple[Decimal, str]:
    pct = _pct(rng, 0.5, 45)
    if rng.random() < 0.35:
        return -pct, f"同比下降{pct}%"
    return pct, f"同比增長{pct}%"


class Names:
    """Unique invented company names with their aliases in three scripts."""

    def __init__(self, rng: random.Random) -> None:
        pairs = [(a, b) for a in FIRST for b in SECOND]
        rng.shuffle(pairs)
        self.pairs = pairs
        self.next = 0
        self.used: set[str] = set()

    def company(self, rng: random.Random) -> dict[str, object]:
        while True:
            (c1, p1), (c2, p2) = self.pairs[self.next]
            self.next += 1
            if p1 + p2 not in self.used:
                self.used.add(p1 + p2)
                break
        zh, en, products, products_en = rng.choice(INDUSTRIES)
        short = c1 + c2
        full = short + zh
        english = f"{p1}{p2} {en}"
        return {
            "short": short,
            "full": full,
            "english": english,
            "short_en": f"{p1}{p2}",
            "products": products,
            "products_en": products_en,
        }


def _article(index: int, rng: random.Random, names: Names) -> tuple[str, dict[str, object]]:
    """The text and the YAML data of one invented article about a few invented companies."""
    sid = f"gen-{index:04d}"
    paragraphs: list[str] = []
    facts: list[dict[str, object]] = []
    derived: list[dict[str, object]] = []
    concepts: dict[str, object] = {}
    companies = [names.company(rng) for _ in range(COMPANIES_PER_ARTICLE)]
    for number, co in enumerate(companies):
        cid = f"g{index:04d}c{number}"
        full, short, english = str(co["full"]), str(co["short"]), str(co["english"])
        simplified = to_simplified(full)
        aliases = sorted({full, simplified, short, to_simplified(short), english, str(co["short_en"])})
        concepts[cid] = {
            "kind": "entity",
            "names": {"zh-Hant": full, "zh-Hans": simplified, "en": english},
            "aliases": aliases,
        }
        founded = rng.randint(1995, 2016)
        products = co["products"]
        sentence = f"{full}成立于{founded}年,主要產品包括{products[0]}和{products[1]}。"
        paragraphs.append(sentence)
        para = len(paragraphs)
        facts.append(
            {
                "id": f"{cid}-founding",
                "subject": cid,
                "metric": "founding",
                "value": founded,
                "unit": "年",
                "written": f"{founded}年",
                "label": {"zh-Hant": f"{full}成立年份", "en": f"year {english} was founded"},
                "quote": sentence,
                "paragraph": para,
                "source": sid,
            }
        )
        facts.append(
            {
                "id": f"{cid}-products",
                "subject": cid,
                "metric": "core_products",
                "statement": {
                    "zh-Hant": f"{full}的主要產品是{products[0]}和{products[1]}。",
                    "en": f"{english}'s main products are {co['products_en'][0]} and {co['products_en'][1]}.",
                },
                "label": {"zh-Hant": f"{full}的主要產品", "en": f"{english}'s main products"},
                "quote": sentence,
                "paragraph": para,
                "source": sid,
            }
        )
        revenue = _money(rng, 5, 400)
        for year in YEARS:
            revenue = _trimmed(Decimal(f"{float(revenue) * rng.uniform(0.8, 1.3):.2f}"))
            profit = _trimmed(Decimal(f"{float(revenue) * rng.uniform(0.02, 0.2):.2f}"))
            rev_change, rev_written = _change(rng)
            np_change, np_written = _change(rng)
            rev_quote = f"{full}{year}年營業收入為{revenue}億元,{rev_written};"
            np_quote = f"凈利潤為{profit}億元,{np_written}。"
            text = rev_quote + np_quote
            emp_quote = rd_quote = ""
            if year >= 2021:
                staff = rng.randint(300, 30000)
                emp_quote = f"截至{year}年底,公司員工總數約{staff}人。"
                text += emp_quote
            if year >= 2023:
                rd = _trimmed(Decimal(f"{float(revenue) * rng.uniform(0.03, 0.15):.2f}"))
                rd_quote = f"當年研發費用為{rd}億元。"
                text += rd_quote
            paragraphs.append(text)
            para = len(paragraphs)
            facts.append(
                {
                    "id": f"{cid}-revenue-{year}",
                    "subject": cid,
                    "metric": "revenue",
                    "period": str(year),
                    "value": _num(revenue),
                    "unit": "元",
                    "scale": "億",
                    "written": f"{revenue}億元",
                    "change": {"value": _num(rev_change), "unit": "%", "written": rev_written},
                    "label": {"zh-Hant": f"{year}年營業收入", "en": f"revenue in {year}"},
                    "quote": rev_quote,
                    "paragraph": para,
                    "source": sid,
                }
            )
            facts.append(
                {
                    "id": f"{cid}-net-profit-{year}",
                    "subject": cid,
                    "metric": "net_profit",
                    "period": str(year),
                    "value": _num(profit),
                    "unit": "元",
                    "scale": "億",
                    "written": f"{profit}億元",
                    "change": {"value": _num(np_change), "unit": "%", "written": np_written},
                    "label": {"zh-Hant": f"{year}年凈利潤", "en": f"net profit in {year}"},
                    "quote": np_quote,
                    "paragraph": para,
                    "source": sid,
                }
            )
            if emp_quote:
                facts.append(
                    {
                        "id": f"{cid}-employees-{year}",
                        "subject": cid,
                        "metric": "employees",
                        "period": str(year),
                        "when": f"{year}年底",
                        "value": staff,
                        "unit": "人",
                        "approx": "約",
                        "written": f"約{staff}人",
                        "label": {"zh-Hant": f"{year}年底員工總數", "en": f"headcount at the end of {year}"},
                        "quote": emp_quote,
                        "paragraph": para,
                        "source": sid,
                    }
                )
            if rd_quote:
                facts.append(
                    {
                        "id": f"{cid}-rd-expense-{year}",
                        "subject": cid,
                        "metric": "rd_expense",
                        "period": str(year),
                        "value": _num(rd),
                        "unit": "元",
                        "scale": "億",
                        "written": f"{rd}億元",
                        "label": {"zh-Hant": f"{year}年研發費用", "en": f"R&D expense in {year}"},
                        "quote": rd_quote,
                        "paragraph": para,
                        "source": sid,
                    }
                )
        overseas = _trimmed(Decimal(f"{float(revenue) * rng.uniform(0.05, 0.5):.2f}"))
        share = (overseas / revenue * 100).quantize(Decimal("0.1"))
        margin = _pct(rng, 15, 65)
        ov_quote = f"2024年,{full}海外收入達到{overseas}億元,占總營收比重提升至{share}%;"
        gm_quote = f"綜合毛利率為{margin}%。"
        paragraphs.append(ov_quote + gm_quote)
        para = len(paragraphs)
        facts.append(
            {
                "id": f"{cid}-overseas-revenue-2024",
                "subject": cid,
                "metric": "revenue",
                "segment": ["overseas"],
                "period": "2024",
                "value": _num(overseas),
                "unit": "元",
                "scale": "億",
                "written": f"{overseas}億元",
                "label": {"zh-Hant": "2024年海外收入", "en": "overseas revenue in 2024"},
                "quote": ov_quote,
                "paragraph": para,
                "source": sid,
            }
        )
        facts.append(
            {
                "id": f"{cid}-overseas-share-2024",
                "subject": cid,
                "metric": "revenue_share",
                "segment": ["overseas"],
                "period": "2024",
                "value": _num(share),
                "unit": "%",
                "written": f"{share}%",
                "label": {"zh-Hant": "2024年海外收入占比", "en": "overseas share of revenue in 2024"},
                "quote": ov_quote,
                "paragraph": para,
                "source": sid,
            }
        )
        facts.append(
            {
                "id": f"{cid}-gross-margin-2024",
                "subject": cid,
                "metric": "gross_margin",
                "period": "2024",
                "value": _num(margin),
                "unit": "%",
                "written": f"{margin}%",
                "label": {"zh-Hant": "2024年綜合毛利率", "en": "gross margin in 2024"},
                "quote": gm_quote,
                "paragraph": para,
                "source": sid,
            }
        )
        derived.append(
            {
                "id": f"{cid}-revenue-2018",
                "subject": cid,
                "metric": "revenue",
                "period": "2018",
                "formula": "prior_from_change",
                "inputs": [f"{cid}-revenue-2019"],
                "unit": "元",
                "scale": "億",
                "label": {"zh-Hant": "2018年營業收入(推算)", "en": "revenue in 2018 (implied)"},
            }
        )
    title = "、".join(str(c["short"]) for c in companies[:3]) + "等公司業績回顧"
    data = {
        "sources": [
            {
                "id": sid,
                "file": f"sources/{GEN_DIR}/{sid}.txt",
                "outlet": OUTLET,
                "skip": [f"^{OUTLET}$"],
                "title": {"zh-Hant": title, "en": f"Results of {companies[0]['english']} and others"},
                "summary": {"zh-Hant": f"{title}。", "en": "An invented article for the scale benchmark."},
            }
        ],
        "facts": facts,
        "derived": derived,
        "concepts": concepts,
    }
    text = "\n".join([OUTLET, *paragraphs, ""])
    return text, data


def _dump(data: object, path: Path) -> None:
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    path.write_text(yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=400), encoding="utf-8")


def facts_in_default_pack() -> int:
    root = bundled_root() / "facts"
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    total = 0
    for path in sorted(root.glob("*.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader) or {}
        total += len(data.get("facts") or []) + len(data.get("derived") or [])
    return total


def write_scaled_pack(factor: int, out: Path, *, seed: int = 20240) -> dict[str, int]:
    """Write a pack about `factor` times the bundled one to `out`; returns its counts."""
    rng = random.Random(seed)
    source_root = bundled_root()
    if out.exists():
        shutil.rmtree(out)
    facts_dir = out / "facts"
    shutil.copytree(source_root / "facts", facts_dir)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    sources_data = yaml.load((facts_dir / "sources.yaml").read_text(encoding="utf-8"), Loader=loader)
    bundled_source = sources_data["sources"][0]["id"]
    for path in sorted(facts_dir.glob("*.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader) or {}
        facts = data.get("facts")
        if facts and any("source" not in f for f in facts):
            for fact in facts:
                fact.setdefault("source", bundled_source)
            _dump(data, path)
    base = facts_in_default_pack()
    per_article = COMPANIES_PER_ARTICLE * (2 + 6 * 2 + 4 + 2 + 3 + 1)
    articles = max(0, round((factor - 1) * base / per_article))
    (facts_dir / GEN_DIR).mkdir()
    (facts_dir / "sources" / GEN_DIR).mkdir(parents=True)
    names = Names(rng)
    total_facts, paragraphs = base, 0
    for index in range(1, articles + 1):
        text, data = _article(index, rng, names)
        sid = data["sources"][0]["id"]  # type: ignore[index]
        (facts_dir / "sources" / GEN_DIR / f"{sid}.txt").write_text(text, encoding="utf-8")
        _dump(data, facts_dir / GEN_DIR / f"{sid}.yaml")
        total_facts += len(data["facts"]) + len(data["derived"])  # type: ignore[arg-type]
        paragraphs += text.count("\n") - 1
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    return {
        "factor": factor,
        "articles": articles + 1,
        "facts": total_facts,
        "companies": articles * COMPANIES_PER_ARTICLE,
        "bytes": size,
    }


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python bench/scale.py FACTOR OUT_DIR")
    print(write_scaled_pack(int(sys.argv[1]), Path(sys.argv[2])))
