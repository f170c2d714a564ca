"""Dates: ISO output, French and English forms, no relative dates, local date of timestamps."""
from __future__ import annotations

import datetime as dt

import pytest

from pipeline.normalize.dates import find_date, parse_date


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2024-06-21", "2024-06-21"),
        ("2024-06-21T09:40:00+02:00", "2024-06-21"),
        ("2024-06-21T23:40:00-05:00", "2024-06-21"),  # the local date, not UTC
        ("2024-06-21 00:30:00+14:00", "2024-06-21"),
        ("11 décembre 2023", "2023-12-11"),
        ("lundi 11 décembre 2023, 17h05", "2023-12-11"),
        ("1er mai 2024", "2024-05-01"),
        ("3 DÉCEMBRE 2025", "2025-12-03"),
        ("12 août 2025", "2025-08-12"),
        ("12 aout 2025", "2025-08-12"),
        ("5 févr. 2024", "2024-02-05"),
        ("July 19, 2024", "2024-07-19"),
        ("19 July 2024", "2024-07-19"),
        ("Fri, 21 Jun 2024 23:30:00 -0500", "2024-06-21"),
        ("12/08/2025", "2025-08-12"),
        ("avril 2024", "2024-04-01"),  # PREFER_DAY_OF_MONTH first
        ("décembre 2023", "2023-12-01"),
        (dt.date(2024, 6, 21), "2024-06-21"),
        (dt.datetime(2024, 6, 21, 23, 40, tzinfo=dt.timezone(dt.timedelta(hours=-5))), "2024-06-21"),
        ("lundi", None),
        ("hier", None),
        ("il y a 2 jours", None),
        ("21 mai", None),  # no year
        ("2024", None),
        ("31 février 2024", None),
        ("1700000000", None),
        ("n'importe quoi", None),
        ("", None),
        ("   ", None),
    ],
)
def test_parse_date(text, iso):
    assert parse_date(text) == iso


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Dépêche | Paris, lundi 11 décembre 2023, 17h05 | Service Économie & Tech", "2023-12-11"),
        ("Publié le 30 avril 2025 – 11 h 20", "2025-04-30"),
        ("Le 3 décembre 2025 à 10h12", "2025-12-03"),
        ("Mountain View (Californie), 21 mai 2025", "2025-05-21"),
        ("Par X · 25 juillet 2024", "2024-07-25"),
        ("Chronique hebdomadaire | 22 avril 2024 | Par Marc Olivier", "2024-04-22"),
        ("*Analyse · 12 août 2025 · par Lucas Meunier*", "2025-08-12"),
        ("Publié le 13 décembre 2024 · Mis à jour le 16 décembre 2024", "2024-12-13"),
        ("By Daniel Brooks | July 19, 2024 | AI & Software", "2024-07-19"),
        ("mis en ligne le 2024-07-25 à 8h", "2024-07-25"),
        ("le 12/08/2025", "2025-08-12"),
        ("le 21\u00a0mai\u00a02025", "2025-05-21"),
        ("Avril 2024, le mois où les modèles ouverts ont changé d'échelle", None),
        ("Mardi 23 juillet, Meta a publié Llama 3.1", None),
        ("Llama 3.1 405B, 128 000 jetons", None),
        ("GPT-4o mini, 15 cents", None),
        ("mardi 2 décembre", None),
        ("le 31 juin 2024", None),
        ("", None),
    ],
)
def test_find_date(line, iso):
    assert find_date(line) == iso
