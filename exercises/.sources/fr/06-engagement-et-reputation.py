"""Construit exercises/06-engagement-et-reputation/06-engagement-et-reputation.ipynb, l'édition française de 06-engagement-and-reputation (`python exercises/.sources/build.py`; un test vérifie que les deux concordent)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from authoring import hidden, HOW_FR as HOW, Notebook, OWN_FR as OWN, solution  # noqa: E402

A = "06-engagement-and-reputation"        # l'exercice anglais : la graine des données de l'apprenant, les mêmes dans les deux langues
F = "06-engagement-et-reputation"
nb = Notebook(F, lang="fr", edition_of=A)
PRE = f'''_A = "{A}"
_G = ex.reference_population(_A, n=400)
_me = ex.my_person(_G, _A, min_ties=20)'''
HIST = '''from weakties.scenarios import reputation as _reputation
_history = _reputation(_G, periods=24, ask_share=0.0, seed=ex.my_seed(_A, "history")).projects
_partners = sorted(set(_history["partner"]) - {_me})
_cands = sorted(ex.my_rng(_A, "candidates").choice(_partners, size=5, replace=False).tolist())'''
SCORE = '''def _score(G, me, history, candidate):
    _mine = set(G[me])
    _last = {}
    for _row in history[history["partner"] == candidate].itertuples():
        if _row.client not in _last or _row.period >= _last[_row.client][0]:
            _last[_row.client] = (_row.period, _row.kept / 3)
    _total = _weights = 0.0
    for _client, (_period, _value) in _last.items():
        if _client == me or _client in _mine:
            _w = 1.0
        elif _client in G and _mine & set(G[_client]):
            _w = 0.5
        else:
            continue
        _total += _w * _value
        _weights += _w
    return _total / _weights if _weights else None'''

nb.markdown("intro", f"""
# Exercice 06 : Engagement et réputation

Cet exercice accompagne la **Leçon 06 : Engagement et réputation**
(`course/fr/{F}.ipynb`). Vous
examinez la fiabilité des personnes qui entourent « vous » sur les trois
engagements du triangle de l'engagement, vous mesurez dans une simulation ce
qui change quand les clients interrogent leur réseau avant de s'engager, et
vous interrogez votre propre réseau sur des partenaires possibles avant d'en
choisir un.

{OWN}

{HOW}

| Tâche | Contenu | Points |
|---|---|---|
| 1 | Fiable, moyen ou peu fiable ? | 3 |
| 2 | Le côté faible du triangle | 3 |
| 3 | Ce que change le fait d'interroger son réseau | 4 |
| 4 | Interrogez votre réseau avant de vous engager | 5 |
| 5 | Réflexion (notée par votre formateur ou formatrice) | 5 |
| | **Total** | **20** |

Durée : environ 60 minutes.
""")

nb.markdown("setup-text", """
## Votre population

Exécutez d'abord la cellule suivante. Elle construit votre population de
400 professionnels en France et choisit la personne qui est **vous** (`me`)
ainsi qu'une autre personne utilisée dans l'exemple guidé (`example`).
Elle simule aussi deux années de projets dans votre population (`history`,
utilisé dans les tâches 3 et 4) et choisit cinq partenaires possibles pour
vous (`CANDIDATES`, utilisé dans la tâche 4). Cela prend quelques secondes.
Si elle indique qu'aucun identifiant d'apprenant n'est défini, suivez ses
instructions, puis exécutez-la de nouveau.
""")

nb.setup("setup", f"""
import weakties
from weakties import exercises as ex
from weakties.scenarios import reputation
weakties.i18n.set_language("fr")

ASSIGNMENT = "{A}"
G = ex.my_population(ASSIGNMENT, n=400)
me = ex.my_person(G, ASSIGNMENT, min_ties=20)
example = ex.my_person(G, ASSIGNMENT, role="example", exclude=[me])
COMMITMENTS = ["client", "deadlines", "payment"]

# Deux années de projets où personne n'interroge son réseau (une ligne par projet).
history = reputation(G, periods=24, ask_share=0.0, seed=ex.my_seed(ASSIGNMENT, "history")).projects
partners = sorted(set(history["partner"]) - {{me}})
CANDIDATES = sorted(ex.my_rng(ASSIGNMENT, "candidates").choice(partners, size=5, replace=False).tolist())

print(f"Votre population : {{G.number_of_nodes()}} personnes et {{G.number_of_edges()}} liens.")
print("Vous :", ex.describe_person(G, me))
print("Vos partenaires possibles (tâche 4) :", CANDIDATES)
""")

nb.markdown("example-text", """
## Exemple guidé : la fiabilité et l'historique des projets

Chaque personne `p` a une **fiabilité** sur chacun des engagements du
triangle de l'engagement, dans `G.nodes[p]["reliability"]` : la probabilité,
de 0 à 1, qu'elle le tienne sur un projet. Les noms des trois engagements
restent en anglais dans le code :

- `"client"` : le respect de la relation client (la personne ne contourne
  pas un partenaire pour lui prendre son client) ;
- `"deadlines"` : le respect des délais ;
- `"payment"` : le respect du paiement des factures.

`history` est un tableau (un DataFrame de pandas) avec une ligne par projet
de la simulation : la période `period` (le mois, de 1 à 24), le client
`client`, le partenaire `partner` qui a fait le travail, et `kept`, le
nombre d'engagements que le partenaire a tenus sur ce projet (de 0 à 3).
La cellule ci-dessous lit la fiabilité de la personne de l'exemple, puis
les projets où cette personne était le partenaire, puis les contacts que
cette personne et l'un de ses contacts ont en commun. Exécutez-la et
lisez-la : les tâches utilisent les mêmes outils.
""")

nb.example("example", """
rel = G.nodes[example]["reliability"]
print("Fiabilité de la personne", example, ":", dict(rel))
mean = (rel["client"] + rel["deadlines"] + rel["payment"]) / 3
print("  moyenne des trois engagements :", round(mean, 3))
print("  probabilité de tenir les trois sur un projet :",
      round(rel["client"] * rel["deadlines"] * rel["payment"], 3))

rows = history[history["partner"] == example]
print("Projets où la personne", example, "était le partenaire :")
print(rows)
for row in rows.itertuples():
    print("  mois", row.period, ": le client", row.client, "a vu", row.kept, "engagements tenus sur 3")

friend = sorted(G[example])[0]
print("Contacts communs à", example, "et", friend, ":", sorted(set(G[example]) & set(G[friend])))
""")

# ---------------------------------------------------------------- Tâche 1
nb.task("task-classes", """
## Tâche 1 : Fiable, moyen ou peu fiable ? (3 points)

La leçon range les personnes en trois classes selon la **moyenne** de leurs
trois fiabilités (client, délais, paiement). Les noms des classes restent
en anglais dans le code :

- `"unreliable"` (peu fiable) : une moyenne inférieure à 0,6 ;
- `"reliable"` (fiable) : une moyenne de 0,85 ou plus ;
- `"average"` (moyen) : toutes les autres moyennes.

**a.** Écrivez une fonction `reliability_class(reliability)` qui reçoit la
fiabilité d'une personne (un dictionnaire comme `G.nodes[p]["reliability"]`)
et renvoie `"unreliable"`, `"average"` ou `"reliable"`.

**b.** Utilisez-la pour compter **vos contacts** (les personnes de `G[me]`)
dans chaque classe. Rangez le résultat dans un dictionnaire `my_classes` qui
a exactement les trois clés `"unreliable"`, `"average"` et `"reliable"`
(écrivez 0 pour une classe vide), par exemple
`{"unreliable": 5, "average": 17, "reliable": 8}`.
""")
nb.answer("answer-classes", solution("def reliability_class(reliability):", """
    mean = (reliability["client"] + reliability["deadlines"] + reliability["payment"]) / 3
    if mean < 0.6:
        return "unreliable"
    if mean >= 0.85:
        return "reliable"
    return "average"
"""))
nb.answer("answer-classes-count", solution("", """
my_classes = {"unreliable": 0, "average": 0, "reliable": 0}
for other in G[me]:
    my_classes[reliability_class(G.nodes[other]["reliability"])] += 1
""", "print(my_classes)"))
nb.selfcheck("selfcheck-classes", """
# Autovérification (0 point) : deux personnes inventées, et la forme de my_classes.
ex.check_function("reliability_class", ex.answer("reliability_class"), [
    (({"client": 0.9, "deadlines": 0.95, "payment": 0.88},), "reliable",
     "une personne de fiabilités 0,9 ; 0,95 et 0,88"),
    (({"client": 0.5, "deadlines": 0.4, "payment": 0.7},), "unreliable",
     "une personne de fiabilités 0,5 ; 0,4 et 0,7"),
])
_found = ex.answer("my_classes")
ex.check_mapping("my_classes", _found, {"unreliable": 0, "average": 0, "reliable": 0},
                 keys_only=True, what="un dictionnaire avec les clés 'unreliable', 'average' et 'reliable'")
for _key, _value in _found.items():
    ex.check_type(f"my_classes[{_key!r}]", _value, "whole number")
ex.check_equal("somme des valeurs de my_classes", sum(_found.values()), G.degree(me),
               what="votre nombre de contacts", hint="comptez chacun de vos contacts dans une seule classe")
print("Autovérification réussie.")
""")
nb.test("test-classes-rule", 1, hidden("Tests cachés (1 point) : la règle, sur des personnes inventées.", """
_cases = [
    (({"client": 0.9, "deadlines": 0.9, "payment": 0.3},), "average",
     "fiabilités 0,9 ; 0,9 et 0,3 (moyenne 0,7)"),
    (({"client": 1.0, "deadlines": 1.0, "payment": 0.58},), "reliable",
     "fiabilités 1,0 ; 1,0 et 0,58 (moyenne 0,86)"),
    (({"client": 0.5, "deadlines": 0.6, "payment": 0.65},), "unreliable",
     "fiabilités 0,5 ; 0,6 et 0,65 (moyenne 0,583)"),
    (({"client": 0.62, "deadlines": 0.61, "payment": 0.63},), "average",
     "fiabilités 0,62 ; 0,61 et 0,63 (moyenne 0,62)"),
    (({"client": 0.84, "deadlines": 0.84, "payment": 0.83},), "average",
     "fiabilités 0,84 ; 0,84 et 0,83 (moyenne 0,837)"),
    (({"client": 0.97, "deadlines": 0.2, "payment": 0.99},), "average",
     "fiabilités 0,97 ; 0,2 et 0,99 (moyenne 0,72)"),
]
ex.check_function("reliability_class", ex.answer("reliability_class"), _cases,
                  hint="prenez la moyenne des trois fiabilités : en dessous de 0,6, 'unreliable' ; "
                       "0,85 ou plus, 'reliable' ; sinon, 'average'")
"""))
nb.test("test-classes-counts", 2, hidden("Tests cachés (2 points) : vos contacts dans chaque classe, sur votre propre population.", PRE + """
_expected = {"unreliable": 0, "average": 0, "reliable": 0}
for _v in _G[_me]:
    _r = _G.nodes[_v]["reliability"]
    _m = (_r["client"] + _r["deadlines"] + _r["payment"]) / 3
    _expected["unreliable" if _m < 0.6 else "reliable" if _m >= 0.85 else "average"] += 1
ex.check_mapping("my_classes", ex.answer("my_classes"), _expected,
                 what="le nombre de vos contacts dans chaque classe, sur votre propre population",
                 hint="parcourez G[me] et appliquez reliability_class à G.nodes[other]['reliability']")
"""))

# ---------------------------------------------------------------- Tâche 2
nb.task("task-risk", """
## Tâche 2 : Le côté faible du triangle (3 points)

Sur chaque projet, un partenaire tient chaque engagement avec la probabilité
donnée par sa fiabilité, indépendamment des deux autres (c'est ainsi que
fonctionne la simulation de la leçon). La probabilité qu'un partenaire
tienne **les trois** engagements sur un projet est donc le **produit** des
trois fiabilités, et la probabilité qu'il en **manque au moins un** vaut
1 moins ce produit.

- `weakest_side` : parmi les trois engagements (`"client"`, `"deadlines"`,
  `"payment"`), celui dont la **fiabilité moyenne sur vos contacts** est la
  plus basse : le côté du triangle que votre réseau tient le moins bien.
- `break_risk` : un dictionnaire dont les clés sont **tous vos contacts** et
  dont les valeurs sont, pour chacun, la probabilité qu'il manque au moins
  un engagement sur un projet, par exemple `{17: 0.41, 42: 0.08, ...}`
  (en Python, les nombres s'écrivent avec un point décimal).

*Indice : l'exemple guidé calcule la probabilité de tenir les trois
engagements pour la personne de l'exemple.*
""")
nb.answer("answer-risk", solution("", """
side_means = {}
for commitment in COMMITMENTS:
    values = [G.nodes[other]["reliability"][commitment] for other in G[me]]
    side_means[commitment] = sum(values) / len(values)
weakest_side = min(side_means, key=side_means.get)

break_risk = {}
for other in G[me]:
    rel = G.nodes[other]["reliability"]
    break_risk[other] = 1 - rel["client"] * rel["deadlines"] * rel["payment"]
""", 'print("côté le plus faible :", weakest_side)\nprint(sorted(break_risk.items())[:5])'))
nb.selfcheck("selfcheck-risk", """
# Autovérification (0 point) : un engagement, et une probabilité entre 0 et 1 pour chacun de vos contacts.
ex.check_choice("weakest_side", ex.answer("weakest_side"), COMMITMENTS, options=COMMITMENTS)
_found = ex.answer("break_risk")
ex.check_mapping("break_risk", _found, dict.fromkeys(G[me], 0), keys_only=True,
                 what="un dictionnaire avec une clé pour chacun de vos contacts")
for _key, _value in _found.items():
    ex.check_between(f"break_risk[{_key!r}]", _value, 0, 1, what="une probabilité",
                     hint="1 moins le produit des trois fiabilités")
print("Autovérification réussie.")
""")
nb.test("test-risk-side", 1, hidden("Tests cachés (1 point) : le côté le plus faible du triangle dans votre réseau.", PRE + """
_means = {}
for _c in ("client", "deadlines", "payment"):
    _means[_c] = sum(_G.nodes[_v]["reliability"][_c] for _v in _G[_me]) / _G.degree(_me)
_low = min(_means.values())
_best = [_c for _c, _m in _means.items() if _m <= _low + 1e-9]
ex.check_choice("weakest_side", ex.answer("weakest_side"), _best,
                options=["client", "deadlines", "payment"],
                what="l'engagement dont la fiabilité moyenne sur vos contacts est la plus basse",
                hint="pour chaque engagement, faites la moyenne de la fiabilité de vos contacts")
"""))
nb.test("test-risk-values", 2, hidden("Tests cachés (2 points) : la probabilité que chacun de vos contacts manque au moins un engagement.", PRE + """
_expected = {}
for _v in _G[_me]:
    _r = _G.nodes[_v]["reliability"]
    _expected[_v] = 1 - _r["client"] * _r["deadlines"] * _r["payment"]
ex.check_mapping("break_risk", ex.answer("break_risk"), _expected, tol=0.005,
                 what="pour chacun de vos contacts, la probabilité de manquer au moins un engagement",
                 hint="tenir les trois engagements, c'est le produit des trois fiabilités ; en "
                      "manquer au moins un, c'est 1 moins ce produit")
"""))

# ---------------------------------------------------------------- Tâche 3
nb.task("task-asking", """
## Tâche 3 : Ce que change le fait d'interroger son réseau (4 points)

La cellule de réponse exécute deux fois la simulation de réputation de la
leçon sur votre population, sur 12 mois, avec la même graine : une fois où
**personne** n'interroge son réseau avant de choisir un partenaire
(`ask_share=0.0`), une fois où **chaque** client l'interroge
(`ask_share=1.0`). Dans chaque résultat, le tableau `.projects` a une ligne
par projet, avec la colonne `kept` (engagements tenus, de 0 à 3).

- `broken_share` : un dictionnaire avec les deux clés `"nobody asks"`
  (personne n'interroge son réseau) et `"everyone asks"` (tout le monde
  l'interroge). Chaque valeur est la **part des projets des 6 derniers mois
  (mois 7 à 12) où le partenaire a manqué au moins un engagement** (`kept`
  inférieur à 3), un nombre entre 0 et 1. Les premiers mois sont écartés
  parce qu'au départ personne n'a encore d'expérience à rapporter.
- `fewer_breaches` : `True` si, sur vos données, les engagements manqués
  sont moins nombreux (une part plus petite) quand tout le monde interroge
  son réseau, `False` sinon.

*Indice : `table[table["period"] >= 7]` garde les lignes des mois 7 à 12,
et `(rows["kept"] < 3).mean()` donne la part des lignes où `kept` est
inférieur à 3.*
""")
nb.answer("answer-asking", solution('''
nobody_asks = reputation(G, periods=12, ask_share=0.0, seed=ex.my_seed(ASSIGNMENT, "market"))
everyone_asks = reputation(G, periods=12, ask_share=1.0, seed=ex.my_seed(ASSIGNMENT, "market"))
''', """
broken_share = {}
for name, result in [("nobody asks", nobody_asks), ("everyone asks", everyone_asks)]:
    last = result.projects[result.projects["period"] >= 7]
    broken_share[name] = float((last["kept"] < 3).mean())
fewer_breaches = broken_share["everyone asks"] < broken_share["nobody asks"]
""", "print(broken_share, fewer_breaches)"))
nb.selfcheck("selfcheck-asking", """
# Autovérification (0 point) : deux parts entre 0 et 1, et True ou False.
_found = ex.answer("broken_share")
ex.check_mapping("broken_share", _found, {"nobody asks": 0, "everyone asks": 0}, keys_only=True,
                 what="un dictionnaire avec les clés 'nobody asks' et 'everyone asks'")
for _key, _value in _found.items():
    ex.check_between(f"broken_share[{_key!r}]", _value, 0, 1, what="une part",
                     hint="divisez par le nombre de projets ; ne multipliez pas par 100")
ex.check_type("fewer_breaches", ex.answer("fewer_breaches"), "true or false")
print("Autovérification réussie.")
""")
ASK_SIM = '''from weakties.scenarios import reputation as _reputation
_shares = {}
for _name, _ask in (("nobody asks", 0.0), ("everyone asks", 1.0)):
    _p = _reputation(_G, periods=12, ask_share=_ask, seed=ex.my_seed(_A, "market")).projects
    _last = _p[_p["period"] > 6]
    _shares[_name] = sum(1 for _k in _last["kept"] if _k < 3) / len(_last)'''
nb.test("test-asking-form", 1, hidden("Tests cachés (1 point) : deux parts entre 0 et 1.", PRE + "\n" + ASK_SIM + """
_found = ex.answer("broken_share")
ex.check_mapping("broken_share", _found, {"nobody asks": 0, "everyone asks": 0}, keys_only=True,
                 what="un dictionnaire avec les clés 'nobody asks' et 'everyone asks'")
for _key, _value in _found.items():
    ex.check_between(f"broken_share[{_key!r}]", _value, 0, 1, what="une part",
                     hint="divisez par le nombre de projets ; ne multipliez pas par 100")
"""))
nb.test("test-asking-values", 2, hidden("Tests cachés (2 points) : la part des projets avec un engagement manqué, mois 7 à 12.", """
# _shares : calculé par la première cellule de test de cette tâche, à partir de vos propres données.
ex.check_mapping("broken_share", ex.answer("broken_share"), _shares, tol=0.005,
                 what="pour chaque simulation, la part des projets des mois 7 à 12 avec au moins "
                      "un engagement manqué",
                 hint="ne gardez que les lignes dont la période vaut 7 ou plus, puis comptez les "
                      "lignes où 'kept' est inférieur à 3")
"""))
nb.test("test-asking-choice", 1, hidden("Tests cachés (1 point) : ce que disent vos propres chiffres.", """
# _shares : calculé par la première cellule de test de cette tâche, à partir de vos propres données.
_found = ex.answer("fewer_breaches")
ex.check_type("fewer_breaches", _found, "true or false")
ex.check_choice("fewer_breaches", bool(_found), [_shares["everyone asks"] < _shares["nobody asks"]],
                options=[True, False],
                what="s'il y a moins d'engagements manqués quand tout le monde interroge son "
                     "réseau, sur vos données",
                hint="comparez les deux valeurs de broken_share")
"""))

# ---------------------------------------------------------------- Tâche 4
nb.task("task-ask", """
## Tâche 4 : Interrogez votre réseau avant de vous engager (5 points)

Vous devez choisir un partenaire parmi `CANDIDATES` pour un projet. Avant
de vous engager, vous interrogez votre réseau : « avez-vous travaillé avec
cette personne ? ». Un témoignage est l'expérience d'un **client** qui a
travaillé avec le candidat, lue dans `history` : le nombre d'engagements
tenus divisé par 3 (1 signifie que les trois ont été tenus). Les règles sont
celles de la simulation de la leçon :

- seul compte le **dernier** projet de chaque client avec le candidat
  (celui dont la période `period` est la plus grande) ;
- un témoignage venant de **vous** ou de l'un de **vos contacts** a un poids
  de 1 ; un témoignage venant d'un **contact d'un contact** (une personne
  qui n'est pas votre contact mais qui a au moins un contact en commun avec
  vous) a un poids de 0,5 ; les témoignages des autres personnes ne vous
  parviennent pas ;
- le **score** du candidat est la moyenne pondérée des témoignages qui vous
  parviennent : (somme des poids x témoignages) / (somme des poids). Si aucun
  témoignage ne vous parvient, le score vaut `None`.

**a.** Écrivez une fonction `network_score(G, me, history, candidate)` qui
renvoie le score de `candidate` (un nombre entre 0 et 1, ou `None`).

**b.** `scores` : un dictionnaire dont les clés sont les cinq `CANDIDATES`
et dont les valeurs sont leurs scores.

**c.** `choice` : le candidat que vous choisissez, celui qui a le **score le
plus élevé**. Un candidat sur qui personne ne témoigne compte pour 0,75
(tout juste acceptable). Si plusieurs candidats ont le même score le plus
élevé, n'importe lequel d'entre eux est une bonne réponse.

**d.** `avoid` : la liste des candidats dont le score est **inférieur à
0,75** (un candidat sans score n'est pas à éviter).

*Indice : l'exemple guidé montre comment trouver dans `history` les
projets d'un partenaire, et les contacts que deux personnes ont en commun.*
""")
nb.answer("answer-ask", solution("def network_score(G, me, history, candidate):", """
    mine = set(G[me])
    last = {}   # client -> (période, témoignage)
    for row in history[history["partner"] == candidate].itertuples():
        if row.client not in last or row.period >= last[row.client][0]:
            last[row.client] = (row.period, row.kept / 3)
    total = 0.0
    weights = 0.0
    for client, (period, report) in last.items():
        if client == me or client in mine:
            weight = 1.0
        elif mine & set(G[client]):
            weight = 0.5
        else:
            continue
        total = total + weight * report
        weights = weights + weight
    if weights == 0:
        return None
    return total / weights
"""))
nb.answer("answer-ask-choice", solution("", """
scores = {candidate: network_score(G, me, history, candidate) for candidate in CANDIDATES}
def counted(candidate):
    return 0.75 if scores[candidate] is None else scores[candidate]
choice = max(CANDIDATES, key=counted)
avoid = [c for c in CANDIDATES if scores[c] is not None and scores[c] < 0.75]
""", 'print("scores :", scores)\nprint("choix :", choice, " à éviter :", avoid)'))
nb.selfcheck("selfcheck-ask", """
# Autovérification (0 point) : un réseau et un historique inventés, puis la forme de vos réponses.
import networkx as _nx
import pandas as _pd
_toy = _nx.Graph([(0, 1), (0, 2), (1, 3), (3, 4)])   # vous êtes 0 ; 1 et 2 sont vos contacts
_toy_history = _pd.DataFrame({
    "period": [1, 2, 3, 5, 1, 4],
    "client": [1, 3, 4, 2, 2, 0],
    "partner": [9, 9, 9, 9, 9, 7],
    "kept": [3, 0, 0, 3, 0, 2]})
ex.check_function("network_score", ex.answer("network_score"), [
    ((_toy, 0, _toy_history, 9), 0.8,
     "l'exemple inventé (témoignages 1 et 1 de vos contacts 1 et 2, dont compte le dernier "
     "projet ; 0 de la personne 3, un contact d'un contact ; la personne 4 est trop loin)"),
    ((_toy, 0, _toy_history, 7), 2 / 3, "un candidat qui a travaillé pour vous (2 engagements tenus sur 3)"),
    ((_toy, 0, _toy_history, 8), None, "un candidat avec qui personne n'a travaillé"),
], tol=0.001)
_scores = ex.answer("scores")
ex.check_mapping("scores", _scores, dict.fromkeys(CANDIDATES, 0), keys_only=True,
                 what="un dictionnaire avec une clé pour chacun des CANDIDATES")
for _key, _value in _scores.items():
    if _value is not None:
        ex.check_between(f"scores[{_key!r}]", _value, 0, 1, what="un score")
ex.check_person("choice", ex.answer("choice"), G, among=CANDIDATES, what="l'un des CANDIDATES")
ex.check_type("avoid", ex.answer("avoid"), "collection")
for _p in ex.answer("avoid"):
    ex.check_person("avoid", _p, G, among=CANDIDATES, what="l'un des CANDIDATES")
print("Autovérification réussie.")
""")
nb.test("test-ask-rule", 1, hidden("Tests cachés (1 point) : les règles, sur un autre réseau inventé.", PRE + "\n" + HIST + "\n" + SCORE + """
_expected_scores = {_c: _score(_G, _me, _history, _c) for _c in _cands}
import networkx as _nx
import pandas as _pd
_toy = _nx.Graph([(10, 11), (10, 12), (11, 13), (12, 13), (13, 14), (12, 15)])
_toy_history = _pd.DataFrame({
    "period": [6, 2, 3, 3, 8, 1, 2, 5, 7],
    "client": [11, 11, 13, 15, 14, 12, 10, 15, 14],
    "partner": [5, 5, 5, 5, 5, 6, 6, 5, 4],
    "kept": [0, 3, 3, 1, 0, 1, 3, 3, 3]})
ex.check_function("network_score", ex.answer("network_score"), [
    ((_toy, 10, _toy_history, 5), (1.0 * 0 + 0.5 * 1 + 0.5 * 1) / 2.0,
     "un candidat dont le dernier projet avec votre contact s'est mal passé (lignes non triées "
     "par mois), avec deux témoignages de contacts de contacts"),
    ((_toy, 10, _toy_history, 6), (1 / 3 + 1) / 2, "un candidat qui a travaillé pour vous et pour un contact"),
    ((_toy, 14, _toy_history, 6), 1 / 3, "un candidat connu seulement d'un contact d'un contact"),
    ((_toy, 10, _toy_history, 4), None, "un candidat dont le seul client est trop loin"),
], tol=0.001,
   hint="seul compte le dernier projet de chaque client (la plus grande période, quel que soit "
        "l'ordre des lignes) ; poids 1 pour vous et vos contacts, 0,5 pour les contacts de contacts")
"""))
nb.test("test-ask-scores", 2, hidden("Tests cachés (2 points) : le score de chaque candidat, sur votre propre population.", """
# _expected_scores et _cands : calculés par la première cellule de test de cette tâche, à partir de vos propres données.
_found = ex.answer("scores")
ex.check_mapping("scores", _found, dict.fromkeys(_cands, 0), keys_only=True,
                 what="un dictionnaire avec une clé pour chacun des CANDIDATES")
for _c in _cands:
    _exp, _got = _expected_scores[_c], _found[_c]
    if _exp is None:
        ex.check_equal(f"scores[{_c!r}]", _got, None, what="None : aucun témoignage ne vous parvient",
                       hint="renvoyez None quand personne à deux pas ou moins n'a travaillé avec le candidat")
    else:
        ex.check_type(f"scores[{_c!r}]", _got, "number",
                      hint="une personne à deux pas ou moins de vous a travaillé avec ce candidat")
        ex.check_close(f"scores[{_c!r}]", _got, _exp, tol=0.005, reveal=False,
                       what="la moyenne pondérée des témoignages qui vous parviennent",
                       hint="poids 1 pour vous et vos contacts, 0,5 pour les contacts de contacts ; "
                            "seul compte le dernier projet de chaque client")
"""))
nb.test("test-ask-choice", 1, hidden("Tests cachés (1 point) : le candidat que vous choisissez.", """
# _expected_scores et _cands : calculés par la première cellule de test de cette tâche, à partir de vos propres données.
_counted = {}
for _c in _cands:
    _s = _expected_scores[_c]
    _counted[_c] = 0.75 if _s is None else _s
_top = max(_counted.values())
ex.check_choice("choice", ex.answer("choice"), [_c for _c in _cands if _counted[_c] >= _top - 1e-9],
                options=_cands, what="le candidat au score le plus élevé (0,75 sans témoignage)",
                hint="comparez les scores ; un candidat sur qui personne ne témoigne compte pour 0,75")
"""))
nb.test("test-ask-avoid", 1, hidden("Tests cachés (1 point) : les candidats à éviter.", """
# _expected_scores et _cands : calculés par la première cellule de test de cette tâche, à partir de vos propres données.
_expected = []
for _c in _cands:
    _s = _expected_scores[_c]
    if _s is not None and _s < 0.75:
        _expected.append(_c)
ex.check_items("avoid", ex.answer("avoid"), _expected,
               what="les candidats dont le score est inférieur à 0,75",
               hint="un candidat sans score (None) n'est pas à éviter")
"""))

# ---------------------------------------------------------------- Réflexion
nb.rubric("task-reflection", """
## Tâche 5 : Réflexion (5 points, notée par votre formateur ou formatrice)

Dans la cellule ci-dessous, en cinq à dix phrases :

1. Indiquez quel candidat vous avez choisi à la tâche 4 et pourquoi, avec
   les chiffres : le score, le nombre de témoignages qui vous sont parvenus
   et leur origine (vos contacts ou des contacts de contacts). Dites ce que
   vous auriez su si vous aviez interrogé **seulement vos propres
   contacts**.
2. Dites, avec vos chiffres de la tâche 3, ce que montre la simulation quand
   chaque client interroge son réseau avant de s'engager (*transparence
   augmentée*). Nommez ensuite les hypothèses du modèle qui produisent ce
   résultat (ce qu'il tient pour acquis sur les témoignages et sur ce que les
   clients en font), et donnez une raison pour laquelle la vie réelle peut
   être différente.
3. Nommez le côté le plus faible du triangle dans votre réseau (tâche 2).
   Écrivez la question que vous poseriez à un contact sur ce point avant de
   vous engager avec un partenaire, et dites quel contact vous
   interrogeriez et pourquoi (par son numéro et son métier, jamais par un
   nom réel).

Vous pouvez ajouter une cellule de code sous celle-ci pour examiner vos
données ; elle n'est pas notée.

**Barème (5 points)**

- 2 points : le choix de la tâche 4 est justifié par ses chiffres (1 point :
  le score et le nombre de témoignages), et la réponse remarque que la
  plupart des témoignages viennent de contacts de contacts, si bien
  qu'interroger seulement ses contacts proches n'aurait appris que peu de
  chose, voire rien (1 point).
- 1 point : lit la tâche 3 comme un résultat du modèle, et non comme un fait
  sur le monde : chiffres à l'appui, les engagements manqués sont moins
  nombreux quand les clients interrogent leur réseau, *parce que* le modèle
  suppose que les témoignages sont sincères et que les clients évitent les
  partenaires mal notés (les deux hypothèses sont nommées) ; et une raison
  crédible pour laquelle la vie réelle peut être différente (des
  témoignages trop polis ou partiaux, un partenaire trop nouveau pour avoir
  des témoignages, un réseau trop petit pour le connaître). Une réponse qui
  présente la baisse comme prouvée n'obtient rien ici.
- 2 points : une question concrète sur l'engagement le plus faible (1 point :
  par exemple « a-t-il payé vos factures à temps ? » pour le paiement),
  adressée à un contact choisi pour son expérience de ce type de partenaires
  plutôt que pour sa proximité (1 point).
""")
nb.reflection("answer-reflection", 5, """
### BEGIN SOLUTION
*Exemple de réponse (les chiffres diffèrent pour chaque apprenant).* J'ai
choisi le candidat 159 : son score est de 1,0, à partir de quatre
témoignages, l'un de mon contact 212 et trois de contacts de contacts ; le
candidat 32 a obtenu 0,67 et je l'éviterais. Si j'avais interrogé seulement
mes propres contacts, j'aurais eu un témoignage sur un seul candidat et
rien sur les quatre autres : l'expérience utile se trouve à deux pas. À la
tâche 3, quand chaque client interroge son réseau, 39 % des projets des six
derniers mois ont eu un engagement manqué, contre 53 % quand personne ne
l'interroge. C'est la transparence augmentée telle que le modèle la
construit : il suppose que chaque témoignage est sincère et qu'un client
n'engage jamais un partenaire mal noté, si bien que les partenaires peu
fiables sont écartés. Dans la vie réelle, les collègues sont souvent trop
polis pour signaler un retard de paiement, et la baisse pourrait donc être
plus faible. Le côté le plus faible de mon réseau est le paiement. Avant de
signer avec un partenaire, je demanderais : « quand vous avez travaillé
avec lui, vos factures ont-elles été payées à la date convenue ? ». Je
poserais la question à mon contact 87, un comptable qui a travaillé avec
beaucoup de petites entreprises de mon secteur, plutôt qu'à un ami proche
qui n'a jamais travaillé avec ce partenaire.
### END SOLUTION
""")

print(nb.write())
