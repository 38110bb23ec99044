"""Construit exercises/03-reseau-alter-ego/03-reseau-alter-ego.ipynb, l'édition française de
03-alter-ego-network (`python exercises/.sources/build.py` ; un test vérifie que le notebook
et ce script concordent, et que les deux éditions ont le même code)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from authoring import HOW_FR as HOW, Notebook, OWN_FR as OWN  # noqa: E402

A = "03-alter-ego-network"   # l'exercice anglais : la graine des données de l'apprenant
F = "03-reseau-alter-ego"
PERSON = "min_strong=2, min_weak=8"
REF = f'''_G = ex.reference_population("{A}", n=500)
_me = ex.my_person(_G, "{A}", {PERSON})'''
ATTRS = '("sector", "region", "generation", "school")'

nb = Notebook(F, lang="fr", edition_of=A)
nb.markdown("intro", f"""
# Exercice 03 : Le réseau alter ego

Cet exercice accompagne la **Leçon 03 : Le réseau alter ego**
(`course/fr/{F}.ipynb`). Dans une population simulée, vous mesurez à quel
point « vous » ressemblez à vos contacts, la diversité de votre réseau, et ce
que les suggestions « Vous connaissez peut-être… » d'une plateforme font à
ce réseau.

{OWN}

{HOW}

| Tâche | Contenu | Points |
|---|---|---|
| 1 | Qui vous ressemble ? | 3 |
| 2 | Liens forts, liens faibles et alter ego | 3 |
| 3 | Votre réseau est-il varié ? | 5 |
| 4 | Vous connaissez peut-être… | 4 |
| 5 | Réflexion (notée par votre formateur ou formatrice) | 5 |
| | **Total** | **20** |

Durée : environ 60 minutes.
""")
nb.markdown("setup-text", """
## Votre population

Exécutez d'abord la cellule suivante. Elle construit votre population de
500 professionnels en France, choisit la personne qui est **vous** (`me`) et
une autre personne pour l'exemple guidé (`example`). Chaque personne a,
entre autres attributs, un secteur (`sector`), une région (`region`), une
génération (`generation`, la décennie de naissance) et une école (`school`).

Si la cellule vous indique qu'aucun identifiant d'apprenant n'est défini,
suivez une fois ses instructions, dans un autre notebook ou dans un terminal
(pas dans celui-ci), puis exécutez-la de nouveau.
""")
nb.setup("setup", f"""
import weakties
from weakties import exercises as ex
weakties.i18n.set_language("fr")    # les messages de la bibliothèque, en français

ASSIGNMENT = "{A}"     # le nom anglais de l'exercice : vos données sont les mêmes dans les deux langues
G = ex.my_population(ASSIGNMENT, n=500)
me = ex.my_person(G, ASSIGNMENT, {PERSON})
example = ex.my_person(G, ASSIGNMENT, role="example", exclude=[me])
ATTRIBUTES = {ATTRS}
STRONG = weakties.ties.STRONG_THRESHOLD   # un lien est fort à partir de 0,5

print(f"Votre population : {{G.number_of_nodes()}} personnes et {{G.number_of_edges()}} liens.")
print("Vous :", ex.describe_person(G, me))
""")
nb.markdown("example-text", """
## Exemple guidé : comparer deux personnes

La cellule ci-dessous compare la personne de l'exemple avec l'un de ses
contacts sur les quatre attributs de `ATTRIBUTES`, et compte combien ils en
partagent. Dans ce cours, un contact est un **alter ego** (quelqu'un qui vous
ressemble) quand il partage **au moins 2** de ces 4 attributs avec vous : un
collègue (même secteur, même région) ou un ancien camarade d'études (même
école, même génération).
""")
nb.example("example", """
other = sorted(G[example])[0]
same = 0
for attribute in ATTRIBUTES:
    a, b = G.nodes[example][attribute], G.nodes[other][attribute]
    print(f"{attribute:>10}: {a} / {b}", "(identique)" if a == b else "")
    if a == b:
        same = same + 1
print("Ils partagent", same, "des", len(ATTRIBUTES), "attributs.")
""")

# ---------------------------------------------------------------- tâche 1
nb.task("task-shared", """
## Tâche 1 : Qui vous ressemble ? (3 points)

Construisez un dictionnaire `shared` dont les clés sont **tous** vos contacts
et dont les valeurs sont le nombre des quatre attributs de `ATTRIBUTES`
(secteur, région, génération, école) que chaque contact partage avec vous :
un nombre entier de 0 à 4. Par exemple `{17: 2, 42: 0, ...}`.
""")
nb.answer("answer-shared", """
### BEGIN SOLUTION
shared = {}
for other in G[me]:
    shared[other] = sum(1 for attribute in ATTRIBUTES
                        if G.nodes[me][attribute] == G.nodes[other][attribute])
### END SOLUTION
print(sorted(shared.items())[:10])
""")
nb.selfcheck("selfcheck-shared", """
# Autovérification (0 point) : un nombre entier de 0 à 4 pour chacun de vos contacts.
_found = ex.answer("shared")
ex.check_mapping("shared", _found, dict.fromkeys(G[me], 0), keys_only=True,
                 what="un dictionnaire avec une clé pour chacun de vos contacts")
for _key, _value in _found.items():
    ex.check_type(f"shared[{_key!r}]", _value, "whole number")
    ex.check_between(f"shared[{_key!r}]", _value, 0, 4,
                     what="un nombre d'attributs partagés, sur 4")
print("Autovérification réussie.")
""")
nb.test("test-shared-keys", 1, f"""
# Tests cachés (1 point) : une clé pour chacun de vos contacts, et pour personne d'autre.
### BEGIN HIDDEN TESTS
{REF}
ex.check_mapping("shared", ex.answer("shared"), dict.fromkeys(_G[_me], 0), keys_only=True,
                 what="un dictionnaire avec une clé pour chacun de vos contacts")
### END HIDDEN TESTS
""")
nb.test("test-shared-values", 2, f"""
# Tests cachés (2 points) : les attributs que chaque contact partage avec vous.
### BEGIN HIDDEN TESTS
{REF}
_attrs = {ATTRS}
_mine = _G.nodes[_me]
_expected = {{_v: sum(1 for _a in _attrs
                      if _mine[_a] is not None and _mine[_a] == _G.nodes[_v][_a])
             for _v in _G[_me]}}
ex.check_mapping("shared", ex.answer("shared"), _expected,
                 what="pour chaque contact, combien il partage avec vous d'attributs parmi "
                      "le secteur, la région, la génération et l'école",
                 hint="comparez G.nodes[me][attribute] et G.nodes[other][attribute] pour les "
                      "quatre attributs")
### END HIDDEN TESTS
""")

# ---------------------------------------------------------------- tâche 2
nb.task("task-alike", """
## Tâche 2 : Liens forts, liens faibles et alter ego (3 points)

Un alter ego partage avec vous au moins 2 des 4 attributs.

- `alike_share` : un dictionnaire à deux clés : `"strong"`, la part de vos
  liens forts (force d'au moins 0,5) qui sont des alter ego, et `"weak"`, la
  part de vos liens faibles qui sont des alter ego. Chacune est un nombre
  entre 0 et 1.
- `more_alike` : `"strong"` si vos liens forts comptent une plus grande part
  d'alter ego que vos liens faibles, `"weak"` dans le cas inverse. (Si les
  deux parts sont égales, les deux réponses sont justes.)
""")
nb.answer("answer-alike", """
### BEGIN SOLUTION
counts = {"strong": [0, 0], "weak": [0, 0]}   # [alter ego, liens]
for other in G[me]:
    kind = "strong" if G[me][other]["strength"] >= STRONG else "weak"
    counts[kind][1] += 1
    if shared[other] >= 2:
        counts[kind][0] += 1
alike_share = {kind: alike / total for kind, (alike, total) in counts.items()}
more_alike = "strong" if alike_share["strong"] > alike_share["weak"] else "weak"
### END SOLUTION
print(alike_share, more_alike)
""")
nb.selfcheck("selfcheck-alike", """
# Autovérification (0 point) : deux parts et un choix.
_found = ex.answer("alike_share")
ex.check_mapping("alike_share", _found, {"strong": 0, "weak": 0}, keys_only=True,
                 what="un dictionnaire avec les clés 'strong' et 'weak'")
for _key, _value in _found.items():
    ex.check_between(f"alike_share[{_key!r}]", _value, 0, 1, what="une part",
                     hint="divisez par le nombre de liens de ce type ; ne multipliez pas par 100")
ex.check_choice("more_alike", ex.answer("more_alike"), ["strong", "weak"],
                options=["strong", "weak"])
print("Autovérification réussie.")
""")
nb.test("test-alike-values", 2, f"""
# Tests cachés (2 points) : la part d'alter ego parmi vos liens forts et parmi vos liens faibles.
### BEGIN HIDDEN TESTS
{REF}
_attrs = {ATTRS}
_mine = _G.nodes[_me]
_counts = {{"strong": [0, 0], "weak": [0, 0]}}
for _v, _d in _G[_me].items():
    _k = "strong" if _d["strength"] >= 0.5 else "weak"
    _same = sum(1 for _a in _attrs if _mine[_a] is not None and _mine[_a] == _G.nodes[_v][_a])
    _counts[_k][0] += _same >= 2
    _counts[_k][1] += 1
_expected = {{k: a / t for k, (a, t) in _counts.items()}}
ex.check_mapping("alike_share", ex.answer("alike_share"), _expected, tol=0.01,
                 what="la part d'alter ego parmi vos liens forts et parmi vos liens faibles",
                 hint="un alter ego partage au moins 2 attributs ; comptez à part les liens "
                      "de force au moins 0.5 et les autres")
### END HIDDEN TESTS
""")
nb.test("test-alike-choice", 1, f"""
# Tests cachés (1 point) : le type de lien qui compte le plus de personnes qui vous ressemblent.
### BEGIN HIDDEN TESTS
{REF}
_attrs = {ATTRS}
_mine = _G.nodes[_me]
_counts = {{"strong": [0, 0], "weak": [0, 0]}}
for _v, _d in _G[_me].items():
    _k = "strong" if _d["strength"] >= 0.5 else "weak"
    _same = sum(1 for _a in _attrs if _mine[_a] is not None and _mine[_a] == _G.nodes[_v][_a])
    _counts[_k][0] += _same >= 2
    _counts[_k][1] += 1
_s, _w = (_counts[k][0] / _counts[k][1] for k in ("strong", "weak"))
_accept = ["strong"] if _s > _w else ["weak"] if _w > _s else ["strong", "weak"]
ex.check_choice("more_alike", ex.answer("more_alike"), _accept, options=["strong", "weak"],
                what="le type de lien qui compte la plus grande part d'alter ego, sur vos données")
### END HIDDEN TESTS
""")

# ---------------------------------------------------------------- tâche 3
nb.task("task-variety", """
## Tâche 3 : Votre réseau est-il varié ? (5 points)

Prenez au hasard deux de vos contacts **différents** : quelle est la
probabilité qu'ils travaillent dans des secteurs différents ? Elle mesure la
variété de votre réseau (c'est une version de l'indice de diversité de Blau,
Blau 1977). Pour une liste de `N` valeurs dans laquelle chaque catégorie `k`
apparaît `c_k` fois :

    variété = 1 - (somme sur k de c_k * (c_k - 1)) / (N * (N - 1))

Elle vaut 0 quand tout le monde se ressemble, 1 quand tout le monde diffère.
Prenez 0 pour une liste de moins de 2 valeurs. Par exemple, pour
`["bank", "bank", "tech", "tech"]`, elle vaut `1 - (2*1 + 2*1) / (4*3)`,
soit 0,667.

- **a.** Écrivez une fonction `variety(values)` qui renvoie ce nombre pour une
  liste de valeurs.
- **b.** `my_variety` : un dictionnaire qui donne la variété du secteur
  (`"sector"`), de la région (`"region"`) et de la génération
  (`"generation"`) de vos contacts (trois clés).
- **c.** `least_varied` : lequel de ces trois attributs est le moins varié
  parmi vos contacts (celui dont la variété est la plus basse) ?
""")
nb.answer("answer-variety", """
def variety(values):
    ### BEGIN SOLUTION
    values = list(values)
    n = len(values)
    if n < 2:
        return 0.0
    counts = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return 1 - sum(c * (c - 1) for c in counts.values()) / (n * (n - 1))
    ### END SOLUTION
""")
nb.answer("answer-variety-mine", """
### BEGIN SOLUTION
my_variety = {}
for attribute in ("sector", "region", "generation"):
    my_variety[attribute] = variety([G.nodes[other][attribute] for other in G[me]])
least_varied = min(my_variety, key=my_variety.get)
### END SOLUTION
print(my_variety, least_varied)
""")
nb.selfcheck("selfcheck-variety", """
# Autovérification (0 point) : l'exemple de la tâche, et la forme de vos réponses.
ex.check_function("variety", ex.answer("variety"), [
    ((["bank", "bank", "tech", "tech"],), 2 / 3, "['bank', 'bank', 'tech', 'tech']"),
    ((["bank", "bank", "bank"],), 0.0, "trois valeurs toutes identiques"),
], tol=1e-6)
_found = ex.answer("my_variety")
ex.check_mapping("my_variety", _found, {"sector": 0, "region": 0, "generation": 0},
                 keys_only=True, what="un dictionnaire avec les clés 'sector', 'region', 'generation'")
for _key, _value in _found.items():
    ex.check_between(f"my_variety[{_key!r}]", _value, 0, 1, what="une variété")
ex.check_choice("least_varied", ex.answer("least_varied"), ["sector", "region", "generation"],
                options=["sector", "region", "generation"])
print("Autovérification réussie.")
""")
nb.test("test-variety-function", 2, """
# Tests cachés (2 points) : votre fonction sur d'autres listes inventées, limites comprises.
### BEGIN HIDDEN TESTS
ex.check_function("variety", ex.answer("variety"), [
    (([],), 0.0, "une liste vide"),
    ((["bank"],), 0.0, "une liste d'une seule valeur"),
    ((["a", "b", "c"],), 1.0, "trois valeurs différentes"),
    ((["a", "a", "b"],), 2 / 3, "['a', 'a', 'b']"),
    ((["x"] * 5 + ["y"] * 3 + ["z"],), 1 - (20 + 6) / 72, "cinq x, trois y et un z"),
    (((1990, 1990, 1980, 1970),), 1 - 2 / 12, "des nombres au lieu de textes"),
], tol=1e-6, hint="comptez chaque valeur avec un dictionnaire, et traitez les listes de moins de "
                  "2 valeurs")
### END HIDDEN TESTS
""")
nb.test("test-variety-mine", 2, f"""
# Tests cachés (2 points) : la variété de vos contacts, sur votre propre population.
### BEGIN HIDDEN TESTS
{REF}
_expected = {{}}
for _a in ("sector", "region", "generation"):
    _c = {{}}
    for _v in _G[_me]:
        _c[_G.nodes[_v][_a]] = _c.get(_G.nodes[_v][_a], 0) + 1
    _n = _G.degree(_me)
    _expected[_a] = 1 - sum(k * (k - 1) for k in _c.values()) / (_n * (_n - 1))
ex.check_mapping("my_variety", ex.answer("my_variety"), _expected, tol=0.005,
                 what="la variété des secteurs, des régions et des générations de vos contacts",
                 hint="appliquez variety() à la liste des valeurs de chaque attribut chez vos contacts")
### END HIDDEN TESTS
""")
nb.test("test-variety-least", 1, f"""
# Tests cachés (1 point) : l'attribut le moins varié de votre réseau.
### BEGIN HIDDEN TESTS
{REF}
_expected = {{}}
for _a in ("sector", "region", "generation"):
    _c = {{}}
    for _v in _G[_me]:
        _c[_G.nodes[_v][_a]] = _c.get(_G.nodes[_v][_a], 0) + 1
    _n = _G.degree(_me)
    _expected[_a] = 1 - sum(k * (k - 1) for k in _c.values()) / (_n * (_n - 1))
_low = min(_expected.values())
_best = [_a for _a, _x in _expected.items() if abs(_x - _low) < 1e-9]
ex.check_choice("least_varied", ex.answer("least_varied"), _best,
                options=["sector", "region", "generation"],
                what="l'attribut dont la variété est la plus basse parmi vos contacts")
### END HIDDEN TESTS
""")

# ---------------------------------------------------------------- tâche 4
nb.markdown("recommend-text", f"""
## « Vous connaissez peut-être… » : une simulation

Les plateformes suggèrent de nouveaux contacts. La simulation `recommend` de
`weakties.scenarios` fait tourner des séries de suggestions sur une
population et renvoie les nouveaux liens dans un tableau `new_ties` (une ligne
par suggestion acceptée ; les colonnes `person` et `suggested` contiennent les
deux personnes). La politique (`policy`) indique qui est suggéré : `"mutual"`
suggère la personne qui a le plus de contacts en commun avec vous (les amis de
vos amis), `"diverse"` suggère, parmi les personnes situées à deux ou trois
pas, celle qui vous ressemble le moins.

La cellule ci-dessous applique les deux politiques pendant trois tours à votre
population, avec votre propre graine, et affiche les premiers nouveaux liens
de la première.
""")
nb.example("recommend", f"""
from weakties.scenarios import recommend

SEED = ex.my_seed(ASSIGNMENT, "recommend")
results = {{policy: recommend(G, policy=policy, rounds=3, seed=SEED)
           for policy in ("mutual", "diverse")}}
results["mutual"].new_ties.head()
""")
nb.task("task-suggest", """
## Tâche 4 : Vous connaissez peut-être… (4 points)

Les suggestions ouvrent-elles votre monde, ou le referment-elles ?

- `cross_sector` : un dictionnaire aux clés `"mutual"` et `"diverse"` qui
  donne, pour chaque politique, la part de ses nouveaux liens
  (`results[policy].new_ties`) qui relient deux personnes de **secteurs
  différents** : un nombre entre 0 et 1. Lisez les secteurs dans
  `G.nodes[person]["sector"]`.
- `opens_more` : la politique dont les nouveaux liens traversent le plus
  souvent les secteurs (`"mutual"` ou `"diverse"`).

*Piste : `zip(table["person"], table["suggested"])` donne les paires d'un tableau.*
""")
nb.answer("answer-suggest", """
### BEGIN SOLUTION
cross_sector = {}
for policy, result in results.items():
    table = result.new_ties
    crossing = sum(1 for a, b in zip(table["person"], table["suggested"])
                   if G.nodes[a]["sector"] != G.nodes[b]["sector"])
    cross_sector[policy] = crossing / len(table)
opens_more = max(cross_sector, key=cross_sector.get)
### END SOLUTION
print(cross_sector, opens_more)
""")
nb.selfcheck("selfcheck-suggest", """
# Autovérification (0 point) : deux parts et un choix.
_found = ex.answer("cross_sector")
ex.check_mapping("cross_sector", _found, {"mutual": 0, "diverse": 0}, keys_only=True,
                 what="un dictionnaire avec les clés 'mutual' et 'diverse'")
for _key, _value in _found.items():
    ex.check_between(f"cross_sector[{_key!r}]", _value, 0, 1, what="une part",
                     hint="divisez par le nombre de nouveaux liens ; ne multipliez pas par 100")
ex.check_choice("opens_more", ex.answer("opens_more"), ["mutual", "diverse"],
                options=["mutual", "diverse"])
print("Autovérification réussie.")
""")
nb.test("test-suggest-values", 3, f"""
# Tests cachés (3 points) : la part des nouveaux liens entre secteurs, pour chaque politique.
### BEGIN HIDDEN TESTS
{REF}
from weakties.scenarios import recommend as _recommend
_cross_expected = {{}}
for _policy in ("mutual", "diverse"):
    _t = _recommend(_G, policy=_policy, rounds=3, seed=ex.my_seed("{A}", "recommend")).new_ties
    _pairs = list(zip(_t["person"], _t["suggested"]))
    _cross_expected[_policy] = sum(_G.nodes[a]["sector"] != _G.nodes[b]["sector"]
                                   for a, b in _pairs) / len(_pairs)
ex.check_mapping("cross_sector", ex.answer("cross_sector"), _cross_expected, tol=0.01,
                 what="pour chaque politique, la part de ses nouveaux liens qui relient deux secteurs",
                 hint="comptez les paires (person, suggested) dont les secteurs diffèrent, et "
                      "divisez par le nombre de lignes de new_ties")
### END HIDDEN TESTS
""")
nb.test("test-suggest-choice", 1, """
# Tests cachés (1 point) : la politique qui ouvre votre population aux autres secteurs.
### BEGIN HIDDEN TESTS
# _cross_expected : calculé par la cellule de test ci-dessus, sur votre propre population.
_best = [p for p, x in _cross_expected.items() if x == max(_cross_expected.values())]
ex.check_choice("opens_more", ex.answer("opens_more"), _best, options=["mutual", "diverse"],
                what="la politique dont les nouveaux liens traversent le plus souvent les secteurs")
### END HIDDEN TESTS
""")

# ---------------------------------------------------------------- réflexion
nb.rubric("task-reflection", """
## Tâche 5 : Réflexion (5 points, notée par votre formateur ou formatrice)

Dans la cellule ci-dessous, en cinq à dix phrases :

1. Décrivez votre réseau tel que le montrent vos chiffres : combien de vos
   contacts vous ressemblent, quel attribut est le moins varié, et qui, de
   vos liens forts ou de vos liens faibles, compte le plus d'alter ego.
2. Qui manque ? Nommez deux types de personnes (un secteur, une génération,
   une région, un métier) qui manquent à votre réseau et qui compteraient pour
   votre projet.
3. Dites où et comment vous iriez les rencontrer délibérément, et pourquoi
   attendre les suggestions « Vous connaissez peut-être… » ne vous les
   amènerait pas.

**Barème (5 points)**

- 1 point : la description s'appuie sur vos propres résultats (au moins deux
  parmi : la part d'alter ego, l'attribut le moins varié, liens forts contre
  liens faibles).
- 2 points : deux types de personnes manquantes, chacun relié à une raison
  professionnelle (1 point chacun).
- 2 points : des lieux ou des actions concrètes pour les rencontrer (une
  association, un événement, un groupe professionnel, une mise en relation ;
  1 point), et la raison pour laquelle les suggestions n'aident pas, tirée de
  la tâche 4 ou de la leçon : elles suivent les contacts communs et la
  ressemblance, ce qui referme le cercle (1 point).
""")
nb.reflection("answer-reflection", 5, """
### BEGIN SOLUTION
*Exemple de réponse (les chiffres diffèrent pour chaque apprenant).* Environ
la moitié de mes contacts partagent au moins deux attributs avec moi, et mes
liens forts comptent plus d'alter ego (70 %) que mes liens faibles (45 %).
L'attribut le moins varié est la région : presque tout le monde vit en
Île-de-France. Il manque à mon réseau des personnes de l'industrie, où je
voudrais travailler comme acheteuse, et des personnes de la génération des
années 1960, qui occupent de nombreux postes de décision. J'adhérerais à
l'association régionale des responsables achats et j'irais à ses petits
déjeuners mensuels, et je demanderais à une ancienne enseignante de me
présenter à deux acheteurs de l'industrie. Les suggestions ne me les
amèneraient pas : dans ma simulation, la politique « mutual » n'a relié deux
secteurs que dans un tiers de ses nouveaux liens, parce qu'elle propose les
amis de mes amis, qui me ressemblent.
### END SOLUTION
""")
if __name__ == "__main__":
    print(nb.write())
