"""Widgets and pictures in French (issue 16): buttons, feedback, titles, legends, descriptions."""

from __future__ import annotations

import re

import matplotlib
import pytest

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

import weakties  # noqa: E402
from weakties import i18n  # noqa: E402
from weakties.plotting import attribute_label, describe_ego, draw_ego, draw_network  # noqa: E402
from weakties.widgets import Prediction, Quiz  # noqa: E402

ENGLISH = {"the", "and", "with", "your", "you", "this", "that", "of", "which", "when", "is",
           "are", "in", "on", "ties", "tie", "people", "strong", "weak", "check", "run",
           "first", "try", "again", "not", "quite", "correct", "picture", "network"}
WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")


@pytest.fixture
def french():
    i18n.set_language("fr")
    yield
    i18n.set_language(None)
    plt.close("all")


def _english(text: str) -> set:
    return {w for w in WORD.findall(text.lower()) if w in ENGLISH}


def test_quiz_buttons_and_feedback_in_french(french):
    q = Quiz("Quels liens ouvrent de nouveaux mondes ?", ["forts", "faibles"], "faibles",
             "Les liens faibles mènent hors de votre cercle.", hints={"forts": "Indice."})
    assert q.button.description == "Vérifier"
    q.check()
    assert "Choisissez d&#x27;abord une réponse." in q.feedback.value
    q.choose("forts"); q.check()
    assert "Pas tout à fait." in q.feedback.value and "Indice." in q.feedback.value
    q.choose("faibles"); q.check()
    assert "Exact." in q.feedback.value
    assert q.poke() == []  # the self-test still recognises the French verdicts


def test_prediction_in_french(french):
    p = Prediction("Deux et deux font-ils quatre ?", ["oui", "non"], run=lambda: "oui",
                   explanation="Calcul.")
    assert p.button.description == "Lancer la simulation"
    p.reveal()
    assert "Faites d&#x27;abord votre prédiction" in p.feedback.value
    p.choose("non"); p.button.click()
    assert "Votre prédiction\u00a0: non." in p.feedback.value
    assert "La simulation montre autre chose\u00a0: oui." in p.feedback.value
    assert not _english(re.sub(r"<[^>]+>", " ", p.feedback.value))
    assert p.poke() == []


def test_widgets_in_english_unchanged():
    q = Quiz("1 + 1?", ["2", "3"], "2", "Counting.")
    assert q.button.description == "Check"
    q.choose("3"); q.check()
    assert "Not quite." in q.feedback.value and "Try again" in q.feedback.value


def test_ego_picture_in_french(french):
    G = weakties.population(300, seed=1)
    ax = draw_ego(G, 0)
    legend = ax.get_legend()
    texts = [t.get_text() for t in legend.get_texts()] + [legend.get_title().get_text()]
    texts += [t.get_text() for t in ax.texts] + [ax.get_title()]
    assert legend.get_title().get_text() == "secteur"
    assert {"vous", "lien fort", "lien faible"} <= set(texts)
    assert "cercle de soutien" in texts and "réseau actif" in texts
    assert "liens par cercle" in ax.get_title()
    assert not _english(" ".join(texts)), _english(" ".join(texts))


def test_ego_description_in_french_with_french_numbers(french):
    G = weakties.population(300, seed=1)
    text = describe_ego(G, 0)
    assert text.startswith("Un dessin de réseau, avec vous au centre")
    share = re.search(r"\((\d+)\u00a0%\)\.$", text)
    assert share, text[-40:]
    assert not _english(text), _english(text)


def test_ego_description_counts_agree_between_languages():
    G = weakties.population(300, seed=1)
    en = describe_ego(G, 0)
    i18n.set_language("fr")
    try:
        fr = describe_ego(G, 0)
    finally:
        i18n.set_language(None)
    numbers = lambda s: [int(n.replace("\u202f", "").replace(",", ""))  # noqa: E731
                         for n in re.findall(r"\d[\d,\u202f]*", s)]
    # same people in the rings, same closed ties, same share: only the words differ
    assert sorted(numbers(en)) == sorted(numbers(fr))


def test_network_picture_in_french(french):
    G = weakties.population(60, seed=1)
    ax = draw_network(G, highlight=0, color_by="region")
    assert ax.get_legend().get_title().get_text() == "région"
    assert "mis en évidence" in [t.get_text() for t in ax.get_legend().get_texts()]
    assert re.fullmatch(r"60 personnes, \d+ liens ; couleur et forme selon l'attribut "
                        "«\u00a0région\u00a0»", ax.get_title().replace("\u202f", " "))


def test_attribute_keys_are_never_shown_in_french():
    for key in ("sector", "region", "generation", "school"):
        assert attribute_label(key, lang="fr") != key
    assert attribute_label("unknown_key", lang="fr") == "unknown_key"


def test_scenario_summaries_and_pictures_in_french(french):
    from weakties.scenarios.labour_market import labour_market
    from weakties.scenarios.recommend import recommend

    G = weakties.population(300, seed=2)
    lm = labour_market(G, seed=1, months=36, warm_up=12)
    rec = recommend(G, policy="mutual", rounds=2, seed=1)
    for result, kinds in ((lm, {"kind": ("hazard", "contacts", "unemployment")}),
                          (rec, {"measure": ("clustering", "assortativity")})):
        text = result.summary()
        # the parameters and the tables' names are code (r.people, r.history)
        prose = re.sub(r"\([^()]*=[^()]*\)|tableaux.*", " ", text)
        assert not _english(prose), (_english(prose), text)
        assert "\u00a0%" in text or "," in text
        (key, values), = kinds.items()
        for value in values:
            ax = result.plot(**{key: value})
            legend = ax.get_legend()
            words = [ax.get_title(), ax.get_xlabel(), ax.get_ylabel()]
            words += [t.get_text() for t in ax.get_xticklabels()]
            if legend is not None:
                words += [t.get_text() for t in legend.get_texts()]
                words.append(legend.get_title().get_text())
            assert not _english(" ".join(words)), (value, words)
            plt.close(ax.figure)
    assert "Marché du travail" in lm.summary() and "Suggestions de contacts" in rec.summary()


def test_library_errors_in_french(french):
    from weakties import ties

    G = weakties.population(60, seed=1)
    u, v = next((a, b) for a in G for b in G if a != b and not G.has_edge(a, b))
    with pytest.raises(ValueError, match="il n'y a pas de lien entre"):
        ties.overlap(G, u, v)
    with pytest.raises(ValueError, match="order doit valoir 'weak', 'strong' ou 'random'"):
        ties.removal_curve(G, order="fort")
