"""The people an article names with a title (董事長陸承澤, 合伙人周牧言), and the organisation each works at."""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.tools.draft.english import person
from assistant.tools.draft.entity import Entity, slug
from assistant.tools.draft.reader import rules, simplified


def find_people(
    body: str, entities: dict[str, Entity], surface: dict[str, str], alias: Callable[[str, str], None]
) -> None:
    """A title followed by a name (董事長陸承澤, 合伙人周牧言): a person, and where they work."""
    r = rules()
    titles = sorted(r["person_titles"], key=len, reverse=True)
    surnames = set(r["surnames"])
    short_titles = {simplified(t) for t in titles}
    plain = simplified(body)
    pattern = re.compile(f"({'|'.join(re.escape(simplified(t)) for t in titles)})([\u4e00-\u9fff]{{2,3}})")
    for match in pattern.finditer(plain):
        name = match.group(2)
        while len(name) > 2 and name[-1] in r["person_name_trailers"]:  # 程骁此前…
            name = name[:-1]
        if name[0] not in surnames or name in surface or any(t[:2] in name for t in short_titles):
            continue  # 创始人和董事会主席: 和 may be a surname, but 和董事 is no one
        written = body[match.start(2) : match.start(2) + len(name)]
        english = person(written)
        ident = slug(english)
        if ident in entities:
            continue
        entity = Entity(ident, written, "person", plain.count(name), english, title=body[match.start(1) : match.end(1)])
        entity.employer = _employer(plain, match.start(), entities, surface)
        entities[ident] = entity
        for form in (written, english):
            alias(ident, form)


def _employer(plain: str, position: int, entities: dict[str, Entity], surface: dict[str, str]) -> str:
    """The organisation named right before a title (衡岳资本合伙人), if any."""
    window = plain[max(0, position - 16) : position]
    found = [
        (window.rfind(form), ident)
        for form, ident in surface.items()
        if ident and form in window and entities[ident].kind == "org"
    ]
    return max(found)[1] if found else ""
