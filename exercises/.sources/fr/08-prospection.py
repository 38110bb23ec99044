"""Construit exercises/08-prospection/08-prospection.ipynb, l'édition française de 08-prospecting (`python exercises/.sources/build.py`; un test vérifie que les deux concordent)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from authoring import hidden, HOW_FR as HOW, Notebook, OWN_FR as OWN, solution  # noqa: E402

A = "08-prospecting"        # l'exercice anglais : la graine des données de l'apprenant, les mêmes dans les deux langues
F = "08-prospection"
nb = Notebook(F, lang="fr", edition_of=A)
PRE = f'''_A = "{A}"
_G = ex.reference_population(_A, n=500)
_market = ex.my_pick(_A, sorted({{_G.nodes[_p]["sector"] for _p in _G}}), role="market")
_possible = set()
for _p in _G:
    if (_G.nodes[_p]["sector"] != _market
            and sum(1 for _q in _G[_p] if _G.nodes[_q]["sector"] == _market) >= 2):
        _possible.add(_p)
_me = ex.my_person(_G, _A, min_ties=20, where=lambda _H, _p: _p in _possible)
_prospects = sorted(_p for _p in _G if _G.nodes[_p]["sector"] == _market)
_mine = set(_G[_me])'''
PROSPECT = '''_two = [_p for _p in _prospects if _p not in _mine and len(_mine & set(_G[_p])) >= 2]
_prospect = ex.my_pick(_A, _two, role="prospect")'''
PITCH = '''from weakties.scenarios import prospecting as _prospecting
_chains = _prospecting(_G, _me, _prospects, max_hops=3, cold_rate=0.05,
                       seed=ex.my_seed(_A, "pitch")).chains'''

nb.markdown("intro", f"""
# Exercice 08 : Prospection

Cet exercice accompagne la **Leçon 08 : Prospection**
(`course/fr/{F}.ipynb`). « Vous » vendez un
service aux entreprises d'un secteur. Vous cherchez quels prospects vous
pouvez atteindre grâce à une présentation par un tiers, vous
choisissez la meilleure personne pour vous présenter à l'un d'eux, vous
comparez dans la simulation de la leçon les présentations par un tiers et
les approches à froid, et vous décidez qui solliciter en premier.

{OWN}

{HOW}

| Tâche | Contenu | Points |
|---|---|---|
| 1 | Par un contact ou à froid ? | 3 |
| 2 | Le meilleur intermédiaire | 4 |
| 3 | Présentations par un tiers contre approches à froid | 4 |
| 4 | Qui solliciter en premier ? | 4 |
| 5 | Réflexion (notée par votre formateur ou formatrice) | 5 |
| | **Total** | **20** |

Durée : environ 60 minutes.
""")

nb.markdown("setup-text", """
## Votre population

Exécutez d'abord la cellule suivante. Elle construit votre population de
500 professionnels en France et choisit le secteur auquel vous vendez
(`MARKET`) : vos **prospects** (`PROSPECTS`) sont les personnes qui y
travaillent. Elle choisit ensuite la personne qui est **vous** (`me`),
quelqu'un qui travaille dans un autre secteur et connaît déjà au moins deux
personnes de `MARKET`, ainsi qu'une autre personne pour l'exemple guidé
(`example`). Enfin, elle choisit un prospect que vous aimeriez rencontrer
(`PROSPECT`, pour la tâche 2) : une personne que vous ne connaissez pas
encore et qui connaît au moins deux de vos contacts. Si elle indique
qu'aucun identifiant d'apprenant n'est défini, suivez ses instructions, puis
exécutez-la de nouveau.
""")

nb.setup("setup", f"""
import weakties
from weakties import exercises as ex
from weakties.scenarios import prospecting
weakties.i18n.set_language("fr")

ASSIGNMENT = "{A}"
G = ex.my_population(ASSIGNMENT, n=500)
SECTORS = sorted({{G.nodes[p]["sector"] for p in G}})
MARKET = ex.my_pick(ASSIGNMENT, SECTORS, role="market")   # le secteur auquel vous vendez
PROSPECTS = sorted(p for p in G if G.nodes[p]["sector"] == MARKET)

# « Vous » travaillez hors de MARKET et connaissez déjà au moins deux personnes de ce secteur.
possible = []
for p in sorted(G):
    known = [q for q in G[p] if G.nodes[q]["sector"] == MARKET]
    if G.nodes[p]["sector"] != MARKET and len(known) >= 2:
        possible.append(p)
me = ex.my_person(G, ASSIGNMENT, min_ties=20, where=lambda G, p: p in possible)
example = ex.my_person(G, ASSIGNMENT, role="example", exclude=[me])

# Un prospect que vous ne connaissez pas, qui connaît au moins deux de vos contacts.
mine = set(G[me])
two_steps = [p for p in PROSPECTS if p not in mine and len(mine & set(G[p])) >= 2]
PROSPECT = ex.my_pick(ASSIGNMENT, two_steps, role="prospect")

print(f"Votre population : {{G.number_of_nodes()}} personnes et {{G.number_of_edges()}} liens.")
print("Vous :", ex.describe_person(G, me))
print(f"Vous vendez au secteur {{MARKET}} : {{len(PROSPECTS)}} prospects.")
print("Le prospect de la tâche 2 :", ex.describe_person(G, PROSPECT))
""")

nb.markdown("example-text", """
## Exemple guidé : des chaînes d'intermédiaires

Pour atteindre un inconnu, vous sollicitez un contact, qui sollicite l'un
des siens, qui vous présente : une **chaîne** de liens. La leçon mesure une
chaîne par sa **confiance** : le **produit** des forces de ses liens.
Chaque personne sollicitée le long de la chaîne accepte de transmettre la
demande avec la probabilité `strength ** 0.5`, où `strength` est la force du
lien avec la personne qui la sollicite (0,71 pour un lien de force 0,5 ;
0,45 pour 0,2) ; la présentation aboutit donc avec la probabilité
`trust ** 0.5`, où `trust` est la confiance de la chaîne.

La cellule ci-dessous prend un contact d'un contact de la personne de
l'exemple et calcule, pour chaque contact que les deux ont en commun, la
confiance de la chaîne qui passe par lui. Elle exécute ensuite la
simulation `prospecting` de la leçon pour la personne de l'exemple et
5 cibles, et lit son tableau `chains` : une ligne par cible, avec le nombre
de liens de la meilleure chaîne (`hops`), la chaîne elle-même (`chain`), la
première personne à solliciter (`first_contact`), sa confiance (`trust`) et
la probabilité que la présentation aboutisse (`p_warm`).
""")

nb.example("example", """
friends = set(G[example])
stranger = sorted(q for f in friends for q in G[f] if q != example and q not in friends)[0]
print("La personne", stranger, "n'est pas un contact de", example, "mais connaît certains de ses contacts :")
for middle in sorted(friends & set(G[stranger])):
    trust = G[example][middle]["strength"] * G[middle][stranger]["strength"]
    print("  par", middle, ": forces", round(G[example][middle]["strength"], 2), "et",
          round(G[middle][stranger]["strength"], 2), "-> confiance", round(trust, 3),
          "-> probabilité", round(trust ** 0.5, 3))

targets = [p for p in PROSPECTS if p != example][:5]
demo = prospecting(G, example, targets, max_hops=3, seed=1)
print(demo.chains[["target", "hops", "chain", "first_contact", "trust", "p_warm"]])
for row in demo.chains.itertuples():
    print("cible", row.target, "-", row.hops, "liens - solliciter", row.first_contact, "en premier")
""")

# ---------------------------------------------------------------- Tâche 1
nb.task("task-warm", """
## Tâche 1 : Par un contact ou à froid ? (3 points)

- `known_prospects` : la liste des prospects (personnes de `PROSPECTS`) qui
  sont déjà **vos contacts**.
- `one_introduction` : le **nombre** de prospects qui ne sont **pas** vos
  contacts mais qui connaissent au moins l'un de vos contacts : vous pouvez
  les atteindre avec une seule présentation.

Tous les autres prospects ne peuvent être atteints que par une chaîne plus
longue, ou par une approche à froid (un message à un inconnu).
""")
nb.answer("answer-warm", solution("", """
known_prospects = [p for p in PROSPECTS if p in G[me]]
one_introduction = 0
for p in PROSPECTS:
    if p not in G[me] and p != me and set(G[me]) & set(G[p]):
        one_introduction = one_introduction + 1
""", 'print(known_prospects, one_introduction)'))
nb.selfcheck("selfcheck-warm", """
# Autovérification (0 point) : des prospects qui sont vos contacts, et un nombre de prospects.
_found = ex.answer("known_prospects")
ex.check_type("known_prospects", _found, "collection")
for _p in _found:
    ex.check_person("known_prospects", _p, G, among=G[me], what="l'un de vos contacts")
    ex.check_person("known_prospects", _p, G, among=PROSPECTS, what="l'un des PROSPECTS")
ex.check_type("one_introduction", ex.answer("one_introduction"), "whole number")
ex.check_between("one_introduction", ex.answer("one_introduction"), 0, len(PROSPECTS),
                 what="un nombre de prospects")
print("Autovérification réussie.")
""")
nb.test("test-warm-known", 1, hidden("Tests cachés (1 point) : les prospects que vous connaissez déjà.", PRE + """
ex.check_items("known_prospects", ex.answer("known_prospects"),
               [_p for _p in _prospects if _p in _mine],
               what="les prospects qui sont vos contacts",
               hint="gardez les personnes de PROSPECTS qui sont dans G[me]")
"""))
nb.test("test-warm-one", 2, hidden("Tests cachés (2 points) : les prospects à une seule présentation.", PRE + """
_n = sum(1 for _p in _prospects if _p not in _mine and _mine & set(_G[_p]))
ex.check_equal("one_introduction", ex.answer("one_introduction"), _n, reveal=False,
               what="le nombre de prospects qui ne sont pas vos contacts mais en connaissent un",
               hint="écartez les prospects que vous connaissez déjà ; gardez ceux qui ont au moins "
                    "un contact en commun avec vous")
"""))

# ---------------------------------------------------------------- Tâche 2
nb.task("task-intro", """
## Tâche 2 : Le meilleur intermédiaire (4 points)

Vous voulez rencontrer `PROSPECT`. Plusieurs de vos contacts connaissent
cette personne : chacun d'eux pourrait vous présenter, par une chaîne de
deux liens (vous, l'intermédiaire, le prospect).

- `introducers` : un dictionnaire dont les clés sont **tous vos contacts
  qui connaissent `PROSPECT`**, et dont les valeurs sont la **confiance** de
  la chaîne qui passe par chacun d'eux : la force de votre lien avec
  l'intermédiaire multipliée par la force du lien de l'intermédiaire avec
  `PROSPECT`.
- `best_introducer` : l'intermédiaire dont la chaîne a la confiance la plus
  élevée. Si plusieurs ont la même confiance la plus élevée, n'importe
  lequel d'entre eux est une bonne réponse.
- `warm_chance` : la probabilité que la présentation par
  `best_introducer` aboutisse : la confiance de sa chaîne à la
  puissance 0,5.
""")
nb.answer("answer-intro", solution("", """
introducers = {}
for middle in set(G[me]) & set(G[PROSPECT]):
    introducers[middle] = G[me][middle]["strength"] * G[middle][PROSPECT]["strength"]
best_introducer = max(introducers, key=introducers.get)
warm_chance = introducers[best_introducer] ** 0.5
""", """for middle, trust in sorted(introducers.items()):
    print(middle, "mon lien", round(G[me][middle]["strength"], 2),
          "son lien", round(G[middle][PROSPECT]["strength"], 2), "confiance", round(trust, 3))
print("meilleur :", best_introducer, "probabilité :", round(warm_chance, 3))"""))
nb.selfcheck("selfcheck-intro", """
# Autovérification (0 point) : vos contacts qui connaissent PROSPECT, l'un d'eux, et une probabilité.
_found = ex.answer("introducers")
ex.check_type("introducers", _found, "dict")
for _key, _value in _found.items():
    ex.check_person("introducers", _key, G, among=G[me], what="l'un de vos contacts")
    ex.check_between(f"introducers[{_key!r}]", _value, 0, 1, what="une confiance",
                     hint="le produit de deux forces est compris entre 0 et 1")
ex.check_person("best_introducer", ex.answer("best_introducer"), G, among=list(_found),
                what="l'une des clés de introducers")
ex.check_between("warm_chance", ex.answer("warm_chance"), 0, 1, what="une probabilité")
print("Autovérification réussie.")
""")
nb.test("test-intro-values", 2, hidden("Tests cachés (2 points) : la confiance de la chaîne qui passe par chaque intermédiaire.", PRE + "\n" + PROSPECT + """
_trust = {_m: _G[_me][_m]["strength"] * _G[_m][_prospect]["strength"]
          for _m in _mine & set(_G[_prospect])}
ex.check_mapping("introducers", ex.answer("introducers"), _trust, tol=0.002,
                 what="pour chacun de vos contacts qui connaît PROSPECT, le produit des deux "
                      "forces de la chaîne",
                 hint="multipliez la force de votre lien avec l'intermédiaire par la force de son "
                      "lien avec PROSPECT : les deux liens comptent")
"""))
nb.test("test-intro-best", 1, hidden("Tests cachés (1 point) : l'intermédiaire à solliciter.", """
# _trust : calculé par la première cellule de test de cette tâche, à partir de vos propres données.
_top = max(_trust.values())
ex.check_choice("best_introducer", ex.answer("best_introducer"),
                [_m for _m, _t in _trust.items() if _t >= _top - 1e-12], options=sorted(_trust),
                what="l'intermédiaire dont la chaîne vers PROSPECT a la confiance la plus élevée",
                hint="le contact le plus proche n'est pas toujours le meilleur intermédiaire : "
                     "regardez les deux liens")
"""))
nb.test("test-intro-chance", 1, hidden("Tests cachés (1 point) : la probabilité que la présentation aboutisse.", """
# _trust : calculé par la première cellule de test de cette tâche, à partir de vos propres données.
ex.check_close("warm_chance", ex.answer("warm_chance"), max(_trust.values()) ** 0.5, tol=0.005,
               reveal=False, what="la confiance de la meilleure chaîne à la puissance 0,5",
               hint="élevez la confiance de la chaîne du meilleur intermédiaire à la puissance "
                    "0,5 (** 0.5)")
"""))

# ---------------------------------------------------------------- Tâche 3
nb.task("task-cold", """
## Tâche 3 : Présentations par un tiers contre approches à froid (4 points)

La cellule de réponse exécute la simulation de la leçon pour vous et tous
vos prospects : elle trouve, pour chaque prospect, la chaîne d'au plus
3 liens qui a la confiance la plus élevée. Dans `pitch.chains`, chaque ligne
est un prospect, avec le nombre de liens de sa meilleure chaîne (`hops` :
1 si vous le connaissez déjà ; -1 si aucune chaîne d'au plus 3 liens ne
l'atteint) et la probabilité que la présentation aboutisse (`p_warm`).
Dans cette simulation, une approche à froid (un message à un inconnu)
obtient un rendez-vous avec une probabilité de 0,05.

- `mean_chance` : un dictionnaire dont les clés sont les longueurs de chaîne
  présentes parmi vos prospects (`1`, `2`, `3`, des nombres entiers ;
  écartez une longueur qu'aucun prospect n'a, et écartez -1) et dont les
  valeurs sont la **moyenne de `p_warm`** des prospects dont la meilleure
  chaîne a ce nombre de liens.
- `times_cold` : combien de fois plus probable est en moyenne une
  présentation par une chaîne de **2 liens** qu'une approche à froid : la
  moyenne de `p_warm` des chaînes de 2 liens divisée par 0,05.

*Indice : `table[table["hops"] == 2]["p_warm"].mean()` est la moyenne de
`p_warm` des prospects dont la meilleure chaîne a 2 liens.*
""")
nb.answer("answer-cold", solution('''
pitch = prospecting(G, me, PROSPECTS, max_hops=3, cold_rate=0.05, seed=ex.my_seed(ASSIGNMENT, "pitch"))
table = pitch.chains
''', """
mean_chance = {}
for hops in [1, 2, 3]:
    rows = table[table["hops"] == hops]
    if len(rows) > 0:
        mean_chance[hops] = rows["p_warm"].mean()
times_cold = mean_chance[2] / 0.05
""", "print(mean_chance, times_cold)"))
nb.selfcheck("selfcheck-cold", """
# Autovérification (0 point) : des probabilités entre 0 et 1 pour les longueurs 1 à 3, et un nombre positif.
_found = ex.answer("mean_chance")
ex.check_type("mean_chance", _found, "dict")
for _key, _value in _found.items():
    ex.check_choice("une clé de mean_chance", _key, [1, 2, 3], options=[1, 2, 3])
    ex.check_between(f"mean_chance[{_key!r}]", _value, 0, 1, what="une probabilité moyenne")
ex.check_between("times_cold", ex.answer("times_cold"), 0, 20, what="un rapport",
                 hint="la moyenne de p_warm des chaînes de 2 liens divisée par 0,05")
print("Autovérification réussie.")
""")
nb.test("test-cold-keys", 1, hidden("Tests cachés (1 point) : les longueurs de chaîne de vos prospects.", PRE + "\n" + PITCH + """
_by_hops = {}
for _h, _pw in zip(_chains["hops"], _chains["p_warm"]):
    if int(_h) > 0:
        _by_hops.setdefault(int(_h), []).append(float(_pw))
_expected = {_h: sum(_v) / len(_v) for _h, _v in _by_hops.items()}
ex.check_mapping("mean_chance", ex.answer("mean_chance"), _expected, keys_only=True,
                 what="une clé pour chaque longueur de chaîne (1, 2 ou 3) présente chez vos prospects",
                 hint="écartez -1 (pas de chaîne) et les longueurs qu'aucun prospect n'a")
"""))
nb.test("test-cold-values", 2, hidden("Tests cachés (2 points) : la probabilité moyenne pour chaque longueur de chaîne.", """
# _expected : calculé par la première cellule de test de cette tâche, à partir de votre propre simulation.
ex.check_mapping("mean_chance", ex.answer("mean_chance"), _expected, tol=0.005,
                 what="pour chaque longueur de chaîne, la moyenne de p_warm des prospects dont la "
                      "meilleure chaîne a ce nombre de liens",
                 hint="faites la moyenne de la colonne p_warm (la probabilité), pas de trust")
"""))
nb.test("test-cold-times", 1, hidden("Tests cachés (1 point) : une chaîne de 2 liens contre une approche à froid.", """
# _expected : calculé par la première cellule de test de cette tâche, à partir de votre propre simulation.
ex.check_close("times_cold", ex.answer("times_cold"), _expected[2] / 0.05, tol=0.05, reveal=False,
               what="la moyenne de p_warm des chaînes de 2 liens divisée par 0,05",
               hint="divisez par la probabilité de succès d'une approche à froid, 0,05")
"""))

# ---------------------------------------------------------------- Tâche 4
nb.task("task-first", """
## Tâche 4 : Qui solliciter en premier ? (4 points)

Une demande transmise deux fois arrive rarement : vous commencez donc par
les prospects dont la meilleure chaîne a **exactement 2 liens** (vous, l'un
de vos contacts, le prospect). Dans `pitch.chains`, la colonne
`first_contact` est la personne de la chaîne que vous sollicitez en
premier : pour ces prospects, votre contact qui vous présente.

- `introductions` : un dictionnaire dont les clés sont les contacts qui sont
  le `first_contact` d'au moins une chaîne de 2 liens, et dont les valeurs
  sont le **nombre attendu de présentations** que chacun d'eux
  apporterait : la somme de `p_warm` sur les prospects dont la meilleure
  chaîne de 2 liens commence par lui.
- `first_ask` : le contact dont le nombre attendu de présentations est
  le plus grand : la personne à solliciter en premier. Si plusieurs ont la
  même valeur la plus grande, n'importe lequel d'entre eux est une bonne
  réponse.
""")
nb.answer("answer-first", solution("", """
introductions = {}
for row in table.itertuples():
    if row.hops == 2:
        introductions[row.first_contact] = introductions.get(row.first_contact, 0) + row.p_warm
first_ask = max(introductions, key=introductions.get)
""", 'print(introductions)\nprint("à solliciter en premier :", first_ask)'))
nb.selfcheck("selfcheck-first", """
# Autovérification (0 point) : vos contacts, chacun avec un nombre attendu positif.
_found = ex.answer("introductions")
ex.check_type("introductions", _found, "dict")
for _key, _value in _found.items():
    ex.check_person("introductions", _key, G, among=G[me], what="l'un de vos contacts")
    ex.check_between(f"introductions[{_key!r}]", _value, 0, len(PROSPECTS),
                     what="un nombre attendu de présentations")
ex.check_person("first_ask", ex.answer("first_ask"), G, among=list(_found),
                what="l'une des clés de introductions")
print("Autovérification réussie.")
""")
nb.test("test-first-keys", 1, hidden("Tests cachés (1 point) : les contacts qui ouvrent des chaînes de 2 liens.", PRE + "\n" + PITCH + """
_intro = {}
for _h, _f, _pw in zip(_chains["hops"], _chains["first_contact"], _chains["p_warm"]):
    if int(_h) == 2:
        _intro[_f] = _intro.get(_f, 0.0) + float(_pw)
ex.check_mapping("introductions", ex.answer("introductions"), _intro, keys_only=True,
                 what="une clé pour chaque contact qui est le first_contact d'une chaîne de 2 liens",
                 hint="ne gardez que les lignes dont hops vaut 2")
"""))
nb.test("test-first-values", 2, hidden("Tests cachés (2 points) : les présentations attendues de chaque contact.", """
# _intro : calculé par la première cellule de test de cette tâche, à partir de votre propre simulation.
ex.check_mapping("introductions", ex.answer("introductions"), _intro, tol=0.005,
                 what="pour chaque contact, la somme de p_warm sur les chaînes de 2 liens qui "
                      "commencent par lui",
                 hint="additionnez les probabilités (p_warm), ne comptez pas les prospects")
"""))
nb.test("test-first-ask", 1, hidden("Tests cachés (1 point) : le contact à solliciter en premier.", """
# _intro : calculé par la première cellule de test de cette tâche, à partir de votre propre simulation.
_top = max(_intro.values())
ex.check_choice("first_ask", ex.answer("first_ask"), [_f for _f, _v in _intro.items() if _v >= _top - 1e-9],
                options=sorted(_intro),
                what="le contact dont le nombre attendu de présentations est le plus grand",
                hint="prenez la clé de introductions qui a la plus grande valeur")
"""))

# ---------------------------------------------------------------- Réflexion
nb.rubric("task-reflection", """
## Tâche 5 : Réflexion (5 points, notée par votre formateur ou formatrice)

Dans la cellule ci-dessous, en cinq à dix phrases :

1. Dites à qui vous demanderiez de vous présenter à `PROSPECT` (tâche 2) et
   pourquoi, avec les chiffres des deux liens de la chaîne. Cet
   intermédiaire est-il aussi votre contact le plus proche parmi ceux qui
   connaissent `PROSPECT` ? Expliquez pourquoi le lien entre l'intermédiaire
   et le prospect compte autant que le vôtre.
2. À l'aide de la tâche 3, dites de combien une présentation par un tiers réussit
   mieux qu'une approche à froid dans cette simulation. Dites ensuite
   quelles hypothèses du modèle produisent ce résultat (comment il fixe la
   probabilité d'une chaîne, et celle d'un message à froid), et si vous vous
   attendriez au même rapport dans votre propre métier.
3. Rédigez la demande que vous enverriez à votre intermédiaire, de façon
   qu'elle soit facile à transmettre : qui vous êtes, qui vous voulez
   rencontrer, en quoi c'est utile au prospect (trois ou quatre phrases).

**Barème (5 points)**

- 2 points : nomme l'intermédiaire avec les deux forces ou la confiance de
  sa chaîne (1 point), et explique que le lien de l'intermédiaire avec le
  prospect compte autant que le vôtre : un ami proche qui connaît à peine
  le prospect donne une chaîne faible (1 point).
- 1 point : donne l'avantage des présentations par un tiers avec les chiffres de la
  tâche 3 (par exemple « une chaîne de 2 liens a environ N fois plus de
  chances d'aboutir qu'un message à froid »), et le lit comme une
  conséquence des hypothèses du modèle : la probabilité d'une chaîne baisse
  avec la force de chacun de ses liens (chaque personne de plus la fait
  donc baisser), et le taux de réussite à froid, 0,05, est un paramètre de
  la simulation, pas un chiffre mesuré. Une réponse qui présente le rapport
  comme un fait établi sur la prospection n'obtient rien ici.
- 2 points : une demande facile à transmettre : elle vous présente
  brièvement, nomme la personne à rencontrer et la raison (1 point), et
  propose quelque chose d'utile au prospect plutôt qu'un argumentaire de
  vente (1 point).
""")
nb.reflection("answer-reflection", 5, """
### BEGIN SOLUTION
*Exemple de réponse (les chiffres diffèrent pour chaque apprenant).* Je
demanderais à la personne 361 de me présenter au prospect 479. Mon lien
avec 361 est moyen (0,42), mais 361 travaille avec 479 chaque semaine
(0,81) : la confiance de la chaîne est de 0,34, la plus élevée. Mon contact
le plus proche qui connaît 479 est la personne 296 (0,66), mais 296 la
connaît à peine (0,12) : une demande passant par 296 s'arrêterait sans
doute là. L'intermédiaire doit avoir la confiance du prospect, pas
seulement la mienne. À la tâche 3, les chaînes de 2 liens aboutissent en
moyenne avec une probabilité de 0,53, environ dix fois les 0,05 d'un
message à froid ; les chaînes de 3 liens, seulement 0,41. Ces rapports
viennent du modèle : il fait croître la probabilité d'une chaîne avec la
force de chacun de ses liens, si bien que chaque personne de plus la fait
baisser, et il fixe le taux de réussite à froid à 0,05 sans le mesurer.
Dans mon métier, où les acheteurs reçoivent beaucoup de messages à froid,
je m'attendrais à ce qu'une présentation par un tiers réussisse encore mieux. Ma
demande : « Bonjour, je dirige une petite entreprise qui aide les hôtels à
réduire leur facture d'énergie. J'ai vu que vous travaillez avec la
directrice de l'Hôtel Lenoir. Pourriez-vous me présenter à elle ?
J'aimerais lui montrer une étude de deux pages sur ce que des hôtels
comparables ont économisé l'an dernier. »
### END SOLUTION
""")

print(nb.write())
