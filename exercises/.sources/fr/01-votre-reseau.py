"""Construit exercises/01-votre-reseau/01-votre-reseau.ipynb, l'édition française de 01-your-network.

`python exercises/.sources/build.py` ; un test vérifie que le notebook et ce script concordent,
et que les deux éditions ont les mêmes cellules et le même code.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from authoring import HOW_FR as HOW, Notebook, OWN_FR as OWN  # noqa: E402

A = "01-your-network"          # l'exercice anglais : la graine des données de l'apprenant
F = "01-votre-reseau"
REF = f'''_G = ex.reference_population("{A}", n=400)
_me = ex.my_person(_G, "{A}", min_strong=3, min_weak=8)'''

nb = Notebook(F, lang="fr", edition_of=A)
nb.markdown("intro", f"""
# Exercice 01 : Votre réseau

Cet exercice accompagne la **Leçon 01 : Votre réseau** (`course/fr/{F}.ipynb`).
Vous observez le réseau d'une personne, « vous », dans une population simulée,
et vous mesurez la part de ce réseau faite de véritables relations
professionnelles et celle faite de simples contacts.

{OWN}

{HOW}

| Tâche | Contenu | Points |
|---|---|---|
| 1 | Comment vous avez rencontré les personnes que vous connaissez | 4 |
| 2 | Contacts ou relations ? | 4 |
| 3 | Votre premier cercle | 3 |
| 4 | Surestimez-vous votre réseau ? | 4 |
| 5 | Réflexion (notée par votre formateur ou formatrice) | 5 |
| | **Total** | **20** |

Durée : environ 45 minutes.
""")
nb.markdown("setup-text", """
## Votre population

Exécutez d'abord la cellule suivante. Elle construit votre population de
400 professionnels en France, choisit la personne qui est **vous** (`me`) et
une autre personne qui sert aux exemples guidés (`example`). Si elle vous
indique qu'aucun identifiant d'apprenant n'est défini, suivez une fois ses
instructions, dans un autre notebook ou dans un terminal (pas dans celui-ci),
puis exécutez-la de nouveau.
""")
nb.setup("setup", f"""
import weakties
from weakties import exercises as ex
weakties.i18n.set_language("fr")    # les messages de la bibliothèque, en français

ASSIGNMENT = "{A}"     # le nom anglais de l'exercice : vos données sont les mêmes dans les deux langues
G = ex.my_population(ASSIGNMENT, n=400)
me = ex.my_person(G, ASSIGNMENT, min_strong=3, min_weak=8)
example = ex.my_person(G, ASSIGNMENT, role="example", exclude=[me])
YEAR = G.graph["options"]["year"]   # l'année en cours dans la simulation

print(f"Votre population : {{G.number_of_nodes()}} personnes et {{G.number_of_edges()}} liens.")
print("Vous :", ex.describe_person(G, me))
""")
nb.markdown("example-text", """
## Exemple guidé : lire des liens

Chaque personne est un numéro (un *nœud* du réseau `G`). `G[p]` contient les
personnes auxquelles la personne `p` est liée, et `G[p][q]` décrit le lien
entre `p` et `q` par ces valeurs :

- `context` : l'origine du lien (`"family"` pour la famille, `"friend"` pour
  un ami, `"colleague"` pour un collègue, `"former_colleague"` pour un ancien
  collègue, `"school"` pour l'école, `"client"`, `"supplier"` pour un
  fournisseur, `"neighbour"` pour un voisin, `"event"` pour un événement ou
  `"online"` pour une rencontre en ligne) ;
- `strength` : la force du lien, de 0 (très faible) à 1 (très fort) ;
- `frequency` : le nombre d'échanges par an entre les deux personnes ;
- `since` : l'année où le lien a commencé ;
- `reciprocity` : de 0 à 1, la mesure dans laquelle les services vont dans
  les deux sens.

La cellule ci-dessous affiche cinq liens de la personne de l'exemple, puis
compte ceux de ses liens qui ont commencé au travail (`"colleague"`).
Exécutez-la et lisez-la : les tâches utilisent les mêmes outils.
""")
nb.example("example", """
print(ex.describe_person(G, example))
for other in sorted(G[example])[:5]:
    tie = G[example][other]
    print(other, tie["context"], "force", round(tie["strength"], 2),
          "échanges par an", tie["frequency"], "depuis", tie["since"],
          "réciprocité", round(tie["reciprocity"], 2))

n_colleagues = 0
for other in G[example]:
    if G[example][other]["context"] == "colleague":
        n_colleagues = n_colleagues + 1
print("La personne de l'exemple a", n_colleagues, "liens avec des collègues.")
""")

# ---------------------------------------------------------------- tâche 1
nb.task("task-context", """
## Tâche 1 : Comment vous avez rencontré les personnes que vous connaissez (4 points)

Comptez **vos** liens (les liens de `me`) selon leur origine. Rangez le
résultat dans un dictionnaire `by_context` dont les clés sont les contextes et
les valeurs les nombres de liens, par exemple `{"family": 4, "online": 9, ...}`.
Vous pouvez omettre les contextes où vous n'avez aucun lien.

*Piste : partez de l'exemple guidé, mais comptez chaque contexte au lieu d'un seul.*
""")
nb.answer("answer-context", """
### BEGIN SOLUTION
by_context = {}
for other in G[me]:
    context = G[me][other]["context"]
    by_context[context] = by_context.get(context, 0) + 1
### END SOLUTION
print(by_context)
""")
nb.selfcheck("selfcheck-context", """
# Autovérification (0 point) : un dictionnaire dont les valeurs ont pour somme votre nombre de liens.
_found = ex.answer("by_context")
ex.check_type("by_context", _found, "dict")
for _key, _value in _found.items():
    ex.check_type(f"by_context[{_key!r}]", _value, "whole number")
ex.check_equal("somme des valeurs de by_context", sum(_found.values()), G.degree(me),
               what="votre nombre de liens", hint="comptez chacun de vos liens une fois : parcourez G[me]")
print("Autovérification réussie.")
""")
nb.test("test-context-total", 1, f"""
# Tests cachés (1 point) : chacun de vos liens compté une fois, sous un contexte qui existe.
### BEGIN HIDDEN TESTS
{REF}
_found = ex.answer("by_context")
ex.check_type("by_context", _found, "dict")
_contexts = set(weakties.ties.CONTEXTS)
_unknown = sorted(str(k) for k in _found if k not in _contexts)
assert not _unknown, f"by_context a des clés qui ne sont pas des contextes : {{_unknown}}"
ex.check_equal("somme des valeurs de by_context", sum(_found.values()), _G.degree(_me),
               what="votre nombre de liens", reveal=False)
### END HIDDEN TESTS
""")
nb.test("test-context-counts", 3, f"""
# Tests cachés (3 points) : le nombre de liens de chaque contexte, sur votre propre population.
### BEGIN HIDDEN TESTS
{REF}
_expected = {{}}
for _v, _d in _G[_me].items():
    _expected[_d["context"]] = _expected.get(_d["context"], 0) + 1
_found = {{k: v for k, v in ex.answer("by_context").items() if v != 0}}
ex.check_mapping("by_context", _found, _expected,
                 what="le nombre de vos liens dans chaque contexte, sur votre propre population",
                 hint="lisez G[me][other]['context'] pour chacun de vos liens")
### END HIDDEN TESTS
""")

# ---------------------------------------------------------------- tâche 2
nb.task("task-relation", """
## Tâche 2 : Contacts ou relations ? (4 points)

Un **contact** est toute personne à qui vous êtes lié. Une **relation** est un
contact avec qui la confiance s'est construite dans la durée. Dans ce cours,
un lien est une relation quand les trois conditions suivantes sont réunies :

1. il a commencé **il y a au moins 2 ans** (`year - since` vaut 2 ou plus) : le temps de la confiance ;
2. vous échangez **au moins 4 fois par an** (`frequency` vaut 4 ou plus) : des échanges réguliers ;
3. les services vont **dans les deux sens** (`reciprocity` vaut 0.4 ou plus) : des engagements pris et tenus.

**a.** Écrivez une fonction `is_relation_tie(tie, year)` qui reçoit la
description d'un lien (un dictionnaire comme `G[me][other]`) et l'année en
cours, et qui renvoie `True` quand le lien est une relation, `False` sinon.

**b.** Servez-vous-en pour construire `my_relations` : la liste des personnes
(leurs numéros) qui sont vos relations pendant l'année en cours `YEAR`.

*En Python, les nombres décimaux s'écrivent avec un point : 0,4 s'écrit `0.4`.*
""")
nb.answer("answer-relation", """
def is_relation_tie(tie, year):
    ### BEGIN SOLUTION
    return (year - tie["since"] >= 2
            and tie["frequency"] >= 4
            and tie["reciprocity"] >= 0.4)
    ### END SOLUTION
""")
nb.answer("answer-relation-list", """
### BEGIN SOLUTION
my_relations = [other for other in G[me] if is_relation_tie(G[me][other], YEAR)]
### END SOLUTION
print(len(my_relations), "relations :", my_relations)
""")
nb.selfcheck("selfcheck-relation", """
# Autovérification (0 point) : deux liens inventés, et la forme de my_relations.
ex.check_function("is_relation_tie", ex.answer("is_relation_tie"), [
    (({"since": 2015, "frequency": 12, "reciprocity": 0.6}, 2026), True,
     "un lien datant de 2015, 12 échanges par an, une réciprocité de 0,6, en 2026"),
    (({"since": 2025, "frequency": 1, "reciprocity": 0.1}, 2026), False,
     "un lien datant de 2025, 1 échange par an, une réciprocité de 0,1, en 2026"),
])
_found = ex.answer("my_relations")
ex.check_type("my_relations", _found, "collection")
for _p in _found:
    ex.check_person("my_relations", _p, G, among=G[me], what="l'un de vos contacts")
print("Autovérification réussie.")
""")
nb.test("test-relation-rule", 2, """
# Tests cachés (2 points) : les trois conditions, exactement à leurs limites.
### BEGIN HIDDEN TESTS
_f = ex.answer("is_relation_tie")
_base = {"since": 2020, "frequency": 10, "reciprocity": 0.7}
_cases = [
    (({**_base, "since": 2024}, 2026), True, "un lien commencé il y a exactement 2 ans"),
    (({**_base, "since": 2025}, 2026), False, "un lien commencé il y a 1 an"),
    (({**_base, "frequency": 4}, 2026), True, "exactement 4 échanges par an"),
    (({**_base, "frequency": 3.9}, 2026), False, "3,9 échanges par an"),
    (({**_base, "reciprocity": 0.4}, 2026), True, "une réciprocité d'exactement 0,4"),
    (({**_base, "reciprocity": 0.39}, 2026), False, "une réciprocité de 0,39"),
    (({**_base, "since": 2027}, 2030), True, "un lien datant de 2027, en 2030"),
    (({**_base, "since": 2025}, 2030), True, "un lien datant de 2025, en 2030"),
]
ex.check_function("is_relation_tie", _f, _cases,
                  hint="« au moins » inclut la limite elle-même (utilisez >=), et utilisez "
                       "l'année donnée à la fonction, pas une année fixe")
### END HIDDEN TESTS
""")
nb.test("test-relation-list", 2, f"""
# Tests cachés (2 points) : vos relations, sur votre propre population.
### BEGIN HIDDEN TESTS
{REF}
_year = _G.graph["options"]["year"]
_expected = [v for v, d in _G[_me].items()
             if _year - d["since"] >= 2 and d["frequency"] >= 4 and d["reciprocity"] >= 0.4]
ex.check_items("my_relations", ex.answer("my_relations"), _expected,
               what="les personnes qui sont vos relations pendant l'année en cours",
               hint="appliquez votre fonction à chacun de vos liens, avec YEAR")
### END HIDDEN TESTS
""")

# ---------------------------------------------------------------- tâche 3
nb.task("task-inner", """
## Tâche 3 : Votre premier cercle (3 points)

Les cercles de Dunbar décrivent un réseau comme des cercles d'environ 5, 15,
50 et 150 personnes, des plus proches aux plus lointaines (Dunbar 1998 ;
Zhou et al. 2005). Construisez `inner_circle` : la liste des **5 personnes dont
vous êtes le plus proche** (les 5 liens dont la force, `strength`, est la plus
grande), **du lien le plus fort au moins fort**.

*Piste : `sorted(G[me], key=lambda other: G[me][other]["strength"], reverse=True)`
trie vos contacts du lien le plus fort au plus faible.*
""")
nb.answer("answer-inner", """
### BEGIN SOLUTION
inner_circle = sorted(G[me], key=lambda other: G[me][other]["strength"], reverse=True)[:5]
### END SOLUTION
for other in inner_circle:
    print(other, round(G[me][other]["strength"], 2), G[me][other]["context"])
""")
nb.selfcheck("selfcheck-inner", """
# Autovérification (0 point) : une liste de 5 de vos contacts.
_found = ex.answer("inner_circle")
ex.check_type("inner_circle", _found, "list")
ex.check_equal("len(inner_circle)", len(_found), 5, what="5 personnes")
for _p in _found:
    ex.check_person("inner_circle", _p, G, among=G[me], what="l'un de vos contacts")
print("Autovérification réussie.")
""")
nb.test("test-inner-people", 2, f"""
# Tests cachés (2 points) : les 5 bonnes personnes.
### BEGIN HIDDEN TESTS
{REF}
_found = ex.answer("inner_circle")
ex.check_type("inner_circle", _found, "list")
_strengths = sorted((d["strength"] for d in _G[_me].values()), reverse=True)
_fifth = _strengths[4]
_sure = [v for v, d in _G[_me].items() if d["strength"] > _fifth]
_tied = [v for v, d in _G[_me].items() if d["strength"] == _fifth]
_found_set = set(_found)
if not (len(_found_set) == 5 and set(_sure) <= _found_set
        and _found_set <= set(_sure) | set(_tied)):
    raise ex.CheckFailed("inner_circle", "les 5 personnes avec qui vos liens sont les plus forts",
                         f"{{len(_found_set & (set(_sure) | set(_tied)))}} d'entre elles parmi vos "
                         "5 liens les plus forts",
                         "triez vos contacts selon la force de leur lien, le plus fort d'abord, "
                         "et gardez les 5 premiers")
### END HIDDEN TESTS
""")
nb.test("test-inner-order", 1, f"""
# Tests cachés (1 point) : 5 personnes, le lien le plus fort d'abord.
### BEGIN HIDDEN TESTS
{REF}
_found = ex.answer("inner_circle")
ex.check_type("inner_circle", _found, "list")
ex.check_equal("len(inner_circle)", len(_found), 5, what="5 personnes")
for _p in _found:
    ex.check_person("inner_circle", _p, _G, among=_G[_me], what="l'un de vos contacts")
ex.check_order("inner_circle", _found, lambda p: _G[_me][p]["strength"],
               what="le lien le plus fort d'abord", hint="triez avec reverse=True")
### END HIDDEN TESTS
""")

# ---------------------------------------------------------------- tâche 4
nb.task("task-overcount", """
## Tâche 4 : Surestimez-vous votre réseau ? (4 points)

Quand on parle de son réseau, on compte le plus souvent ses contacts.
Comparez avec vos relations (tâche 2).

- `relation_share` : la part de vos liens qui sont des relations, un nombre
  entre 0 et 1 (par exemple `0.25` pour un lien sur quatre).
- `mostly` : le texte `"contacts"` si la plupart de vos liens sont des
  contacts qui ne sont pas des relations, ou `"relations"` si la plupart sont
  des relations.
- `contact_context` : parmi vos liens qui ne sont **pas** des relations, le
  contexte (`"online"`, `"event"`, ...) qui en réunit le plus. Si plusieurs
  contextes en réunissent le même plus grand nombre, chacun d'eux est juste.
""")
nb.answer("answer-overcount", """
### BEGIN SOLUTION
relation_share = len(my_relations) / G.degree(me)
mostly = "relations" if relation_share > 0.5 else "contacts"
only_contacts = {}
for other in G[me]:
    if other not in my_relations:
        context = G[me][other]["context"]
        only_contacts[context] = only_contacts.get(context, 0) + 1
contact_context = max(only_contacts, key=only_contacts.get)
### END SOLUTION
print(relation_share, mostly, contact_context)
""")
nb.selfcheck("selfcheck-overcount", """
# Autovérification (0 point) : les trois réponses ont la bonne forme.
ex.check_between("relation_share", ex.answer("relation_share"), 0, 1, what="une part",
                 hint="divisez un nombre de liens par votre nombre de liens ; ne multipliez pas par 100")
ex.check_choice("mostly", ex.answer("mostly"), ["contacts", "relations"],
                options=["contacts", "relations"])
ex.check_choice("contact_context", ex.answer("contact_context"), weakties.ties.CONTEXTS,
                options=weakties.ties.CONTEXTS)
print("Autovérification réussie.")
""")
nb.test("test-overcount-share", 2, f"""
# Tests cachés (2 points) : la part des relations, sur votre propre population.
### BEGIN HIDDEN TESTS
{REF}
_year = _G.graph["options"]["year"]
_rel = [v for v, d in _G[_me].items()
        if _year - d["since"] >= 2 and d["frequency"] >= 4 and d["reciprocity"] >= 0.4]
ex.check_close("relation_share", ex.answer("relation_share"), len(_rel) / _G.degree(_me),
               tol=0.01, what="la part de vos liens qui sont des relations", reveal=False,
               hint="le nombre de relations divisé par le nombre de liens")
### END HIDDEN TESTS
""")
nb.test("test-overcount-mostly", 1, f"""
# Tests cachés (1 point) : ce qui compose la plus grande part de votre réseau.
### BEGIN HIDDEN TESTS
{REF}
_year = _G.graph["options"]["year"]
_rel = [v for v, d in _G[_me].items()
        if _year - d["since"] >= 2 and d["frequency"] >= 4 and d["reciprocity"] >= 0.4]
_share = len(_rel) / _G.degree(_me)
_accept = ["relations"] if _share > 0.5 else ["contacts"] if _share < 0.5 else \\
    ["relations", "contacts"]
ex.check_choice("mostly", ex.answer("mostly"), _accept, options=["contacts", "relations"],
                what="ce que sont la plupart de vos liens")
### END HIDDEN TESTS
""")
nb.test("test-overcount-context", 1, f"""
# Tests cachés (1 point) : d'où viennent la plupart de vos contacts qui ne sont pas des relations.
### BEGIN HIDDEN TESTS
{REF}
_year = _G.graph["options"]["year"]
_counts = {{}}
for _v, _d in _G[_me].items():
    if not (_year - _d["since"] >= 2 and _d["frequency"] >= 4 and _d["reciprocity"] >= 0.4):
        _counts[_d["context"]] = _counts.get(_d["context"], 0) + 1
_best = [c for c, k in _counts.items() if k == max(_counts.values())]
ex.check_choice("contact_context", ex.answer("contact_context"), _best,
                options=weakties.ties.CONTEXTS,
                what="le contexte qui réunit le plus de vos liens qui ne sont pas des relations",
                hint="comptez seulement vos liens qui ne sont pas des relations, par contexte")
### END HIDDEN TESTS
""")

# ---------------------------------------------------------------- réflexion
nb.rubric("task-reflection", """
## Tâche 5 : Réflexion (5 points, notée par votre formateur ou formatrice)

Choisissez **une personne parmi vos contacts qui ne sont pas encore des
relations** et qui pourrait compter pour votre projet professionnel. Dans la
cellule ci-dessous, en cinq à dix phrases :

1. Présentez cette personne : son numéro, son métier et son secteur, et la
   façon dont vous vous êtes rencontrés (le contexte du lien).
2. Indiquez laquelle des trois conditions d'une relation ce lien ne remplit
   pas encore (le temps, des échanges réguliers, des services dans les deux
   sens), avec les chiffres du lien.
3. Décrivez une action concrète pour le mois qui vient, qui construirait la
   confiance avec cette personne, et expliquez pourquoi elle convient à ce lien.

Vous pouvez ajouter une cellule de code sous celle-ci pour examiner le lien
(par exemple `G[me][42]`) ; elle n'est pas notée.

**Barème (5 points)**

- 1 point : la personne est bien l'un de vos liens qui n'est pas une
  relation, et la réponse donne son métier ou son secteur et le contexte du lien.
- 2 points : la ou les conditions manquantes sont correctement nommées
  (1 point), avec les chiffres du lien : années écoulées depuis son début,
  échanges par an, réciprocité (1 point).
- 2 points : l'action est concrète et réaliste, avec une date ou une
  fréquence (1 point), et elle construit la confiance par un échange, un
  travail commun ou un engagement tenu (1 point). Se contenter d'ajouter la
  personne en ligne, ou de lui envoyer un message passe-partout, vaut 0 pour
  cette partie.
""")
nb.reflection("answer-reflection", 5, """
### BEGIN SOLUTION
*Exemple de réponse (les chiffres diffèrent pour chaque apprenant).* J'ai
choisi la personne 212, cheffe de projet dans le secteur de l'énergie. Nous
nous sommes rencontrées lors d'une soirée de réseautage en 2024. Ce lien n'est
pas encore une relation : il a commencé il y a 2 ans seulement, ce qui suffit,
mais nous échangeons environ une fois par an (la condition est de 4 fois par
an) et la réciprocité est de 0,15 (la condition est de 0,4) : les services
n'ont pas encore circulé dans les deux sens. Le mois prochain, je lui enverrai
un court résumé d'un rapport sur les prix de l'énergie dont elle avait parlé
lors de la soirée, et je lui proposerai un café dans la seconde quinzaine du
mois pour qu'elle me parle de son projet en cours. Cette action convient à ce
lien parce qu'elle lance des échanges réguliers et offre d'abord un service :
c'est ainsi que la réciprocité se construit.
### END SOLUTION
""")
if __name__ == "__main__":
    print(nb.write())
