"""Construit exercises/02-liens-forts-et-faibles/02-liens-forts-et-faibles.ipynb, l'édition
française de 02-strong-and-weak-ties (`python exercises/.sources/build.py` ; un test vérifie
que le notebook et ce script concordent, et que les deux éditions ont le même code)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from authoring import HOW_FR as HOW, Notebook, OWN_FR as OWN  # noqa: E402

A = "02-strong-and-weak-ties"   # l'exercice anglais : la graine des données de l'apprenant
F = "02-liens-forts-et-faibles"
PERSON = "min_strong=3, min_weak=8, min_local_bridges=3"
REF = f'''_G = ex.reference_population("{A}", n=600)
_me = ex.my_person(_G, "{A}", {PERSON})'''

nb = Notebook(F, lang="fr", edition_of=A)
nb.markdown("intro", f"""
# Exercice 02 : Liens forts et liens faibles

Cet exercice accompagne la **Leçon 02 : Liens forts et liens faibles**
(`course/fr/{F}.ipynb`). Vous mesurez les liens de « vous » dans une
population simulée : à quelle fréquence vous voyez chaque contact, combien de
contacts vous partagez avec chacun, lesquels de vos liens sont des ponts
locaux vers d'autres mondes, et ce que vous perdriez sans vos liens faibles.

{OWN}

{HOW}

| Tâche | Contenu | Points |
|---|---|---|
| 1 | À quelle fréquence vous voyez vos contacts | 3 |
| 2 | Les contacts que vous partagez | 3 |
| 3 | Vos liens forts partagent-ils votre monde ? | 3 |
| 4 | Ponts locaux : lequel garderiez-vous ? | 4 |
| 5 | Ce que vous apportent vos liens faibles | 2 |
| 6 | Réflexion (notée par votre formateur ou formatrice) | 5 |
| | **Total** | **20** |

Durée : environ 60 minutes.
""")
nb.markdown("setup-text", """
## Votre population

Exécutez d'abord la cellule suivante. Elle construit votre population de
600 professionnels en France, choisit la personne qui est **vous** (`me`) et
une autre personne pour les exemples guidés (`example`). Dans ce cours, un
lien est **fort** quand sa force (`strength`) vaut au moins 0,5
(`weakties.ties.STRONG_THRESHOLD`), **faible** sinon.

Si la cellule vous indique qu'aucun identifiant d'apprenant n'est défini,
suivez une fois ses instructions, dans un autre notebook ou dans un terminal
(pas dans celui-ci), puis exécutez-la de nouveau.
""")
nb.setup("setup", f"""
import weakties
from weakties import exercises as ex
weakties.i18n.set_language("fr")    # les messages de la bibliothèque, en français

ASSIGNMENT = "{A}"     # le nom anglais de l'exercice : vos données sont les mêmes dans les deux langues
G = ex.my_population(ASSIGNMENT, n=600)
me = ex.my_person(G, ASSIGNMENT, {PERSON})
example = ex.my_person(G, ASSIGNMENT, role="example", exclude=[me])
STRONG = weakties.ties.STRONG_THRESHOLD   # 0,5

n_strong = sum(1 for other in G[me] if G[me][other]["strength"] >= STRONG)
print(f"Votre population : {{G.number_of_nodes()}} personnes et {{G.number_of_edges()}} liens.")
print("Vous :", ex.describe_person(G, me))
print(f"Vous avez {{n_strong}} liens forts et {{G.degree(me) - n_strong}} liens faibles.")
""")
nb.markdown("example-text", """
## Exemple guidé : fréquence, contacts communs, recouvrement

Pour la personne de l'exemple et l'un de ses contacts, la cellule ci-dessous
affiche :

- la **classe de fréquence** d'un lien (Granovetter 1974) : `"often"`
  (souvent : deux fois par semaine ou plus, soit 104 échanges par an ou plus),
  `"rarely"` (rarement : une fois par an ou moins) ou `"occasionally"`
  (de temps en temps : entre les deux), donnée par
  `weakties.ties.frequency_band` ;
- les **contacts communs** d'un lien : les personnes que connaissent les deux
  extrémités du lien, `set(G[a]) & set(G[b])` ;
- le **recouvrement** d'un lien (Onnela et al. 2007) : la part de leurs
  autres contacts que les deux personnes ont en commun, donnée par
  `weakties.ties.overlap(G, a, b)`. Il vaut 0 quand elles ne partagent
  personne, 1 quand elles partagent tout le monde.
""")
nb.example("example", """
other = sorted(G[example])[0]
tie = G[example][other]
print("Lien entre", example, "et", other)
print("  échanges par an :", tie["frequency"], "->", weakties.ties.frequency_band(tie["frequency"]))
shared = set(G[example]) & set(G[other])
print("  contacts communs :", len(shared), sorted(shared))
print("  recouvrement :", round(weakties.ties.overlap(G, example, other), 3))
print("  force :", round(tie["strength"], 2),
      "(fort)" if tie["strength"] >= STRONG else "(faible)")
""")

# ---------------------------------------------------------------- tâche 1
nb.task("task-bands", """
## Tâche 1 : À quelle fréquence vous voyez vos contacts (3 points)

Comptez **vos** liens par classe de fréquence. Rangez le résultat dans un
dictionnaire `bands` qui a exactement les trois clés `"often"`,
`"occasionally"` et `"rarely"` (les noms des classes, en anglais, tels que
`weakties.ties.frequency_band` les donne), et dont les valeurs sont des
nombres de liens (écrivez 0 pour une classe sans lien). Par exemple
`{"often": 2, "occasionally": 20, "rarely": 6}`.
""")
nb.answer("answer-bands", """
### BEGIN SOLUTION
bands = {"often": 0, "occasionally": 0, "rarely": 0}
for other in G[me]:
    bands[weakties.ties.frequency_band(G[me][other]["frequency"])] += 1
### END SOLUTION
print(bands)
""")
nb.selfcheck("selfcheck-bands", """
# Autovérification (0 point) : trois classes qui comptent chacun de vos liens une fois.
_found = ex.answer("bands")
ex.check_mapping("bands", _found, {"often": 0, "occasionally": 0, "rarely": 0}, keys_only=True,
                 what="un dictionnaire avec les clés 'often', 'occasionally' et 'rarely'")
for _key, _value in _found.items():
    ex.check_type(f"bands[{_key!r}]", _value, "whole number")
ex.check_equal("somme des valeurs de bands", sum(_found.values()), G.degree(me),
               what="votre nombre de liens", hint="comptez chacun de vos liens dans une seule classe")
print("Autovérification réussie.")
""")
nb.test("test-bands-form", 1, f"""
# Tests cachés (1 point) : les trois classes, dont la somme est votre nombre de liens.
### BEGIN HIDDEN TESTS
{REF}
_found = ex.answer("bands")
ex.check_mapping("bands", _found, {{"often": 0, "occasionally": 0, "rarely": 0}}, keys_only=True,
                 what="un dictionnaire avec les clés 'often', 'occasionally' et 'rarely'")
ex.check_equal("somme des valeurs de bands", sum(_found.values()), _G.degree(_me),
               what="votre nombre de liens", reveal=False)
### END HIDDEN TESTS
""")
nb.test("test-bands-values", 2, f"""
# Tests cachés (2 points) : le nombre de liens de chaque classe, sur votre propre population.
### BEGIN HIDDEN TESTS
{REF}
_expected = {{"often": 0, "occasionally": 0, "rarely": 0}}
for _d in _G[_me].values():
    _f = _d["frequency"]
    _expected["often" if _f >= 104 else "rarely" if _f <= 1 else "occasionally"] += 1
ex.check_mapping("bands", ex.answer("bands"), _expected,
                 what="le nombre de vos liens dans chaque classe, sur votre propre population",
                 hint="'often' veut dire au moins deux fois par semaine (104 fois par an), "
                      "'rarely' une fois par an ou moins")
### END HIDDEN TESTS
""")

# ---------------------------------------------------------------- tâche 2
nb.task("task-mutual", """
## Tâche 2 : Les contacts que vous partagez (3 points)

Le nombre de **contacts communs** d'un lien mesure sa force *structurelle*.
Lors d'une expérience randomisée menée auprès d'environ 20 millions de membres
de LinkedIn, Rajkumar et ses collègues (Science, 2022) ont constaté que les
liens modérément faibles étaient ceux qui menaient le plus souvent à un nouvel
emploi : la probabilité augmentait avec le nombre de contacts communs jusqu'à
une dizaine environ, puis diminuait.

Construisez un dictionnaire `mutual` dont les clés sont **tous** vos contacts
et dont les valeurs sont le nombre de contacts que vous partagez avec chacun
d'eux. Par exemple `{17: 3, 42: 0, ...}`.
""")
nb.answer("answer-mutual", """
### BEGIN SOLUTION
mutual = {}
for other in G[me]:
    mutual[other] = len(set(G[me]) & set(G[other]))
### END SOLUTION
print(sorted(mutual.items())[:10])
""")
nb.selfcheck("selfcheck-mutual", """
# Autovérification (0 point) : un nombre entier pour chacun de vos contacts.
_found = ex.answer("mutual")
ex.check_mapping("mutual", _found, dict.fromkeys(G[me], 0), keys_only=True,
                 what="un dictionnaire avec une clé pour chacun de vos contacts")
for _key, _value in _found.items():
    ex.check_type(f"mutual[{_key!r}]", _value, "whole number")
    ex.check_between(f"mutual[{_key!r}]", _value, 0, G.degree(me) - 1,
                     what="un nombre de contacts que vous partagez avec une personne",
                     hint="comptez les personnes qui sont à la fois vos contacts et les siens")
print("Autovérification réussie.")
""")
nb.test("test-mutual-keys", 1, f"""
# Tests cachés (1 point) : une clé pour chacun de vos contacts, et pour personne d'autre.
### BEGIN HIDDEN TESTS
{REF}
ex.check_mapping("mutual", ex.answer("mutual"), dict.fromkeys(_G[_me], 0), keys_only=True,
                 what="un dictionnaire avec une clé pour chacun de vos contacts")
### END HIDDEN TESTS
""")
nb.test("test-mutual-values", 2, f"""
# Tests cachés (2 points) : le nombre de contacts communs de chacun de vos liens.
### BEGIN HIDDEN TESTS
{REF}
_mine = set(_G[_me])
_expected = {{_v: sum(1 for _w in _G[_v] if _w in _mine) for _v in _mine}}
ex.check_mapping("mutual", ex.answer("mutual"), _expected,
                 what="pour chaque contact, le nombre de contacts que vous partagez avec lui",
                 hint="set(G[me]) & set(G[other]) contient les personnes que vous connaissez tous les deux")
### END HIDDEN TESTS
""")

# ---------------------------------------------------------------- tâche 3
nb.task("task-overlap", """
## Tâche 3 : Vos liens forts partagent-ils votre monde ? (3 points)

Onnela et ses collègues (PNAS, 2007) ont constaté que plus un lien est fort,
plus les contacts des deux personnes se recouvrent : les liens forts se
trouvent à l'intérieur d'un monde partagé.

- `mean_overlap` : un dictionnaire à deux clés, `"strong"` : le recouvrement
  moyen de vos liens forts, et `"weak"` : le recouvrement moyen de vos liens
  faibles. Utilisez `weakties.ties.overlap(G, me, other)` pour le
  recouvrement d'un lien.
- `strong_overlap_more` : `True` si, dans votre réseau, vos liens forts se
  recouvrent en moyenne davantage que vos liens faibles, `False` sinon.
""")
nb.answer("answer-overlap", """
### BEGIN SOLUTION
strong_values, weak_values = [], []
for other in G[me]:
    value = weakties.ties.overlap(G, me, other)
    if G[me][other]["strength"] >= STRONG:
        strong_values.append(value)
    else:
        weak_values.append(value)
mean_overlap = {"strong": sum(strong_values) / len(strong_values),
                "weak": sum(weak_values) / len(weak_values)}
strong_overlap_more = mean_overlap["strong"] > mean_overlap["weak"]
### END SOLUTION
print(mean_overlap, strong_overlap_more)
""")
nb.selfcheck("selfcheck-overlap", """
# Autovérification (0 point) : deux moyennes entre 0 et 1, et True ou False.
_found = ex.answer("mean_overlap")
ex.check_mapping("mean_overlap", _found, {"strong": 0, "weak": 0}, keys_only=True,
                 what="un dictionnaire avec les clés 'strong' et 'weak'")
for _key, _value in _found.items():
    ex.check_between(f"mean_overlap[{_key!r}]", _value, 0, 1, what="un recouvrement moyen",
                     hint="un recouvrement est compris entre 0 et 1, une moyenne de recouvrements aussi")
ex.check_type("strong_overlap_more", ex.answer("strong_overlap_more"), "true or false")
print("Autovérification réussie.")
""")
nb.test("test-overlap-values", 2, f"""
# Tests cachés (2 points) : le recouvrement moyen de vos liens forts et celui de vos liens faibles.
### BEGIN HIDDEN TESTS
{REF}
_sums = {{"strong": [0.0, 0], "weak": [0.0, 0]}}
for _v, _d in _G[_me].items():
    _n = len(set(_G[_me]) & set(_G[_v]))
    _den = (_G.degree(_me) - 1) + (_G.degree(_v) - 1) - _n
    _kind = "strong" if _d["strength"] >= 0.5 else "weak"
    _sums[_kind][0] += _n / _den if _den > 0 else 0.0
    _sums[_kind][1] += 1
_expected = {{k: s / c for k, (s, c) in _sums.items()}}
ex.check_mapping("mean_overlap", ex.answer("mean_overlap"), _expected, tol=0.005,
                 what="le recouvrement moyen de vos liens forts et celui de vos liens faibles",
                 hint="un lien est fort quand sa force vaut au moins 0.5 ; divisez chaque somme "
                      "par le nombre de liens de ce type")
### END HIDDEN TESTS
""")
nb.test("test-overlap-choice", 1, f"""
# Tests cachés (1 point) : ce que disent vos propres chiffres.
### BEGIN HIDDEN TESTS
{REF}
_sums = {{"strong": [0.0, 0], "weak": [0.0, 0]}}
for _v, _d in _G[_me].items():
    _n = len(set(_G[_me]) & set(_G[_v]))
    _den = (_G.degree(_me) - 1) + (_G.degree(_v) - 1) - _n
    _kind = "strong" if _d["strength"] >= 0.5 else "weak"
    _sums[_kind][0] += _n / _den if _den > 0 else 0.0
    _sums[_kind][1] += 1
_strong, _weak = (_sums[k][0] / _sums[k][1] for k in ("strong", "weak"))
_found = ex.answer("strong_overlap_more")
ex.check_type("strong_overlap_more", _found, "true or false")
ex.check_choice("strong_overlap_more", bool(_found), [_strong > _weak], options=[True, False],
                what="si vos liens forts se recouvrent davantage que vos liens faibles, sur vos données",
                hint="comparez les deux moyennes de mean_overlap")
### END HIDDEN TESTS
""")

# ---------------------------------------------------------------- tâche 4
nb.task("task-bridges", """
## Tâche 4 : Ponts locaux : lequel garderiez-vous ? (4 points)

Un lien est un **pont local** quand ses deux extrémités n'ont **aucun contact
en commun** (Granovetter 1973) : c'est le plus court chemin entre deux mondes.
Toutes les personnes que connaît votre contact (à part vous) sont alors des
personnes que vous ne connaissez pas : le lien vous les *ouvre*.

- `my_bridges` : la liste de vos contacts auxquels vous êtes lié par un pont
  local, classés selon le nombre de personnes que chacun vous ouvre (son
  nombre de contacts, vous exclu), **du plus grand nombre au plus petit**.
  Votre réponse à la tâche 2 vous aidera.
- `keep` : si vous ne pouviez garder qu'un seul de ces ponts, pour entendre
  parler d'offres **hors de votre propre secteur**, gardez celui qui ouvre le
  plus de personnes travaillant dans un autre secteur que le vôtre
  (`G.nodes[p]["sector"]`). Rangez le numéro de cette personne. Si plusieurs
  ponts en ouvrent le même plus grand nombre, chacun d'eux est juste.
""")
nb.answer("answer-bridges", """
### BEGIN SOLUTION
my_bridges = [other for other in G[me] if mutual[other] == 0]
my_bridges = sorted(my_bridges, key=lambda other: G.degree(other) - 1, reverse=True)
my_sector = G.nodes[me]["sector"]
outside = {}
for other in my_bridges:
    outside[other] = sum(1 for p in G[other] if p != me and G.nodes[p]["sector"] != my_sector)
keep = max(my_bridges, key=lambda other: outside[other])
### END SOLUTION
print("ponts :", my_bridges, "à garder :", keep)
""")
nb.selfcheck("selfcheck-bridges", """
# Autovérification (0 point) : une liste de vos contacts, et l'un d'eux à garder.
_found = ex.answer("my_bridges")
ex.check_type("my_bridges", _found, "list")
for _p in _found:
    ex.check_person("my_bridges", _p, G, among=G[me], what="l'un de vos contacts")
ex.check_person("keep", ex.answer("keep"), G, among=_found, what="l'un de vos ponts locaux")
print("Autovérification réussie.")
""")
nb.test("test-bridges-set", 2, f"""
# Tests cachés (2 points) : les personnes liées à vous par un pont local.
### BEGIN HIDDEN TESTS
{REF}
_mine = set(_G[_me])
_expected = [_v for _v in _mine if not (_mine & (set(_G[_v]) - {{_me}}))]
ex.check_items("my_bridges", ex.answer("my_bridges"), _expected,
               what="vos contacts avec qui vous ne partagez aucun contact",
               hint="un pont local est un lien qui a 0 contact commun")
### END HIDDEN TESTS
""")
nb.test("test-bridges-order", 1, f"""
# Tests cachés (1 point) : classés selon le nombre de personnes que chacun ouvre, le plus grand d'abord.
### BEGIN HIDDEN TESTS
{REF}
_found = ex.answer("my_bridges")
ex.check_type("my_bridges", _found, "list")
for _p in _found:
    ex.check_person("my_bridges", _p, _G, among=_G[_me], what="l'un de vos contacts")
ex.check_order("my_bridges", _found, lambda p: _G.degree(p) - 1,
               what="le pont qui ouvre le plus de personnes d'abord",
               hint="triez selon le nombre de contacts de chaque pont, avec reverse=True")
### END HIDDEN TESTS
""")
nb.test("test-bridges-keep", 1, f"""
# Tests cachés (1 point) : le pont qui ouvre le plus de personnes hors de votre secteur.
### BEGIN HIDDEN TESTS
{REF}
_mine = set(_G[_me])
_sector = _G.nodes[_me]["sector"]
_bridges = [_v for _v in _mine if not (_mine & (set(_G[_v]) - {{_me}}))]
_opens = {{_b: sum(1 for _p in _G[_b] if _p != _me and _G.nodes[_p]["sector"] != _sector)
          for _b in _bridges}}
_best = [_b for _b in _bridges if _opens[_b] == max(_opens.values())]
ex.check_person("keep", ex.answer("keep"), _G, among=_G[_me], what="l'un de vos contacts")
ex.check_choice("keep", ex.answer("keep"), _best,
                what="le pont local qui ouvre le plus de personnes hors de votre secteur",
                hint="pour chaque pont, comptez ses contacts (vous exclu) dont le secteur diffère "
                     "du vôtre")
### END HIDDEN TESTS
""")

# ---------------------------------------------------------------- tâche 5
nb.task("task-reach", """
## Tâche 5 : Ce que vous apportent vos liens faibles (2 points)

Les personnes **à deux pas** de vous sont vos contacts et les contacts de vos
contacts (vous exclu). Imaginez que vous ne gardiez que vos liens **forts**
(les liens des autres personnes ne changent pas).

- `reach_strong_only` : le nombre de personnes qui seraient encore à deux pas
  de vous (vos contacts forts et leurs contacts, vous exclu).
- `lost_share` : la part des personnes aujourd'hui à deux pas de vous que vous
  n'atteindriez plus en deux pas : un nombre entre 0 et 1.
""")
nb.answer("answer-reach", """
### BEGIN SOLUTION
reach_all = set(G[me])
for other in G[me]:
    reach_all |= set(G[other])
reach_all.discard(me)
strong_contacts = [other for other in G[me] if G[me][other]["strength"] >= STRONG]
reach_strong = set(strong_contacts)
for other in strong_contacts:
    reach_strong |= set(G[other])
reach_strong.discard(me)
reach_strong_only = len(reach_strong)
lost_share = len(reach_all - reach_strong) / len(reach_all)
### END SOLUTION
print(reach_strong_only, lost_share)
""")
nb.selfcheck("selfcheck-reach", """
# Autovérification (0 point) : un nombre entier et une part.
ex.check_type("reach_strong_only", ex.answer("reach_strong_only"), "whole number")
ex.check_between("reach_strong_only", ex.answer("reach_strong_only"), 1,
                 G.number_of_nodes() - 1, what="un nombre de personnes")
ex.check_between("lost_share", ex.answer("lost_share"), 0, 1, what="une part",
                 hint="divisez par le nombre de personnes à deux pas ; ne multipliez pas par 100")
print("Autovérification réussie.")
""")
nb.test("test-reach-strong", 1, f"""
# Tests cachés (1 point) : les personnes encore à deux pas grâce à vos liens forts.
### BEGIN HIDDEN TESTS
{REF}
_strong = [_v for _v, _d in _G[_me].items() if _d["strength"] >= 0.5]
_reach = set(_strong).union(*(set(_G[_v]) for _v in _strong)) - {{_me}}
ex.check_equal("reach_strong_only", ex.answer("reach_strong_only"), len(_reach),
               what="le nombre de personnes à deux pas par vos seuls liens forts",
               reveal=False, hint="comptez vos contacts forts et leurs contacts, chacun une fois, "
                                  "sans vous")
### END HIDDEN TESTS
""")
nb.test("test-reach-lost", 1, f"""
# Tests cachés (1 point) : la part de votre monde à deux pas qui dépend des liens faibles.
### BEGIN HIDDEN TESTS
{REF}
_all = set(_G[_me]).union(*(set(_G[_v]) for _v in _G[_me])) - {{_me}}
_strong = [_v for _v, _d in _G[_me].items() if _d["strength"] >= 0.5]
_reach = set(_strong).union(*(set(_G[_v]) for _v in _strong)) - {{_me}}
ex.check_close("lost_share", ex.answer("lost_share"), len(_all - _reach) / len(_all), tol=0.01,
               what="la part des personnes à deux pas que seuls les liens faibles atteignent",
               reveal=False, hint="les personnes à deux pas aujourd'hui, moins celles encore "
                                  "atteintes, divisé par les personnes à deux pas aujourd'hui")
### END HIDDEN TESTS
""")

# ---------------------------------------------------------------- réflexion
nb.rubric("task-reflection", """
## Tâche 6 : Réflexion (5 points, notée par votre formateur ou formatrice)

Regardez vos ponts locaux (tâche 4) et ce que vous apportent vos liens faibles
(tâche 5). Dans la cellule ci-dessous, en cinq à dix phrases :

1. Lequel de vos ponts locaux garderiez-vous si vous ne pouviez en garder
   qu'un, et pourquoi ? Dites ce que cette personne vous ouvre (combien de
   personnes, quels secteurs), avec vos chiffres.
2. Que peut vous apporter ce lien faible que vos liens forts ne peuvent pas
   vous apporter ? Utilisez les idées de la leçon (information nouvelle, monde
   partagé, trous structuraux).
3. Comment aborderiez-vous cette personne dans le cadre d'une recherche
   d'emploi : que lui demanderiez-vous, et que ne lui demanderiez-vous pas ?

**Barème (5 points)**

- 1 point : la réponse nomme l'un de vos ponts locaux et ce qu'il ouvre, avec
  des chiffres tirés de vos données (personnes ouvertes, secteurs).
- 2 points : la réponse explique la valeur du lien faible (1 point : une
  information nouvelle, non redondante, venue d'un autre monde, puisque vous
  ne partagez aucun contact) et l'oppose aux liens forts, qui partagent votre
  monde (1 point), en s'appuyant sur vos propres résultats (recouvrement,
  personnes perdues à deux pas).
- 2 points : une démarche réaliste (1 point) qui demande une information, un
  conseil ou une mise en relation plutôt que directement un emploi, et qui dit
  pourquoi (1 point : l'enjeu affectif fort est absent, mais la confiance doit
  d'abord se construire).
""")
nb.reflection("answer-reflection", 5, """
### BEGIN SOLUTION
*Exemple de réponse (les chiffres diffèrent pour chaque apprenant).* Je
garderais la personne 526, responsable commerciale dans la distribution : nous
ne partageons aucun contact, et elle m'ouvre 28 personnes, dont 23 hors de mon
secteur. Mes liens forts se recouvrent davantage (0,10 contre 0,05 pour mes
liens faibles) : ils connaissent les mêmes personnes que moi et apprennent
donc les mêmes nouvelles. Sans mes liens faibles, je perdrais environ 60 % des
personnes à deux pas de moi. Ce pont me donne accès à l'information d'un autre
monde. Je ne lui demanderais pas d'emploi : je lui demanderais vingt minutes
de conseil sur la façon dont on recrute dans la distribution, et si quelqu'un
de son réseau pourrait m'en dire plus sur une entreprise précise. Cette demande
est facile à accepter et ouvre un échange dans lequel je peux, moi aussi,
offrir quelque chose.
### END SOLUTION
""")
if __name__ == "__main__":
    print(nb.write())
