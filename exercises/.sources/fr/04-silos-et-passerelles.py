"""Construit exercises/04-silos-et-passerelles/04-silos-et-passerelles.ipynb, l'édition française
de 04-silos-and-bridges (`python exercises/.sources/build.py` ; un test vérifie que le notebook
et ce script concordent, et que les deux éditions ont le même code)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from authoring import HOW_FR as HOW, Notebook, OWN_FR as OWN  # noqa: E402

A = "04-silos-and-bridges"   # l'exercice anglais : la graine des données de l'apprenant
F = "04-silos-et-passerelles"
PERSON = "min_strong=2, max_ties=35"
REF = f'''_G = ex.reference_population("{A}", n=500)
_me = ex.my_person(_G, "{A}", {PERSON})'''

nb = Notebook(F, lang="fr", edition_of=A)
nb.markdown("intro", f"""
# Exercice 04 : Silos et passerelles

Cet exercice accompagne la **Leçon 04 : Silos et passerelles**
(`course/fr/{F}.ipynb`). Vous mesurez à quel point le réseau de « vous » est
fermé, pièce par pièce (la contrainte de Burt), quelle part en reste à
l'intérieur de votre propre secteur, et qui, parmi vos contacts, pourrait
jouer le rôle de courtier entre votre monde et un secteur où vous ne
connaissez presque personne.

{OWN}

{HOW}

| Tâche | Contenu | Points |
|---|---|---|
| 1 | Où vous investissez votre temps | 3 |
| 2 | La contrainte, pièce par pièce | 4 |
| 3 | Votre secteur est-il fermé ? | 3 |
| 4 | Un courtier vers un autre monde | 5 |
| 5 | Réflexion (notée par votre formateur ou formatrice) | 5 |
| | **Total** | **20** |

Durée : environ 60 minutes.
""")
nb.markdown("setup-text", """
## Votre population

Exécutez d'abord la cellule suivante. Elle construit votre population de
500 professionnels en France, choisit la personne qui est **vous** (`me`), et
tire pour vous un secteur cible, `TARGET` : un autre secteur où vous
connaissez au plus une personne, l'« autre monde » de la tâche 4.

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
MY_SECTOR = G.nodes[me]["sector"]

# TARGET : un secteur où vous connaissez au plus une personne, et que certains de vos
# contacts connaissent bien (tiré pour vous parmi ces secteurs).
sectors = sorted({{G.nodes[p]["sector"] for p in G}})
known = {{s: sum(1 for o in G[me] if G.nodes[o]["sector"] == s) for s in sectors}}
far = [s for s in sectors if s != MY_SECTOR and known[s] <= 1]
reachable = [s for s in far
             if any(sum(1 for p in G[o] if p != me and G.nodes[p]["sector"] == s) >= 2
                    for o in G[me])]
TARGET = ex.my_pick(ASSIGNMENT, reachable or far, role="target")

print(f"Votre population : {{G.number_of_nodes()}} personnes et {{G.number_of_edges()}} liens.")
print("Vous :", ex.describe_person(G, me))
print("Votre secteur cible :", TARGET, f"(nombre de personnes que vous y connaissez : {{known[TARGET]}})")
""")
nb.markdown("example-text", """
## Exemple guidé : la contrainte de Burt sur un petit réseau

Burt (1992) mesure à quel point le réseau d'une personne est **fermé** par la
*contrainte*. Pour une personne `i`, notons `p[i][j]` la part du temps et de
l'énergie de `i` investie dans le contact `j` : la force du lien `i`-`j`
divisée par la somme des forces de tous les liens de `i`. Alors

    contrainte(i) = somme sur les contacts j de i de (p[i][j] + indirect[j]) ** 2
    indirect[j]   = somme sur les autres contacts q de i de p[i][q] * p[q][j]

`indirect[j]` mesure à quel point `i` est lié à `j` *par l'intermédiaire*
d'autres contacts : il est grand quand tous les contacts de `i` connaissent
`j`. Un cercle fermé donne une contrainte élevée ; une personne qui relie des
gens qui ne se connaissent pas (un **courtier** qui enjambe des *trous
structuraux*) a une contrainte faible. Burt (2004) a constaté que les cadres
dont la contrainte était faible recevaient de meilleures évaluations, de
meilleurs salaires et davantage de promotions.

La cellule ci-dessous la calcule à la main sur un petit réseau : Ana est liée
à Bo, Cy et Dee ; Bo et Cy se connaissent, Dee ne connaît ni l'un ni l'autre.
Notez que `p[q][j]` est calculé sur **tous** les liens de `q`, pas seulement
sur ceux qui sont à l'intérieur du réseau d'Ana.
""")
nb.example("example", """
import networkx as nx

small = nx.Graph()
small.add_edge("Ana", "Bo", strength=0.8)
small.add_edge("Ana", "Cy", strength=0.4)
small.add_edge("Ana", "Dee", strength=0.4)
small.add_edge("Bo", "Cy", strength=0.5)
small.add_edge("Cy", "Eve", strength=0.5)


total_ana = sum(small["Ana"][x]["strength"] for x in small["Ana"])
for j in small["Ana"]:
    direct = small["Ana"][j]["strength"] / total_ana           # p[Ana][j]
    through = 0.0                                                # indirect[j]
    for q in small["Ana"]:
        if q != j and small.has_edge(q, j):
            total_q = sum(small[q][x]["strength"] for x in small[q])
            through += (small["Ana"][q]["strength"] / total_ana) * (small[q][j]["strength"] / total_q)
    print(f"{j} : direct {direct:.3f}, indirect {through:.3f}, terme {(direct + through) ** 2:.3f}")
""")

# ---------------------------------------------------------------- tâche 1
nb.task("task-invest", """
## Tâche 1 : Où vous investissez votre temps (3 points)

Construisez un dictionnaire `invest` dont les clés sont **tous** vos contacts
et dont les valeurs sont `p[me][j]` : la force de votre lien avec `j` divisée
par la somme des forces de tous vos liens. La somme des valeurs vaut 1.
""")
nb.answer("answer-invest", """
### BEGIN SOLUTION
total = sum(G[me][other]["strength"] for other in G[me])
invest = {other: G[me][other]["strength"] / total for other in G[me]}
### END SOLUTION
print(sorted(invest.items(), key=lambda item: -item[1])[:5])
""")
nb.selfcheck("selfcheck-invest", """
# Autovérification (0 point) : une part pour chacun de vos contacts, dont la somme vaut 1.
_found = ex.answer("invest")
ex.check_mapping("invest", _found, dict.fromkeys(G[me], 0), keys_only=True,
                 what="un dictionnaire avec une clé pour chacun de vos contacts")
for _key, _value in _found.items():
    ex.check_between(f"invest[{_key!r}]", _value, 0, 1, what="une part")
ex.check_close("somme des valeurs de invest", sum(_found.values()), 1.0, tol=1e-6,
               hint="divisez chaque force par la somme des forces de tous vos liens")
print("Autovérification réussie.")
""")
nb.test("test-invest-form", 1, f"""
# Tests cachés (1 point) : une part pour chacun de vos contacts, dont la somme vaut 1.
### BEGIN HIDDEN TESTS
{REF}
_found = ex.answer("invest")
ex.check_mapping("invest", _found, dict.fromkeys(_G[_me], 0), keys_only=True,
                 what="un dictionnaire avec une clé pour chacun de vos contacts")
ex.check_close("somme des valeurs de invest", sum(_found.values()), 1.0, tol=1e-6)
### END HIDDEN TESTS
""")
nb.test("test-invest-values", 2, f"""
# Tests cachés (2 points) : la part investie dans chaque contact.
### BEGIN HIDDEN TESTS
{REF}
_total = sum(_d["strength"] for _d in _G[_me].values())
_expected = {{_v: _d["strength"] / _total for _v, _d in _G[_me].items()}}
ex.check_mapping("invest", ex.answer("invest"), _expected, tol=5e-4,
                 what="pour chaque contact, la force de votre lien divisée par la somme de vos "
                      "forces",
                 hint="pondérez les liens par leur force, au lieu de compter chacun pour un")
### END HIDDEN TESTS
""")

# ---------------------------------------------------------------- tâche 2
nb.task("task-constraint", """
## Tâche 2 : La contrainte, pièce par pièce (4 points)

- `indirect` : un dictionnaire dont les clés sont tous vos contacts `j` et
  dont les valeurs sont `indirect[j]`, la somme, sur vos **autres** contacts
  `q`, de `invest[q] * p[q][j]`, où `p[q][j]` est la force du lien `q`-`j`
  divisée par la somme des forces de **tous** les liens de `q` (0 si `q` et
  `j` ne sont pas liés). L'exemple guidé montre comment la calculer.
- `my_constraint` : votre contrainte, la somme, sur vos contacts `j`, de
  `(invest[j] + indirect[j]) ** 2`, calculée à partir de vos deux
  dictionnaires.
""")
nb.answer("answer-constraint", """
### BEGIN SOLUTION
totals = {q: sum(G[q][x]["strength"] for x in G[q]) for q in G[me]}
indirect = {}
for j in G[me]:
    indirect[j] = 0.0
    for q in G[me]:
        if q != j and G.has_edge(q, j):
            indirect[j] += invest[q] * G[q][j]["strength"] / totals[q]
my_constraint = sum((invest[j] + indirect[j]) ** 2 for j in G[me])
### END SOLUTION
print("contrainte :", round(my_constraint, 3))
""")
nb.selfcheck("selfcheck-constraint", """
# Autovérification (0 point) : la forme de vos réponses.
_found = ex.answer("indirect")
ex.check_mapping("indirect", _found, dict.fromkeys(G[me], 0), keys_only=True,
                 what="un dictionnaire avec une clé pour chacun de vos contacts")
for _key, _value in _found.items():
    ex.check_between(f"indirect[{_key!r}]", _value, 0, 1, what="une part indirecte")
ex.check_between("my_constraint", ex.answer("my_constraint"), 0, 4,
                 what="une contrainte (un petit nombre positif)")
print("Autovérification réussie.")
""")
nb.test("test-constraint-indirect", 2, f"""
# Tests cachés (2 points) : à quel point vous êtes lié à chaque contact par l'intermédiaire des autres.
### BEGIN HIDDEN TESTS
{REF}
_strength = {{_v: sum(_d["strength"] for _d in _G[_v].values()) for _v in list(_G[_me]) + [_me]}}
_p_me = {{_q: _G[_me][_q]["strength"] / _strength[_me] for _q in _G[_me]}}
_indirect_expected = dict.fromkeys(_G[_me], 0.0)
for _q in _G[_me]:
    for _j, _d in _G[_q].items():
        if _j in _indirect_expected and _j != _q:
            _indirect_expected[_j] += _p_me[_q] * _d["strength"] / _strength[_q]
_constraint_expected = sum((_p_me[_j] + _indirect_expected[_j]) ** 2 for _j in _G[_me])
ex.check_mapping("indirect", ex.answer("indirect"), _indirect_expected, tol=5e-4,
                 what="pour chaque contact j, la somme sur vos autres contacts q de "
                      "invest[q] * p[q][j]",
                 hint="p[q][j] divise par la somme des forces de TOUS les liens de q, pas "
                      "seulement de ceux qui sont à l'intérieur de votre réseau")
### END HIDDEN TESTS
""")
nb.test("test-constraint-total", 2, """
# Tests cachés (2 points) : votre contrainte, à partir de vos deux dictionnaires.
### BEGIN HIDDEN TESTS
# _constraint_expected : calculé par la cellule de test ci-dessus, sur votre propre population.
_found = ex.answer("my_constraint")
ex.check_close("my_constraint", _found, _constraint_expected, tol=0.005,
               what="votre contrainte, sur votre propre population", reveal=False,
               hint="additionnez, sur vos contacts, les carrés de invest[j] + indirect[j]")
_invest, _indirect = ex.answer("invest"), ex.answer("indirect")
ex.check_close("my_constraint", _found,
               sum((_invest[j] + _indirect[j]) ** 2 for j in _indirect), tol=0.005,
               what="la contrainte calculée à partir de vos dictionnaires invest et indirect",
               reveal=False, hint="calculez my_constraint à partir de invest et de indirect")
### END HIDDEN TESTS
""")

# ---------------------------------------------------------------- tâche 3
nb.task("task-silo", """
## Tâche 3 : Votre secteur est-il fermé ? (3 points)

L'**indice E-I** (Krackhardt et Stern 1988) mesure à quel point les liens
d'une personne restent à l'intérieur de son propre groupe : avec `E` le
nombre de liens vers des personnes d'un autre groupe (liens externes) et `I`
le nombre de liens à l'intérieur de son propre groupe (liens internes),

    indice E-I = (E - I) / (E + I)

Il vaut -1 quand tous les liens restent dans le groupe (un silo), +1 quand
tous en sortent.

- `ei` : un dictionnaire aux clés `"sector"` et `"region"`, qui donne votre
  indice E-I quand le groupe est votre secteur, et quand c'est votre région.
- `more_closed` : l'attribut (`"sector"` pour le secteur ou `"region"` pour
  la région) selon lequel votre réseau est le plus fermé, c'est-à-dire celui
  dont l'indice E-I est le **plus bas**. Si les deux sont égaux, les deux
  réponses sont justes.
""")
nb.answer("answer-silo", """
### BEGIN SOLUTION
ei = {}
for attribute in ("sector", "region"):
    inside = sum(1 for o in G[me] if G.nodes[o][attribute] == G.nodes[me][attribute])
    outside = G.degree(me) - inside
    ei[attribute] = (outside - inside) / (outside + inside)
more_closed = min(ei, key=ei.get)
### END SOLUTION
print(ei, more_closed)
""")
nb.selfcheck("selfcheck-silo", """
# Autovérification (0 point) : deux indices entre -1 et 1, et un choix.
_found = ex.answer("ei")
ex.check_mapping("ei", _found, {"sector": 0, "region": 0}, keys_only=True,
                 what="un dictionnaire avec les clés 'sector' et 'region'")
for _key, _value in _found.items():
    ex.check_between(f"ei[{_key!r}]", _value, -1, 1, what="un indice E-I")
ex.check_choice("more_closed", ex.answer("more_closed"), ["sector", "region"],
                options=["sector", "region"])
print("Autovérification réussie.")
""")
nb.test("test-silo-values", 2, f"""
# Tests cachés (2 points) : votre indice E-I par secteur et par région.
### BEGIN HIDDEN TESTS
{REF}
_ei_expected = {{}}
for _a in ("sector", "region"):
    _in = sum(1 for _o in _G[_me] if _G.nodes[_o][_a] == _G.nodes[_me][_a])
    _ei_expected[_a] = (_G.degree(_me) - 2 * _in) / _G.degree(_me)
ex.check_mapping("ei", ex.answer("ei"), _ei_expected, tol=0.005,
                 what="(E - I) / (E + I) pour votre secteur et pour votre région",
                 hint="I compte vos liens avec des personnes de votre propre groupe, E tous les autres")
### END HIDDEN TESTS
""")
nb.test("test-silo-choice", 1, """
# Tests cachés (1 point) : l'attribut selon lequel votre réseau est le plus fermé.
### BEGIN HIDDEN TESTS
# _ei_expected : calculé par la cellule de test ci-dessus, sur votre propre population.
_low = min(_ei_expected.values())
_best = [_a for _a, _x in _ei_expected.items() if abs(_x - _low) < 1e-9]
ex.check_choice("more_closed", ex.answer("more_closed"), _best, options=["sector", "region"],
                what="l'attribut dont l'indice E-I est le plus bas, sur vos données",
                hint="un indice plus bas veut dire moins de liens hors du groupe")
### END HIDDEN TESTS
""")

# ---------------------------------------------------------------- tâche 4
nb.task("task-broker", """
## Tâche 4 : Un courtier vers un autre monde (5 points)

Vous voulez atteindre le monde de votre secteur cible, `TARGET`, où vous
connaissez au plus une personne. Un de vos contacts qui y connaît beaucoup de
monde pourrait jouer le rôle de **courtier** entre votre monde et celui-là.

- `target_ties` : un dictionnaire dont les clés sont **tous** vos contacts et
  dont les valeurs sont le nombre de personnes travaillant dans `TARGET` que
  ce contact connaît (sans vous compter).
- `broker` : le contact qui connaît le plus de personnes dans `TARGET`. Si
  plusieurs en connaissent le même plus grand nombre, chacun d'eux est juste.
- `new_people` : le nombre de contacts du courtier dans `TARGET` qui ne sont
  **pas** déjà vos contacts (les personnes que le courtier pourrait vous
  présenter).
""")
nb.answer("answer-broker", """
### BEGIN SOLUTION
target_ties = {}
for other in G[me]:
    target_ties[other] = sum(1 for p in G[other]
                             if p != me and G.nodes[p]["sector"] == TARGET)
broker = max(target_ties, key=target_ties.get)
new_people = sum(1 for p in G[broker]
                 if p != me and G.nodes[p]["sector"] == TARGET and p not in G[me])
### END SOLUTION
print("courtier :", ex.describe_person(G, broker))
print("connaît", target_ties[broker], "personnes dans", TARGET, "dont", new_people, "nouvelles pour vous")
""")
nb.selfcheck("selfcheck-broker", """
# Autovérification (0 point) : la forme de vos réponses.
_found = ex.answer("target_ties")
ex.check_mapping("target_ties", _found, dict.fromkeys(G[me], 0), keys_only=True,
                 what="un dictionnaire avec une clé pour chacun de vos contacts")
for _key, _value in _found.items():
    ex.check_type(f"target_ties[{_key!r}]", _value, "whole number")
ex.check_person("broker", ex.answer("broker"), G, among=G[me], what="l'un de vos contacts")
ex.check_type("new_people", ex.answer("new_people"), "whole number")
print("Autovérification réussie.")
""")
nb.test("test-broker-counts", 2, f"""
# Tests cachés (2 points) : combien de personnes de votre secteur cible chaque contact connaît.
### BEGIN HIDDEN TESTS
{REF}
_sector = _G.nodes[_me]["sector"]
_sectors = sorted({{_G.nodes[_p]["sector"] for _p in _G}})
_known = {{_s: sum(1 for _o in _G[_me] if _G.nodes[_o]["sector"] == _s) for _s in _sectors}}
_far = [_s for _s in _sectors if _s != _sector and _known[_s] <= 1]
_reachable = [_s for _s in _far
              if any(sum(1 for _p in _G[_o] if _p != _me and _G.nodes[_p]["sector"] == _s) >= 2
                     for _o in _G[_me])]
_target = ex.my_pick("{A}", _reachable or _far, role="target")
_target_expected = {{_o: sum(1 for _p in _G[_o] if _p != _me and _G.nodes[_p]["sector"] == _target)
                    for _o in _G[_me]}}
ex.check_mapping("target_ties", ex.answer("target_ties"), _target_expected,
                 what="pour chaque contact, le nombre de personnes de votre secteur cible qu'il connaît",
                 hint="comptez, pour chaque contact, ses contacts (vous exclu) dont le secteur est TARGET")
### END HIDDEN TESTS
""")
nb.test("test-broker-choice", 2, """
# Tests cachés (2 points) : le contact qui pourrait servir de courtier vers votre secteur cible.
### BEGIN HIDDEN TESTS
# _target et _target_expected : calculés par la cellule de test ci-dessus, sur votre propre population.
_most = max(_target_expected.values())
_best = sorted(_o for _o, _k in _target_expected.items() if _k == _most)
ex.check_person("broker", ex.answer("broker"), _G, among=_G[_me], what="l'un de vos contacts")
ex.check_choice("broker", ex.answer("broker"), _best,
                what="le contact qui connaît le plus de personnes dans votre secteur cible",
                hint="prenez le contact dont la valeur est la plus grande dans target_ties")
### END HIDDEN TESTS
""")
nb.test("test-broker-new", 1, """
# Tests cachés (1 point) : les personnes que votre courtier pourrait vous présenter.
### BEGIN HIDDEN TESTS
# _target : calculé par la cellule de test ci-dessus, sur votre propre population.
_broker = ex.answer("broker")
ex.check_person("broker", _broker, _G, among=_G[_me], what="l'un de vos contacts")
_new = sum(1 for _p in _G[_broker]
           if _p != _me and _G.nodes[_p]["sector"] == _target and _p not in _G[_me])
ex.check_equal("new_people", ex.answer("new_people"), _new, reveal=False,
               what="le nombre de contacts de votre courtier dans votre secteur cible qui ne "
                    "sont pas vos contacts",
               hint="laissez de côté les personnes que vous connaissez déjà")
### END HIDDEN TESTS
""")

# ---------------------------------------------------------------- réflexion
nb.rubric("task-reflection", """
## Tâche 5 : Réflexion (5 points, notée par votre formateur ou formatrice)

Dans la cellule ci-dessous, en cinq à dix phrases :

1. Votre réseau ressemble-t-il plutôt à un cercle fermé ou à un réseau de
   courtier ? Appuyez-vous sur votre contrainte et sur vos indices E-I. Pour
   comparer, prenez une personne qui a 24 contacts de même force : s'ils se
   connaissent tous, sa contrainte vaut environ 0,16 ; si aucun n'en connaît
   un autre, elle vaut 1/24, soit environ 0,04. La fermeture multiplie donc la
   contrainte par quatre environ, et quelques liens très forts l'augmentent
   encore (la contrainte de Burt compte la part de votre temps qui va à
   chaque contact, directement et par l'intermédiaire des autres).
2. Qui pourrait servir de courtier entre votre monde et votre secteur cible
   (tâche 4) ? Décrivez cette personne, et dites ce que vous lui demanderiez.
3. Que pourriez-vous lui offrir en retour, pour que l'échange aille dans les
   deux sens ?

**Barème (5 points)**

- 2 points : un diagnostic qui s'appuie sur votre contrainte, comparée aux
  chiffres de référence de la question (1 point), et sur vos indices E-I
  (1 point), avec une lecture juste (une contrainte proche de celle d'un
  cercle fermé de même taille, ou supérieure, et un indice E-I négatif
  signalent un réseau fermé, un silo).
- 2 points : le courtier est nommé et décrit à partir des données (secteur,
  métier, nombre de personnes qu'il connaît dans le secteur cible ; 1 point),
  et la demande est concrète et raisonnable, par exemple une mise en relation
  avec deux types de personnes précis, ou un conseil, et non un emploi
  (1 point).
- 1 point : une contrepartie crédible (une information, une compétence, une
  mise en relation dans l'autre sens), car une mise en relation par un
  courtier repose sur la réciprocité.
""")
nb.reflection("answer-reflection", 5, """
### BEGIN SOLUTION
*Exemple de réponse (les chiffres diffèrent pour chaque apprenant).* Ma
contrainte vaut 0,19, avec 24 contacts : c'est plus que les 0,16 de
24 contacts de même force qui se connaîtraient tous, parce que quelques liens
familiaux forts prennent une grande part de mon temps et que mes collègues se
connaissent entre eux. Mon indice E-I par secteur vaut -0,4 : la plupart de
mes liens restent dans la finance, je vis donc dans un silo sectoriel plus
que régional (mon indice E-I par région vaut +0,2). La personne 88,
coordinatrice logistique dans le transport, connaît 9 personnes dans la
distribution, mon secteur cible, dont 8 que je ne connais pas. Je lui
demanderais de me présenter à deux directeurs de magasin pour comprendre
comment ils choisissent leurs fournisseurs. En retour, je peux lui apporter
ma connaissance des délais de paiement et de l'assurance-crédit, qui compte
pour ses clients, ou la présenter au trésorier de mon ancien employeur.
### END SOLUTION
""")
if __name__ == "__main__":
    print(nb.write())
