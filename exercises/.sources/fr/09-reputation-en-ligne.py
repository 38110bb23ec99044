"""Construit exercises/09-reputation-en-ligne/09-reputation-en-ligne.ipynb, l'édition française de 09-e-reputation (`python exercises/.sources/build.py`; un test vérifie que les deux concordent)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from authoring import hidden, HOW_FR as HOW, Notebook, OWN_FR as OWN, solution  # noqa: E402

A = "09-e-reputation"        # l'exercice anglais : la graine des données de l'apprenant, les mêmes dans les deux langues
F = "09-reputation-en-ligne"
nb = Notebook(F, lang="fr", edition_of=A)
PRE = f'''_A = "{A}"
_G = ex.reference_population(_A, n=400)
_me = ex.my_person(_G, _A, min_strong=3, min_weak=8)
_mine = set(_G[_me])'''
SPREAD = '''from weakties.scenarios import cascade as _cascade
_seed = ex.my_seed(_A, "spread")
_runs = {"influencers": _cascade(_G, "influencers", k=10, runs=20, seed=_seed),
         "random": _cascade(_G, "random", k=10, runs=20, seed=_seed)}'''

nb.markdown("intro", f"""
# Exercice 09 : E-réputation et influence

Cet exercice accompagne la **Leçon 09 : E-réputation et influence**
(`course/fr/{F}.ipynb`). Ce
que l'on dit de « vous » passe de personne en personne. Vous cherchez
lequel de vos contacts porterait un message le plus loin, vous comparez
dans les simulations de la leçon un message lancé par des influenceurs et
un message lancé par des personnes tirées au hasard, vous comparez une
bonne et une mauvaise nouvelle à votre sujet, et vous mesurez quels liens
portent la diffusion.

{OWN}

{HOW}

| Tâche | Contenu | Points |
|---|---|---|
| 1 | Qui porterait votre message le plus loin ? | 3 |
| 2 | Des influenceurs ou des personnes tirées au hasard ? | 4 |
| 3 | Bonne et mauvaise nouvelle | 4 |
| 4 | Liens faibles et liens forts dans la diffusion | 4 |
| 5 | Réflexion (notée par votre formateur ou formatrice) | 5 |
| | **Total** | **20** |

Durée : environ 60 minutes.
""")

nb.markdown("setup-text", """
## Votre population

Exécutez d'abord la cellule suivante. Elle construit votre population de
400 professionnels en France et choisit la personne qui est **vous** (`me`)
ainsi qu'une autre personne utilisée dans l'exemple guidé (`example`).
Dans ce cours, un lien est **fort** quand sa force `strength` vaut au moins
0,5, et **faible** sinon. Si la cellule indique qu'aucun identifiant
d'apprenant n'est défini, suivez ses instructions, puis exécutez-la de
nouveau.
""")

nb.setup("setup", f"""
import weakties
from weakties import exercises as ex
from weakties.scenarios import cascade
weakties.i18n.set_language("fr")

ASSIGNMENT = "{A}"
G = ex.my_population(ASSIGNMENT, n=400)
me = ex.my_person(G, ASSIGNMENT, min_strong=3, min_weak=8)
example = ex.my_person(G, ASSIGNMENT, role="example", exclude=[me])

print(f"Votre population : {{G.number_of_nodes()}} personnes et {{G.number_of_edges()}} liens.")
print("Vous :", ex.describe_person(G, me))
""")

nb.markdown("example-text", """
## Exemple guidé : qui entend, et de qui

La cellule ci-dessous compte d'abord, pour un contact de la personne de
l'exemple, les personnes que ce contact connaît et que la personne de
l'exemple ne connaît pas : celles qu'un message n'atteindrait qu'en passant
par ce contact.

Elle exécute ensuite deux fois la simulation `cascade` de la leçon
(3 tirages d'une cascade indépendante lancée par la personne de l'exemple)
et lit ses deux tableaux :

- `adoption` : une ligne par tirage (`run`) et par étape (`step`), avec les
  personnes atteintes à cette étape (`new`), atteintes jusque-là
  (`reached`) et leur part de la population (`share`). Un tirage s'arrête
  quand plus personne de nouveau n'entend le message : certains tirages ont
  donc moins d'étapes que d'autres.
- `reached` : une ligne par personne atteinte dans chaque tirage, avec la
  personne qui lui a transmis le message (`via`) et le type de ce lien
  (`tie` : `"seed"` pour les personnes qui ont lancé le message, `"weak"`
  pour un lien faible, `"strong"` pour un lien fort).
""")

nb.example("example", """
friends = set(G[example])
contact = sorted(friends)[0]
new = set(G[contact]) - friends - {example}
print("Le contact", contact, "connaît", G.degree(contact), "personnes ;", len(new),
      "d'entre elles sont inconnues de la personne", example)

demo = cascade(G, [example], seed=1, runs=3)
print(demo.adoption)
print(demo.reached.head(8))
last_step = demo.adoption[demo.adoption["run"] == 0]["step"].max()
print("Le tirage 0 s'est arrêté après l'étape", last_step)
""")

# ---------------------------------------------------------------- Tâche 1
nb.task("task-relay", """
## Tâche 1 : Qui porterait votre message le plus loin ? (3 points)

Quand l'un de vos contacts partage quelque chose à votre sujet, les
personnes qui l'apprennent par lui et qui ne vous connaissent pas déjà sont
des personnes **nouvelles**.

- `new_people` : un dictionnaire dont les clés sont **tous vos contacts** et
  dont les valeurs sont, pour chacun, le nombre de personnes qu'il connaît
  et qui ne sont ni vous ni vos contacts.
- `best_relay` : votre contact qui connaît le plus de personnes nouvelles.
  Si plusieurs ont le même nombre le plus grand, n'importe lequel d'entre
  eux est une bonne réponse.
""")
nb.answer("answer-relay", solution("", """
new_people = {}
for q in G[me]:
    new_people[q] = len(set(G[q]) - set(G[me]) - {me})
best_relay = max(new_people, key=new_people.get)
""", 'print("meilleur relais :", best_relay, "qui connaît", new_people[best_relay], "personnes nouvelles")'))
nb.selfcheck("selfcheck-relay", """
# Autovérification (0 point) : un nombre entier pour chacun de vos contacts, et l'un d'eux.
_found = ex.answer("new_people")
ex.check_mapping("new_people", _found, dict.fromkeys(G[me], 0), keys_only=True,
                 what="un dictionnaire avec une clé pour chacun de vos contacts")
for _key, _value in _found.items():
    ex.check_type(f"new_people[{_key!r}]", _value, "whole number")
    ex.check_between(f"new_people[{_key!r}]", _value, 0, G.degree(_key), what="un nombre de personnes",
                     hint="comptez les contacts de cette personne qui ne sont ni vous ni vos contacts")
ex.check_person("best_relay", ex.answer("best_relay"), G, among=G[me], what="l'un de vos contacts")
print("Autovérification réussie.")
""")
nb.test("test-relay-values", 2, hidden("Tests cachés (2 points) : les personnes nouvelles que chacun de vos contacts atteindrait.", PRE + """
_new = {_q: sum(1 for _w in _G[_q] if _w != _me and _w not in _mine) for _q in _mine}
ex.check_mapping("new_people", ex.answer("new_people"), _new,
                 what="pour chacun de vos contacts, le nombre de personnes qu'il connaît et qui "
                      "ne sont ni vous ni vos contacts",
                 hint="set(G[q]) - set(G[me]) - {me} : retirez vos contacts et vous-même")
"""))
nb.test("test-relay-best", 1, hidden("Tests cachés (1 point) : le contact qui porterait votre message le plus loin.", """
# _new : calculé par la première cellule de test de cette tâche, à partir de vos propres données.
_top = max(_new.values())
ex.check_choice("best_relay", ex.answer("best_relay"), [_q for _q, _n in _new.items() if _n == _top],
                options=sorted(_new), what="votre contact qui connaît le plus de personnes que vous ne connaissez pas",
                hint="prenez la clé de new_people qui a la plus grande valeur")
"""))

# ---------------------------------------------------------------- Tâche 2
nb.task("task-seeds", """
## Tâche 2 : Des influenceurs ou des personnes tirées au hasard ? (4 points)

La cellule de réponse exécute 20 fois la cascade indépendante de la leçon
à partir des 10 personnes de votre population qui ont le plus de liens
(`"influencers"`, les influenceurs), et 20 fois à partir de 10 personnes
tirées au hasard (`"random"`, de nouvelles à chaque tirage), avec la même
graine.

- `reach_by_step_3` : un dictionnaire avec les clés `"influencers"` et
  `"random"`. Chaque valeur est la **moyenne, sur les 20 tirages, de la part
  de la population atteinte à la fin de l'étape 3** (personnes de départ
  comprises). Un tirage qui s'est arrêté avant l'étape 3 compte avec la part
  qu'il avait atteinte à son arrêt.
- `faster` : `"influencers"` ou `"random"` : le départ qui atteint la plus
  grande part à la fin de l'étape 3, sur vos données.

*Indice : pour un tirage,
`rows = table[(table["run"] == run) & (table["step"] <= 3)]` garde ses
premières étapes ; `rows["share"].max()` est la part atteinte à la fin de
la dernière d'entre elles.*
""")
nb.answer("answer-seeds", solution('''
influencers = cascade(G, "influencers", k=10, runs=20, seed=ex.my_seed(ASSIGNMENT, "spread"))
random_seeds = cascade(G, "random", k=10, runs=20, seed=ex.my_seed(ASSIGNMENT, "spread"))
''', """
reach_by_step_3 = {}
for name, result in [("influencers", influencers), ("random", random_seeds)]:
    table = result.adoption
    shares = []
    for run in range(20):
        rows = table[(table["run"] == run) & (table["step"] <= 3)]
        shares.append(rows["share"].max())
    reach_by_step_3[name] = sum(shares) / len(shares)
faster = max(reach_by_step_3, key=reach_by_step_3.get)
""", "print(reach_by_step_3, faster)"))
nb.selfcheck("selfcheck-seeds", """
# Autovérification (0 point) : deux parts entre 0 et 1, et l'un des deux départs.
_found = ex.answer("reach_by_step_3")
ex.check_mapping("reach_by_step_3", _found, {"influencers": 0, "random": 0}, keys_only=True,
                 what="un dictionnaire avec les clés 'influencers' et 'random'")
for _key, _value in _found.items():
    ex.check_between(f"reach_by_step_3[{_key!r}]", _value, 0, 1, what="une part de la population",
                     hint="utilisez la colonne share (ou reached divisé par le nombre de personnes)")
ex.check_choice("faster", ex.answer("faster"), ["influencers", "random"],
                options=["influencers", "random"])
print("Autovérification réussie.")
""")
nb.test("test-seeds-form", 1, hidden("Tests cachés (1 point) : deux parts entre 0 et 1.", PRE + "\n" + SPREAD + """
_n = _G.number_of_nodes()
_by3 = {}
for _name, _r in _runs.items():
    _best = {}
    for _run, _step, _reached in zip(_r.adoption["run"], _r.adoption["step"], _r.adoption["reached"]):
        if _step <= 3:
            _best[_run] = max(_best.get(_run, 0), int(_reached))
    _by3[_name] = sum(_best.values()) / len(_best) / _n
_found = ex.answer("reach_by_step_3")
ex.check_mapping("reach_by_step_3", _found, {"influencers": 0, "random": 0}, keys_only=True,
                 what="un dictionnaire avec les clés 'influencers' et 'random'")
for _key, _value in _found.items():
    ex.check_between(f"reach_by_step_3[{_key!r}]", _value, 0, 1, what="une part de la population")
"""))
nb.test("test-seeds-values", 2, hidden("Tests cachés (2 points) : la part moyenne atteinte à la fin de l'étape 3.", """
# _by3 : calculé par la première cellule de test de cette tâche, à partir de vos propres simulations.
ex.check_mapping("reach_by_step_3", ex.answer("reach_by_step_3"), _by3, tol=0.003,
                 what="pour chaque départ, la part atteinte à la fin de l'étape 3, en moyenne sur "
                      "les 20 tirages",
                 hint="utilisez le total atteint jusque-là (reached ou share), et non les seules "
                      "personnes atteintes à l'étape 3 (new) ; un tirage arrêté tôt garde sa "
                      "dernière part")
"""))
nb.test("test-seeds-faster", 1, hidden("Tests cachés (1 point) : le départ le plus rapide.", """
# _by3 : calculé par la première cellule de test de cette tâche, à partir de vos propres simulations.
_top = max(_by3.values())
ex.check_choice("faster", ex.answer("faster"), [_k for _k, _v in _by3.items() if _v >= _top - 1e-12],
                options=["influencers", "random"],
                what="le départ qui atteint la plus grande part à la fin de l'étape 3, sur vos données")
"""))

# ---------------------------------------------------------------- Tâche 3
nb.task("task-valence", """
## Tâche 3 : Bonne et mauvaise nouvelle (4 points)

Vous et vos liens forts (les personnes qui vous connaissent bien) commencez
à parler de vous : une fois avec une bonne nouvelle, une fois avec une
mauvaise. La cellule de réponse exécute 10 fois, pour chaque message, le
modèle **à seuil linéaire** de la leçon : une personne adopte un message dès
que la force de ses liens avec les personnes qui le portent, divisée par la
force de tous ses liens, atteint son propre seuil. Un message négatif pèse
1,2 fois plus qu'un message positif : la mauvaise nouvelle marque davantage
les esprits (Baumeister et al., 2001).

- `contacts_heard` : un dictionnaire avec les clés `"positive"` et
  `"negative"`. Chaque valeur est la **moyenne, sur les 10 tirages, de la
  part de vos autres contacts** (vos contacts qui ne font pas partie des
  personnes qui parlent, `speakers`) **qui ont entendu le message** (dont le
  numéro figure dans les lignes du tirage, dans `.reached`).
- `bad_travels_further` : `True` si, sur vos données, le message négatif
  atteint une plus grande part de vos autres contacts que le message
  positif, `False` sinon.
""")
nb.answer("answer-valence", solution('''
speakers = [me] + sorted(q for q in G[me] if G[me][q]["strength"] >= 0.5)
good_news = cascade(G, speakers, model="threshold", valence="positive", runs=10,
                    seed=ex.my_seed(ASSIGNMENT, "word"))
bad_news = cascade(G, speakers, model="threshold", valence="negative", runs=10,
                   seed=ex.my_seed(ASSIGNMENT, "word"))
''', """
others = [q for q in G[me] if q not in speakers]
contacts_heard = {}
for name, result in [("positive", good_news), ("negative", bad_news)]:
    table = result.reached
    shares = []
    for run in range(10):
        heard = set(table[table["run"] == run]["person"])
        shares.append(sum(1 for q in others if q in heard) / len(others))
    contacts_heard[name] = sum(shares) / len(shares)
bad_travels_further = contacts_heard["negative"] > contacts_heard["positive"]
""", "print(contacts_heard, bad_travels_further)"))
nb.selfcheck("selfcheck-valence", """
# Autovérification (0 point) : deux parts entre 0 et 1, et True ou False.
_found = ex.answer("contacts_heard")
ex.check_mapping("contacts_heard", _found, {"positive": 0, "negative": 0}, keys_only=True,
                 what="un dictionnaire avec les clés 'positive' et 'negative'")
for _key, _value in _found.items():
    ex.check_between(f"contacts_heard[{_key!r}]", _value, 0, 1, what="une part de vos contacts",
                     hint="divisez par le nombre de vos contacts qui ne font pas partie des speakers")
ex.check_type("bad_travels_further", ex.answer("bad_travels_further"), "true or false")
print("Autovérification réussie.")
""")
VAL = '''from weakties.scenarios import cascade as _cascade
_speakers = [_me] + sorted(_q for _q in _mine if _G[_me][_q]["strength"] >= 0.5)
_others = _mine - set(_speakers)
_heard = {}
for _valence in ("positive", "negative"):
    _r = _cascade(_G, _speakers, model="threshold", valence=_valence, runs=10,
                  seed=ex.my_seed(_A, "word")).reached
    _per_run = {_k: set() for _k in range(10)}
    for _run, _person in zip(_r["run"], _r["person"]):
        _per_run[int(_run)].add(_person)
    _heard[_valence] = sum(len(_others & _s) for _s in _per_run.values()) / (10 * len(_others))'''
nb.test("test-valence-form", 1, hidden("Tests cachés (1 point) : deux parts entre 0 et 1.", PRE + "\n" + VAL + """
_found = ex.answer("contacts_heard")
ex.check_mapping("contacts_heard", _found, {"positive": 0, "negative": 0}, keys_only=True,
                 what="un dictionnaire avec les clés 'positive' et 'negative'")
for _key, _value in _found.items():
    ex.check_between(f"contacts_heard[{_key!r}]", _value, 0, 1, what="une part de vos contacts")
"""))
nb.test("test-valence-values", 2, hidden("Tests cachés (2 points) : la part de vos autres contacts qui ont entendu chaque message.", """
# _heard : calculé par la première cellule de test de cette tâche, à partir de vos propres simulations.
ex.check_mapping("contacts_heard", ex.answer("contacts_heard"), _heard, tol=0.005,
                 what="pour chaque message, la part de vos contacts qui ne parlent pas et qui "
                      "l'ont entendu, en moyenne sur les 10 tirages",
                 hint="laissez les speakers hors du compte et hors du total ; prenez chaque tirage "
                      "séparément, puis faites la moyenne")
"""))
nb.test("test-valence-choice", 1, hidden("Tests cachés (1 point) : quelle nouvelle va le plus loin parmi vos contacts.", """
# _heard : calculé par la première cellule de test de cette tâche, à partir de vos propres simulations.
_found = ex.answer("bad_travels_further")
ex.check_type("bad_travels_further", _found, "true or false")
ex.check_choice("bad_travels_further", bool(_found), [_heard["negative"] > _heard["positive"]],
                options=[True, False],
                what="si le message négatif atteint davantage de vos autres contacts, sur vos données",
                hint="comparez les deux valeurs de contacts_heard")
"""))

# ---------------------------------------------------------------- Tâche 4
nb.task("task-ties", """
## Tâche 4 : Liens faibles et liens forts dans la diffusion (4 points)

Revenez aux 20 tirages lancés par les influenceurs (tâche 2). Dans
`influencers.reached`, la colonne `tie` indique par quel type de lien
chaque personne a entendu le message (`"seed"`, `"weak"` ou `"strong"`).

- `per_tie` : un dictionnaire avec les clés `"weak"` (liens faibles) et
  `"strong"` (liens forts). Chaque valeur est le nombre de personnes (sur
  les 20 tirages) qui ont entendu le message par un lien de ce type,
  **divisé par le nombre de liens de ce type dans toute votre population**
  (`G.edges(data=True)` ; faible : force inférieure à 0,5).
- `carries_most` : `"weak"` ou `"strong"` : le type de lien par lequel le
  **plus grand nombre de personnes** a entendu le message.
- `passes_more_per_tie` : `"weak"` ou `"strong"` : le type de lien qui a la
  plus grande valeur dans `per_tie`.

*Indice : `for a, b, tie in G.edges(data=True):` parcourt une fois chaque
lien de la population ; `tie["strength"]` est sa force.*
""")
nb.answer("answer-ties", solution("", """
weak_ties = 0
strong_ties = 0
for a, b, tie in G.edges(data=True):
    if tie["strength"] >= 0.5:
        strong_ties = strong_ties + 1
    else:
        weak_ties = weak_ties + 1
kinds = list(influencers.reached["tie"])
heard_weak = kinds.count("weak")
heard_strong = kinds.count("strong")
per_tie = {"weak": heard_weak / weak_ties, "strong": heard_strong / strong_ties}
carries_most = "weak" if heard_weak > heard_strong else "strong"
passes_more_per_tie = max(per_tie, key=per_tie.get)
""", "print(per_tie, carries_most, passes_more_per_tie)"))
nb.selfcheck("selfcheck-ties", """
# Autovérification (0 point) : deux nombres positifs, et deux types de lien.
_found = ex.answer("per_tie")
ex.check_mapping("per_tie", _found, {"weak": 0, "strong": 0}, keys_only=True,
                 what="un dictionnaire avec les clés 'weak' et 'strong'")
for _key, _value in _found.items():
    ex.check_between(f"per_tie[{_key!r}]", _value, 0, 20, what="des personnes atteintes par lien",
                     hint="divisez par le nombre de liens de ce type dans toute la population")
ex.check_choice("carries_most", ex.answer("carries_most"), ["weak", "strong"], options=["weak", "strong"])
ex.check_choice("passes_more_per_tie", ex.answer("passes_more_per_tie"), ["weak", "strong"],
                options=["weak", "strong"])
print("Autovérification réussie.")
""")
nb.test("test-ties-values", 2, hidden("Tests cachés (2 points) : les personnes atteintes par lien de chaque type.", PRE + """
from weakties.scenarios import cascade as _cascade
_runs = {"influencers": _cascade(_G, "influencers", k=10, runs=20, seed=ex.my_seed(_A, "spread"))}
_ties = {"weak": 0, "strong": 0}
for _a, _b, _d in _G.edges(data=True):
    _ties["strong" if _d["strength"] >= 0.5 else "weak"] += 1
_heard_by = {"weak": 0, "strong": 0}
for _k in _runs["influencers"].reached["tie"]:
    if _k in _heard_by:
        _heard_by[_k] += 1
_per = {_k: _heard_by[_k] / _ties[_k] for _k in _ties}
ex.check_mapping("per_tie", ex.answer("per_tie"), _per, tol=0.002,
                 what="pour chaque type, les personnes qui ont entendu par ce type de lien, "
                      "divisées par le nombre de liens de ce type dans votre population",
                 hint="comptez les liens de toute la population (G.edges), et les lignes de "
                      "influencers.reached dont tie vaut 'weak' ou 'strong'")
"""))
nb.test("test-ties-most", 1, hidden("Tests cachés (1 point) : le type de lien qui porte la diffusion.", """
# _heard_by : calculé par la première cellule de test de cette tâche, à partir de vos propres simulations.
_accept = [_k for _k, _v in _heard_by.items() if _v == max(_heard_by.values())]
ex.check_choice("carries_most", ex.answer("carries_most"), _accept, options=["weak", "strong"],
                what="le type de lien par lequel le plus grand nombre de personnes a entendu le message")
"""))
nb.test("test-ties-per-tie", 1, hidden("Tests cachés (1 point) : le type de lien qui transmet le message le plus facilement.", """
# _per : calculé par la première cellule de test de cette tâche, à partir de vos propres simulations.
_accept = [_k for _k, _v in _per.items() if _v >= max(_per.values()) - 1e-12]
ex.check_choice("passes_more_per_tie", ex.answer("passes_more_per_tie"), _accept,
                options=["weak", "strong"],
                what="le type de lien qui atteint le plus de personnes par lien",
                hint="comparez les deux valeurs de per_tie, et non les deux comptes")
"""))

# ---------------------------------------------------------------- Réflexion
nb.rubric("task-reflection", """
## Tâche 5 : Réflexion (5 points, notée par votre formateur ou formatrice)

Dans la cellule ci-dessous, en cinq à dix phrases :

1. À l'aide des tâches 1 et 4, expliquez pourquoi la plupart des personnes
   qui entendent parler de vous l'apprennent par des liens faibles, alors
   qu'un lien fort transmet un message plus facilement. Appuyez-vous sur vos
   chiffres.
2. À l'aide de la tâche 3, dites ce qu'une seule remarque négative à votre
   sujet peut produire par rapport à une bonne nouvelle, et comment vous y
   répondriez (leçon 09 : une seule fois, calmement, avec des faits, ou en
   privé).
3. Décrivez un contenu que vous pourriez partager pour être visible **par
   votre compétence, sans ego**, et la personne à qui vous demanderiez de le
   partager (votre `best_relay`, par son numéro et son métier), et
   pourquoi.

**Barème (5 points)**

- 2 points : explique avec les chiffres de la tâche 4 que les liens faibles
  portent l'essentiel de la diffusion parce qu'ils sont nombreux et mènent
  à des personnes nouvelles (1 point), tandis que chaque lien fort transmet
  plus facilement, mais surtout à des personnes qui ont déjà entendu le
  message (1 point).
- 1 point : rapporte le résultat de la tâche 3 sur les données de
  l'apprenant, et propose une réponse calme et factuelle à une remarque
  négative (une seule fois, avec des faits, ou en privé), jamais une
  réponse sous le coup de la colère.
- 2 points : un contenu concret qui montre une compétence (un résultat, une
  méthode, une leçon tirée d'une expérience, le mérite reconnu à d'autres)
  plutôt qu'un titre ou une récompense (1 point), et un relais choisi pour
  les personnes nouvelles qu'il atteint, avec le chiffre de la tâche 1
  (1 point).
""")
nb.reflection("answer-reflection", 5, """
### BEGIN SOLUTION
*Exemple de réponse (les chiffres diffèrent pour chaque apprenant).* Dans
mes simulations, un lien fort transmet le message plus facilement :
0,17 personne atteinte par lien fort contre 0,12 par lien faible. Mais les
liens faibles sont plus de quatre fois plus nombreux, et ils mènent à des
personnes qui n'ont pas encore entendu le message : 520 personnes l'ont
entendu par un lien faible, contre 170 par un lien fort. Mon meilleur
relais, la personne 124, responsable logistique, connaît 45 personnes que
je ne connais pas. À la tâche 3, la mauvaise nouvelle a atteint 83 % de mes
autres contacts et la bonne seulement 35 % : la mauvaise nouvelle marque
davantage et fait basculer des personnes qui en avaient un peu entendu
parler. Si un client publiait une remarque négative sur une livraison en
retard, je répondrais une seule fois, avec les faits et ce que j'ai changé,
et je proposerais d'en parler en privé. Pour être visible par ma
compétence, je publierais une courte note sur la façon dont mon équipe a
réduit d'un tiers les retards de livraison, en citant les deux collègues
qui ont fait le travail, et je demanderais à la personne 124 de la
partager avec les professionnels de la logistique qu'elle connaît.
### END SOLUTION
""")

print(nb.write())
