"""Construit exercises/07-recherche-d-emploi/07-recherche-d-emploi.ipynb, l'édition française de 07-job-search (`python exercises/.sources/build.py`; un test vérifie que les deux concordent)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from authoring import hidden, HOW_FR as HOW, Notebook, OWN_FR as OWN, solution  # noqa: E402

A = "07-job-search"        # l'exercice anglais : la graine des données de l'apprenant, les mêmes dans les deux langues
F = "07-recherche-d-emploi"
nb = Notebook(F, lang="fr", edition_of=A)
PRE = f'''_A = "{A}"
_G = ex.reference_population(_A, n=500)
_target = ex.my_pick(_A, sorted({{_G.nodes[_p]["sector"] for _p in _G}}), role="target")
_possible = set()
for _p in _G:
    _in = [_q for _q in _G[_p] if _G.nodes[_q]["sector"] == _target]
    if (_G.nodes[_p]["sector"] != _target and len(_in) >= 4
            and sum(1 for _q in _in if _G[_p][_q]["strength"] < 0.5) >= 3):
        _possible.add(_p)
_me = ex.my_person(_G, _A, min_strong=3, min_weak=10, where=lambda _H, _p: _p in _possible)
_in_target = [_q for _q in _G[_me] if _G.nodes[_q]["sector"] == _target]'''

nb.markdown("intro", f"""
# Exercice 07 : Recherche d'emploi

Cet exercice accompagne la **Leçon 07 : Recherche d'emploi**
(`course/fr/{F}.ipynb`). « Vous »
cherchez un emploi dans un autre secteur que le vôtre. Vous repérez les
contacts qui travaillent dans ce secteur, vous décidez qui solliciter en
premier, et vous lisez, dans les simulations de la leçon, comment les pistes
d'emploi dépendent des contacts que les personnes ont en commun, et pourquoi
ce que l'on observe sur les liens forts diffère de ce que montre une
expérience.

{OWN}

{HOW}

| Tâche | Contenu | Points |
|---|---|---|
| 1 | Qui travaille dans le secteur que vous visez ? | 3 |
| 2 | Qui pourrait vous apprendre du nouveau ? | 4 |
| 3 | Pistes d'emploi et contacts communs | 4 |
| 4 | Liens forts ou faibles : ce que l'on observe, et ce que montre une expérience | 4 |
| 5 | Réflexion (notée par votre formateur ou formatrice) | 5 |
| | **Total** | **20** |

Durée : environ 60 minutes.
""")

nb.markdown("setup-text", """
## Votre population

Exécutez d'abord la cellule suivante. Elle construit votre population de
500 professionnels en France, choisit le secteur de l'emploi que vous visez
(`TARGET`), puis la personne qui est **vous** (`me`) : quelqu'un qui
travaille dans un autre secteur et connaît au moins quatre personnes de
`TARGET`. Elle choisit aussi une autre personne pour l'exemple guidé
(`example`). Si elle indique qu'aucun identifiant d'apprenant n'est défini,
suivez ses instructions, puis exécutez-la de nouveau.
""")

nb.setup("setup", f"""
import weakties
from weakties import exercises as ex
from weakties.scenarios import job_search, tie_experiment
weakties.i18n.set_language("fr")

ASSIGNMENT = "{A}"
G = ex.my_population(ASSIGNMENT, n=500)
SECTORS = sorted({{G.nodes[p]["sector"] for p in G}})
TARGET = ex.my_pick(ASSIGNMENT, SECTORS, role="target")   # le secteur de l'emploi que vous visez

# « Vous » travaillez hors de TARGET et y connaissez au moins 4 personnes, dont 3 par des liens faibles.
possible = []
for p in sorted(G):
    inside = [q for q in G[p] if G.nodes[q]["sector"] == TARGET]
    weak_inside = [q for q in inside if G[p][q]["strength"] < 0.5]
    if G.nodes[p]["sector"] != TARGET and len(inside) >= 4 and len(weak_inside) >= 3:
        possible.append(p)
me = ex.my_person(G, ASSIGNMENT, min_strong=3, min_weak=10, where=lambda G, p: p in possible)
example = ex.my_person(G, ASSIGNMENT, role="example", exclude=[me])

print(f"Votre population : {{G.number_of_nodes()}} personnes et {{G.number_of_edges()}} liens.")
print("Vous :", ex.describe_person(G, me))
print("Vous cherchez un emploi dans le secteur :", TARGET)
""")

nb.markdown("example-text", """
## Exemple guidé : secteurs, contacts communs et fréquence des rencontres

Pour la personne de l'exemple, la cellule ci-dessous :

- énumère ses contacts qui travaillent dans un secteur donné
  (`G.nodes[q]["sector"]`) ;
- pour chacun d'eux, affiche la **classe de fréquence** du lien
  (`weakties.ties.frequency_band`) : `"often"` (souvent : deux fois par
  semaine ou plus), `"rarely"` (rarement : une fois par an ou moins) ou
  `"occasionally"` (de temps en temps : entre les deux), les classes de
  l'étude de Granovetter *Getting a Job* (1974) ;
- compte les **contacts communs** de chaque lien : les personnes que les
  deux extrémités connaissent, `set(G[a]) & set(G[b])`.

Elle exécute ensuite la simulation de recherche d'emploi de la leçon sur
50 personnes pendant 3 mois et affiche deux de ses tableaux : `ties` (une
ligne par lien d'une personne en recherche, avec le nombre de demandes
`asks` et de pistes `leads` reçues) et `seekers` (une ligne par personne en
recherche, avec le nombre de demandes faites et si elle a été embauchée,
`hired`).
""")

nb.example("example", """
sector = G.nodes[example]["sector"]
same_sector = [q for q in G[example] if G.nodes[q]["sector"] == sector]
print("La personne", example, "travaille dans", sector, "et y connaît", len(same_sector), "personnes.")
for q in sorted(same_sector)[:5]:
    tie = G[example][q]
    shared = set(G[example]) & set(G[q])
    print("  contact", q, "- force", round(tie["strength"], 2),
          "- classe", weakties.ties.frequency_band(tie["frequency"]),
          "- contacts communs", len(shared))

demo = job_search(G, list(range(50)), rounds=3, seed=1)
print(demo.ties.head())
print(demo.seekers.head())
""")

# ---------------------------------------------------------------- Tâche 1
nb.task("task-target", """
## Tâche 1 : Qui travaille dans le secteur que vous visez ? (3 points)

- `target_contacts` : la liste de **vos** contacts (les personnes de
  `G[me]`) qui travaillent dans le secteur `TARGET`.
- `target_bands` : la fréquence à laquelle vous les voyez. Un dictionnaire
  avec exactement les trois clés `"often"`, `"occasionally"` et `"rarely"`,
  dont les valeurs sont les nombres de vos contacts de `TARGET` dans chaque
  classe de fréquence (0 pour une classe vide), par exemple
  `{"often": 0, "occasionally": 3, "rarely": 2}`.

Granovetter (1974) a demandé à des personnes qui avaient trouvé un emploi
grâce à un contact à quelle fréquence elles voyaient ce contact : *souvent*
pour 16,7 % d'entre elles, *de temps en temps* pour 55,6 %, *rarement* pour
27,8 %. Gardez vos classes en tête pour la réflexion.
""")
nb.answer("answer-target", solution("", """
target_contacts = [q for q in G[me] if G.nodes[q]["sector"] == TARGET]
target_bands = {"often": 0, "occasionally": 0, "rarely": 0}
for q in target_contacts:
    target_bands[weakties.ties.frequency_band(G[me][q]["frequency"])] += 1
""", 'print(target_contacts)\nprint(target_bands)'))
nb.selfcheck("selfcheck-target", """
# Autovérification (0 point) : vos contacts, et trois classes qui comptent chacun d'eux une fois.
_found = ex.answer("target_contacts")
ex.check_type("target_contacts", _found, "collection")
for _p in _found:
    ex.check_person("target_contacts", _p, G, among=G[me], what="l'un de vos contacts")
_bands = ex.answer("target_bands")
ex.check_mapping("target_bands", _bands, {"often": 0, "occasionally": 0, "rarely": 0},
                 keys_only=True, what="un dictionnaire avec les clés 'often', 'occasionally' et 'rarely'")
for _key, _value in _bands.items():
    ex.check_type(f"target_bands[{_key!r}]", _value, "whole number")
ex.check_equal("somme des valeurs de target_bands", sum(_bands.values()), len(_found),
               what="le nombre de personnes de target_contacts",
               hint="placez chacun de vos contacts de TARGET dans une seule classe")
print("Autovérification réussie.")
""")
nb.test("test-target-people", 1, hidden("Tests cachés (1 point) : vos contacts qui travaillent dans le secteur que vous visez.", PRE + """
ex.check_items("target_contacts", ex.answer("target_contacts"), _in_target,
               what="vos contacts qui travaillent dans TARGET",
               hint="parcourez G[me] et gardez les personnes dont le secteur est TARGET")
"""))
nb.test("test-target-bands", 2, hidden("Tests cachés (2 points) : la fréquence à laquelle vous les voyez.", PRE + """
_expected = {"often": 0, "occasionally": 0, "rarely": 0}
for _q in _in_target:
    _f = _G[_me][_q]["frequency"]
    _expected["often" if _f >= 104 else "rarely" if _f <= 1 else "occasionally"] += 1
ex.check_mapping("target_bands", ex.answer("target_bands"), _expected,
                 what="le nombre de vos contacts de TARGET dans chaque classe de fréquence",
                 hint="utilisez weakties.ties.frequency_band(G[me][q]['frequency']) pour chacun de "
                      "vos contacts de TARGET")
"""))

# ---------------------------------------------------------------- Tâche 2
nb.task("task-new", """
## Tâche 2 : Qui pourrait vous apprendre du nouveau ? (4 points)

Un contact ne peut vous apprendre qu'une offre dont vous n'avez pas déjà
entendu parler. Les nouvelles des offres passent de personne en personne :
ce que votre contact apprend de personnes que vous connaissez aussi peut
vous parvenir de toute façon. Les personnes que votre contact connaît et
que **vous ne connaissez pas** (ni vous ni aucun de vos contacts) sont
celles dont vous ne pouvez avoir les nouvelles que par ce contact. La
simulation de la leçon ne contient aucune formule pour cela : la nouveauté
des nouvelles d'un contact vient de la part de vos cercles qui se
recouvrent.

- `new_people` : un dictionnaire `{q: nombre}` pour chaque personne `q` de
  `target_contacts` : le nombre de contacts de `q` qui ne sont ni vous ni
  l'un de vos contacts.
- `ask_first` : la liste des **3 personnes** de `target_contacts` qui ont le
  **plus** de personnes nouvelles, la première ayant le plus grand nombre.

*Indice : `set(G[q]) - set(G[me]) - {me}` est l'ensemble des contacts de
`q` que vous ne connaissez pas.*
""")
nb.answer("answer-new", solution("", """
new_people = {}
for q in target_contacts:
    new_people[q] = len(set(G[q]) - set(G[me]) - {me})
ask_first = sorted(target_contacts, key=lambda q: new_people[q], reverse=True)[:3]
""", """for q in ask_first:
    print(q, "force", round(G[me][q]["strength"], 2), "personnes nouvelles", new_people[q])"""))
nb.selfcheck("selfcheck-new", """
# Autovérification (0 point) : un nombre pour chacun de vos contacts de TARGET, puis 3 d'entre eux.
_counts = ex.answer("new_people")
ex.check_mapping("new_people", _counts, dict.fromkeys(ex.answer("target_contacts"), 0),
                 keys_only=True, what="un dictionnaire avec une clé pour chaque personne de target_contacts")
for _key, _value in _counts.items():
    ex.check_type(f"new_people[{_key!r}]", _value, "whole number")
_found = ex.answer("ask_first")
ex.check_type("ask_first", _found, "list")
ex.check_equal("len(ask_first)", len(_found), 3, what="3 personnes")
for _p in _found:
    ex.check_person("ask_first", _p, G, among=ex.answer("target_contacts"),
                    what="l'un de vos contacts de TARGET")
print("Autovérification réussie.")
""")
nb.test("test-new-values", 2, hidden("Tests cachés (2 points) : les personnes que chaque contact connaît et que vous ne connaissez pas.", PRE + """
_mine = set(_G[_me]) | {_me}
_new = {_q: len(set(_G[_q]) - _mine) for _q in _in_target}
ex.check_mapping("new_people", ex.answer("new_people"), _new,
                 what="pour chacun de vos contacts de TARGET, ses contacts que vous ne connaissez pas",
                 hint="écartez vous-même et chacun de vos contacts : set(G[q]) - set(G[me]) - {me}")
"""))
nb.test("test-new-people", 1, hidden("Tests cachés (1 point) : les 3 personnes à solliciter en premier.", """
# _new (les personnes nouvelles pour vous de chaque contact) : calculé par la première cellule de test de cette tâche.
_third = sorted(_new.values(), reverse=True)[2]
_sure = {_q for _q in _new if _new[_q] > _third}
_tied = {_q for _q in _new if _new[_q] == _third}
_found = ex.answer("ask_first")
ex.check_type("ask_first", _found, "list")
_got = set(_found)
if not (len(_got) == 3 and _sure <= _got and _got <= _sure | _tied):
    raise ex.CheckFailed("ask_first", "les 3 personnes de target_contacts qui ont le plus de "
                         "personnes nouvelles pour vous", f"{len(_got & (_sure | _tied))} d'entre elles parmi ces 3",
                         "triez target_contacts selon new_people, du plus grand au plus petit, et gardez-en 3")
"""))
nb.test("test-new-order", 1, hidden("Tests cachés (1 point) : le plus de personnes nouvelles en premier.", """
# _new et _in_target : calculés par la première cellule de test de cette tâche, à partir de vos propres données.
_found = ex.answer("ask_first")
ex.check_type("ask_first", _found, "list")
ex.check_equal("len(ask_first)", len(_found), 3, what="3 personnes")
for _p in _found:
    ex.check_person("ask_first", _p, _G, among=_in_target, what="l'un de vos contacts de TARGET")
ex.check_order("ask_first", _found, lambda _q: _new[_q],
               what="le plus de personnes nouvelles en premier", hint="triez avec reverse=True")
"""))

# ---------------------------------------------------------------- Tâche 3
GROUPS = '["0", "1-2", "3-5", "6-9", "10 or more"]'
nb.task("task-mutual", """
## Tâche 3 : Pistes d'emploi et contacts communs (4 points)

Dans une expérience randomisée portant sur quelque 20 millions de membres
de LinkedIn, Rajkumar et ses collègues (Science, 2022) ont constaté que les
nouveaux emplois venaient le plus souvent de liens **modérément faibles** :
des liens avec quelques contacts communs, mais pas beaucoup (un U
inversé). La simulation de la leçon n'a pas reçu cette information : voyez
ce qu'elle donne sur votre population. La cellule de réponse fait chercher
un emploi à **tout le monde** pendant 12 mois, en sollicitant toutes sortes
de contacts (`strategy="everyone"`). Dans `search.ties`, chaque ligne est
un lien d'une personne en recherche, avec son nombre de contacts communs
(`mutual`) et le nombre de pistes (`leads` : des offres nouvelles pour la
personne en recherche) qu'il a apportées.

- `leads_per_100_ties` : un dictionnaire avec les cinq clés `"0"`, `"1-2"`,
  `"3-5"`, `"6-9"` et `"10 or more"` (10 ou plus) : des groupes de liens
  selon leur nombre de contacts communs. Pour chaque groupe : 100 x (total
  des pistes des lignes du groupe) / (nombre de lignes du groupe).
- `peak` : le groupe (l'une des cinq clés) qui a le plus de pistes pour
  100 liens.

*Indice : `rows = table[(table["mutual"] >= 1) & (table["mutual"] <= 2)]`
garde les lignes qui ont 1 ou 2 contacts communs ; `len(rows)` les
compte.*
""")
nb.answer("answer-mutual", solution('''
search = job_search(G, list(G), rounds=12, seed=ex.my_seed(ASSIGNMENT, "search"), strategy="everyone")
table = search.ties
''', """
groups = {"0": (0, 0), "1-2": (1, 2), "3-5": (3, 5), "6-9": (6, 9), "10 or more": (10, 10000)}
leads_per_100_ties = {}
for name, (low, high) in groups.items():
    rows = table[(table["mutual"] >= low) & (table["mutual"] <= high)]
    leads_per_100_ties[name] = 100 * rows["leads"].sum() / len(rows)
peak = max(leads_per_100_ties, key=leads_per_100_ties.get)
""", "print(leads_per_100_ties, peak)"))
nb.selfcheck("selfcheck-mutual", f"""
# Autovérification (0 point) : cinq nombres de pistes pour 100 liens, et l'un des cinq groupes.
_found = ex.answer("leads_per_100_ties")
_groups = {GROUPS}
ex.check_mapping("leads_per_100_ties", _found, dict.fromkeys(_groups, 0), keys_only=True,
                 what="un dictionnaire avec les clés " + ", ".join(repr(_g) for _g in _groups))
for _key, _value in _found.items():
    ex.check_between(f"leads_per_100_ties[{{_key!r}}]", _value, 0, 100, what="des pistes pour 100 liens",
                     hint="divisez les pistes du groupe par son nombre de lignes, puis multipliez par 100")
ex.check_choice("peak", ex.answer("peak"), _groups, options=_groups)
print("Autovérification réussie.")
""")
MUTUAL_SIM = '''from weakties.scenarios import job_search as _job_search
_t = _job_search(_G, list(_G), rounds=12, seed=ex.my_seed(_A, "search"), strategy="everyone").ties
_sums = {"0": [0, 0], "1-2": [0, 0], "3-5": [0, 0], "6-9": [0, 0], "10 or more": [0, 0]}
for _m, _leads in zip(_t["mutual"], _t["leads"]):
    _g = ("0" if _m == 0 else "1-2" if _m <= 2 else "3-5" if _m <= 5 else "6-9" if _m <= 9
          else "10 or more")
    _sums[_g][0] += int(_leads)
    _sums[_g][1] += 1
_expected = {_g: 100 * _l / _k for _g, (_l, _k) in _sums.items()}'''
nb.test("test-mutual-form", 1, hidden("Tests cachés (1 point) : cinq groupes, chacun avec un nombre de pistes pour 100 liens.", "_A = \"" + A + "\"\n_G = ex.reference_population(_A, n=500)\n" + MUTUAL_SIM + f"""
_found = ex.answer("leads_per_100_ties")
_groups = {GROUPS}
ex.check_mapping("leads_per_100_ties", _found, dict.fromkeys(_groups, 0), keys_only=True,
                 what="un dictionnaire avec les clés " + ", ".join(repr(_g) for _g in _groups))
for _key, _value in _found.items():
    ex.check_between(f"leads_per_100_ties[{{_key!r}}]", _value, 0, 100, what="des pistes pour 100 liens")
"""))
nb.test("test-mutual-values", 2, hidden("Tests cachés (2 points) : les pistes pour 100 liens dans chaque groupe, dans votre simulation.", """
# _expected : calculé par la première cellule de test de cette tâche, à partir de votre propre simulation.
ex.check_mapping("leads_per_100_ties", ex.answer("leads_per_100_ties"), _expected, tol=0.01,
                 what="pour chaque groupe, 100 x ses pistes divisées par son nombre de liens, dans "
                      "votre simulation",
                 hint="divisez par le nombre de lignes (de liens) du groupe, et non par le nombre de "
                      "demandes (asks) ; multipliez par 100")
"""))
nb.test("test-mutual-peak", 1, hidden("Tests cachés (1 point) : où les pistes culminent.", f"""
# _expected : calculé par la première cellule de test de cette tâche, à partir de votre propre simulation.
_top = max(_expected.values())
ex.check_choice("peak", ex.answer("peak"), [_g for _g, _v in _expected.items() if _v >= _top - 1e-9],
                options={GROUPS},
                what="le groupe qui a le plus de pistes pour 100 liens dans votre simulation",
                hint="prenez la clé de leads_per_100_ties qui a la plus grande valeur")
"""))

# ---------------------------------------------------------------- Tâche 4
nb.task("task-experiment", """
## Tâche 4 : Liens forts ou faibles : ce que l'on observe, et ce que montre une expérience (4 points)

La plupart des gens cherchent comme ils vivent : ils sollicitent d'abord
leurs proches. Si l'on compte ensuite, parmi les personnes qui ont trouvé
un emploi grâce à un contact, combien l'ont trouvé par un lien fort, les
liens forts paraissent très utiles. Rajkumar et ses collègues (2022) ont pu
au contraire comparer des groupes de membres de LinkedIn à qui la plateforme
avait suggéré, au hasard, davantage de liens forts ou davantage de liens
faibles. La cellule de réponse fait les deux sur votre population avec
`tie_experiment` :

- `experiment.ties` : le monde **tel qu'on l'observe** (chacun sollicite
  d'abord ses contacts les plus proches) : une ligne par type de lien
  (`tie` : `"strong"` pour fort ou `"weak"` pour faible), avec le nombre de
  liens de ce type (`ties`) et les emplois trouvés par eux (`hires`) ;
- `experiment.arms` : l'**expérience randomisée** : des personnes en
  recherche réparties au hasard en deux groupes (`arm` : `"strong"` ou
  `"weak"`), à qui l'on demande de solliciter seulement des liens forts, ou
  seulement des liens faibles ; avec le nombre de personnes en recherche
  (`seekers`) et le nombre de personnes embauchées (`hired`).

Calculez :

- `naive` : (embauches par lien fort) / (embauches par lien faible), à
  partir de `experiment.ties` ;
- `randomised` : (part des embauchés dans le groupe `"strong"`) / (part des
  embauchés dans le groupe `"weak"`), à partir de `experiment.arms` ;
- `naive_favours` et `randomised_favours` : `"strong"` si le rapport est
  supérieur à 1, `"weak"` s'il est inférieur à 1.
""")
nb.answer("answer-experiment", solution('''
experiment = tie_experiment(G, seed=ex.my_seed(ASSIGNMENT, "experiment"), runs=10)
ties = experiment.ties.set_index("tie")
arms = experiment.arms.set_index("arm")
''', """
naive = (ties.loc["strong", "hires"] / ties.loc["strong", "ties"]) / \\
        (ties.loc["weak", "hires"] / ties.loc["weak", "ties"])
randomised = (arms.loc["strong", "hired"] / arms.loc["strong", "seekers"]) / \\
             (arms.loc["weak", "hired"] / arms.loc["weak", "seekers"])
naive_favours = "strong" if naive > 1 else "weak"
randomised_favours = "strong" if randomised > 1 else "weak"
""", "print(naive, naive_favours, randomised, randomised_favours)"))
nb.selfcheck("selfcheck-experiment", """
# Autovérification (0 point) : deux rapports positifs, et deux côtés.
for _name in ("naive", "randomised"):
    ex.check_between(_name, ex.answer(_name), 0, 100, what="un rapport entre deux taux",
                     hint="divisez le taux des liens forts par celui des liens faibles")
for _name in ("naive_favours", "randomised_favours"):
    ex.check_choice(_name, ex.answer(_name), ["strong", "weak"], options=["strong", "weak"])
print("Autovérification réussie.")
""")
EXPERIMENT_SIM = f'''_A = "{A}"
_G = ex.reference_population(_A, n=500)
from weakties.scenarios import tie_experiment as _tie_experiment
_e = _tie_experiment(_G, seed=ex.my_seed(_A, "experiment"), runs=10)
_t = {{_r.tie: (int(_r.hires), int(_r.ties)) for _r in _e.ties.itertuples()}}
_a = {{_r.arm: (int(_r.hired), int(_r.seekers)) for _r in _e.arms.itertuples()}}
_naive = (_t["strong"][0] / _t["strong"][1]) / (_t["weak"][0] / _t["weak"][1])
_randomised = (_a["strong"][0] / _a["strong"][1]) / (_a["weak"][0] / _a["weak"][1])'''
nb.test("test-experiment-naive", 1, hidden("Tests cachés (1 point) : la comparaison naïve, dans votre simulation.", EXPERIMENT_SIM + """
ex.check_close("naive", ex.answer("naive"), _naive, tol=1e-6, reveal=False,
               what="les embauches par lien fort divisées par les embauches par lien faible, dans "
                    "votre simulation",
               hint="utilisez experiment.ties : hires divisé par ties pour chaque type, puis le rapport")
"""))
nb.test("test-experiment-randomised", 2, hidden("Tests cachés (2 points) : la comparaison randomisée, dans votre simulation.", """
# _randomised : calculé par la première cellule de test de cette tâche, à partir de votre propre simulation.
ex.check_close("randomised", ex.answer("randomised"), _randomised, tol=1e-6, reveal=False,
               what="la part des embauchés dans le groupe 'strong' divisée par la part des "
                    "embauchés dans le groupe 'weak', dans votre simulation",
               hint="utilisez experiment.arms : hired divisé par seekers pour chaque groupe, puis le rapport")
"""))
nb.test("test-experiment-favours", 1, hidden("Tests cachés (1 point) : le côté que favorise chaque comparaison.", """
# _naive et _randomised : calculés par la première cellule de test de cette tâche.
ex.check_choice("naive_favours", ex.answer("naive_favours"),
                ["strong" if _naive > 1 else "weak"], options=["strong", "weak"],
                what="le côté que favorise la comparaison naïve dans votre simulation")
ex.check_choice("randomised_favours", ex.answer("randomised_favours"),
                ["strong" if _randomised > 1 else "weak"], options=["strong", "weak"],
                what="le côté que favorise l'expérience dans votre simulation")
"""))

# ---------------------------------------------------------------- Réflexion
nb.rubric("task-reflection", """
## Tâche 5 : Réflexion (5 points, notée par votre formateur ou formatrice)

Vous cherchez un emploi dans `TARGET`. Dans la cellule ci-dessous, en cinq
à dix phrases :

1. Dites lequel de vos contacts vous solliciteriez en premier et pourquoi,
   avec vos chiffres (tâche 1 : la fréquence à laquelle vous le voyez ;
   tâche 2 : les personnes qu'il connaît et que vous ne connaissez pas ; la
   force du lien).
2. Comparez la comparaison naïve et l'expérience de la tâche 4, avec leurs
   chiffres. Vont-elles dans le même sens ? Expliquez ce qui peut les faire
   différer.
3. Regardez à quel point votre secteur cible est numérique dans le modèle
   de la leçon (`weakties.scenarios.job_search.DIGITAL[TARGET]`, une
   hypothèse du cours, et non une mesure). Dans ce modèle, un lien fort qui
   travaille chez un employeur peut se porter garant de vous là où
   l'embauche passe par la recommandation de confiance, plus fréquente dans
   les métiers moins numériques. Dites quel rôle vous donneriez à vos liens
   forts dans votre recherche, quel rôle à vos liens faibles, et lesquelles
   de ces conclusions viennent des hypothèses du modèle.
4. Écrivez la première phrase du message que vous enverriez à la première
   personne de `ask_first`.

**Barème (5 points)**

- 1 point : nomme les contacts à solliciter (par leur numéro et leur
  métier, jamais par un nom réel) avec au moins deux de leurs chiffres.
- 2 points : compare les deux estimations de la tâche 4 avec leurs chiffres
  (1 point), et explique la différence : les gens sollicitent leurs liens
  forts en premier et le plus souvent, si bien que les liens forts ont plus
  d'occasions d'aider dans le monde observé, alors que l'expérience donne au
  hasard le même effort à chaque groupe (1 point).
- 1 point : un plan équilibré : les liens faibles pour leur nombre et leur
  portée (des informations nouvelles), les liens forts pour ce qu'un seul
  d'entre eux peut faire, en particulier se porter garant là où l'embauche
  passe par la recommandation (Gee, Jones et Burke, 2017 : pris
  individuellement, un lien fort est plus utile) ; « ne pas compter
  seulement sur ses liens forts », et non « ne pas compter sur eux » ; et
  dit ce qui vient des hypothèses du modèle (par exemple l'indice de
  numérisation, ou la recommandation).
- 1 point : une demande précise et facile à accepter (un conseil, une
  information sur le secteur, une présentation), et non une demande directe
  d'emploi.
""")
nb.reflection("answer-reflection", 5, """
### BEGIN SOLUTION
*Exemple de réponse (les chiffres diffèrent pour chaque apprenant).* Je
cherche un emploi dans la santé (Health). Je solliciterais d'abord la
personne 140, pharmacienne hospitalière : notre lien est faible (force
0,21), nous nous voyons de temps en temps, et elle connaît 31 personnes que
je ne connais pas, le plus grand nombre parmi mes cinq contacts de la
santé. À la tâche 4, la comparaison naïve indique que les liens forts
apportent 1,4 fois plus d'emplois par lien que les liens faibles, mais dans
l'expérience, le groupe à qui l'on a demandé de solliciter des liens forts
a été embauché 0,7 fois aussi souvent que le groupe à qui l'on a demandé de
solliciter des liens faibles : les deux vont en sens contraire. Les gens
sollicitent leurs proches en premier et le plus souvent, si bien que les
liens forts ont plus d'occasions d'aider ; quand l'effort est réparti au
hasard, le nombre et la portée des liens faibles l'emportent. La santé a un
indice de numérisation de 0,2 dans le modèle : beaucoup d'offres y passent
par une recommandation. Ma cousine infirmière pourrait se porter garante de
moi, et un seul lien fort comme elle peut compter davantage qu'un lien
faible pris isolément (Gee, Jones et Burke, 2017). Je ne compterai donc pas
seulement sur mes liens forts : je demanderai à plusieurs liens faibles de
la santé des nouvelles et des conseils, et à ma cousine une
recommandation. La recommandation et l'indice de numérisation sont des
hypothèses du modèle du cours. Mon message : « Bonjour, nous nous sommes
parlé au salon de l'emploi en mars ; je m'intéresse aux métiers de la
logistique hospitalière et j'apprécierais vingt minutes de vos conseils sur
la façon dont les équipes y recrutent. »
### END SOLUTION
""")

print(nb.write())
