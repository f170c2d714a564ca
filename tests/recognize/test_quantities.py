"""Table tests for pipeline.recognize.quantities.find_quantities (pure function)."""
from __future__ import annotations

import pytest

from pipeline.recognize.quantities import find_quantities

NBSP = "\u00a0"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("109 milliards de paramètres", [(109_000_000_000, "params", False)]),
        ("17 milliards de paramètres actifs", [(17_000_000_000, "params", True)]),
        ("dont 41 Md actifs", [(41_000_000_000, None, True)]),
        ("128K jetons", [(128_000, "tokens", False)]),
        ("2M de tokens", [(2_000_000, "tokens", False)]),
        ("16 experts", [(16, "experts", False)]),
        ("un contexte de 128 k tokens", [(128_000, "tokens", False)]),
        ("7 milliards de params", [(7_000_000_000, "params", False)]),
        ("300 millions de fois", [(300_000_000, "foreign", False)]),
        ("huit blocs de paramètres distincts, les « experts »", [(8, "experts", False)]),
        ("700 millions d'utilisateurs", [(700_000_000, "foreign", False)]),
        # a connective after the number opens another phrase; it counts nothing
        ("des paramètres actifs 6.6B lors de l’utilisation", [(6_600_000_000, None, False)]),
        ("1,5 trillion selon les sources", [(1_500_000_000_000, None, False)]),
        ("quatre “experts” parmi 128", [(4, "experts", False), (128, None, False)]),
        ("2 milliards de dollars", [(2_000_000_000, "foreign", False)]),
        ("70 % des matériaux", [(70, "foreign", False)]),
        (f"3{NBSP}000 GPU", [(3000, "foreign", False)]),
        # physical units: an impact study's figures, not the model's
        ("20,4 kt de CO₂e", [(None, "foreign", False)]),
        ("281 000 m³ d'eau", [(281000, "foreign", False)]),
        # a footnote call after the unit
        ("123 milliards de paramètres²", [(123_000_000_000, "params", False)]),
        # tokens said in words; words alone are no tokens
        ("15 000 milliards de mots ou parties de mots", [(15_000_000_000_000, "tokens", False)]),
        ("15 000 milliards de mots", [(15_000_000_000_000, "foreign", False)]),
        ("660 kg équivalent antimoine", [(660, "foreign", False)]),
        # a suffix apart from its number, before what it counts; not « M. » (Monsieur)
        ("850 M de paramètres", [(850_000_000, "params", False)]),
        ("15 T tokens", [(15_000_000_000_000, "tokens", False)]),
        ("(37 B activés par token)", [(37_000_000_000, None, True)]),
        ("seuls 17 Md de paramètres s’activent par requête", [(17_000_000_000, "params", True)]),
        ("dont 41 milliards réellement activés par token", [(41_000_000_000, None, True)]),  # (an adverb between)
        ("Fenêtre de contexte de 1M de tokensCONFIRMÉ", [(1_000_000, "tokens", False)]),  # (a table flattened with no separators)
        ("~32B paramètres actifsFUITÉ", [(32_000_000_000, "params", True)]),
        ("bien que seuls 17 milliards de paramètres soient actifs", [(17_000_000_000, "params", True)]),
        ("n'utilise que 12,9 milliards de paramètres par token", [(12_900_000_000, "params", True)]),
        ("32 milliards de paramètres sont utilisés par jeton", [(32_000_000_000, "params", True)]),
        ("seuls 3 milliards de paramètres de Nickel2 Pro sont sollicités", [(3_000_000_000, "params", True)]),
        # a verb after the number is no noun: the number may still count something (« la version 20 milliards est … »)
        ("la version 20 milliards est plus légère", [(20_000_000_000, None, False)]),
        ("20 milliards d'utilisateurs", [(20_000_000_000, "foreign", False)]),
        ("850 M. Dupont", [(850, None, False)]),
        # a unit is read on its number's line only
        ("atteint 128K\n\nJetons de contexte", [(128_000, None, False)]),
        # one number written with two scales; a second value after « et » is a second number
        ("quatorze milliards trois cents millions de paramètres", [(14_300_000_000, "params", False)]),
        ("1 milliard 200 millions de paramètres", [(1_200_000_000, "params", False)]),
        ("respectivement 3 milliards et 400 millions de paramètres",
         [(3_000_000_000, None, False), (400_000_000, "params", False)]),
        ("3 millions 2 milliards de paramètres", [(3_000_000, None, False), (2_000_000_000, "params", False)]),
        # one of the scale after « le », counted in parameters or tokens
        ("qui dépassait le trillion de paramètres", [(10**12, "params", False)]),
        ("franchit le million de jetons de contexte et 3 milliards de paramètres", [(10**6, "tokens", False), (3 * 10**9, "params", False)]),
        ("a dépassé le milliard d'utilisateurs", []),
        # « de ses 685 milliards »: a possessive after the value is no foreign noun
        ("n'active que 37 milliards de ses 685 milliards de paramètres", [(37 * 10**9, None, False), (685 * 10**9, "params", False)]),
        # a date, a fraction: no quantity
        ("publié le 25/09/2025 à 10 h", [(10, None, False)]),
        ("Note : 10/10", []),
    ],
)
def test_quantities(text, expected):
    assert [(q.value, q.unit, q.active) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    "text, number, scale, surface",
    [
        ("109 milliards de paramètres", "109", "milliards", "109 milliards"),
        ("dont 41 Md actifs", "41", "Md", "41 Md"),
        ("128K jetons", "128", "K", "128K"),
        (f"3{NBSP}000 GPU", f"3{NBSP}000", None, f"3{NBSP}000"),
    ],
)
def test_offsets_and_parts(text, number, scale, surface):
    (q,) = find_quantities(text)
    assert (q.number, q.scale, text[q.start:q.end]) == (number, scale, surface)
    assert q.start <= q.end <= q.unit_end <= len(text)


def test_masked_span_is_skipped():
    text = "Falcon 180B compte 180 milliards de paramètres"
    assert [q.value for q in find_quantities(text, masks=[(0, 11)])] == [180_000_000_000]
