"""Construit exercises/05-rencontres-et-evenements/05-rencontres-et-evenements.ipynb, l'édition
française de 05-encounters-and-events (`python exercises/.sources/build.py` ; un test vérifie
que le notebook et ce script concordent, et que les deux éditions ont le même code)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from authoring import HOW_FR as HOW, Notebook  # noqa: E402

A = "05-encounters-and-events"   # l'exercice anglais : la graine des données de l'apprenant
F = "05-rencontres-et-evenements"
REF = f'''_G = ex.reference_population("{A}", n=500)
_me = ex.my_person(_G, "{A}")
_rng = ex.my_rng("{A}", "guests")
_attendees = [_me] + sorted(int(_p) for _p in _rng.choice(sorted(set(_G) - {{_me}}), size=39,
                                                            replace=False))'''

nb = Notebook(F, lang="fr", edition_of=A)
nb.markdown("intro", f"""
# Exercice 05 : Rencontres et événements

Cet exercice accompagne la **Leçon 05 : Rencontres et événements**
(`course/fr/{F}.ipynb`). « Vous » participez à une série de soirées de
réseautage avec 39 autres professionnels. Une simulation suit pendant deux ans
les liens qui s'y sont noués : qui vous avez rencontré, si ces personnes
viennent d'autres mondes, et quels liens sont devenus des relations. Vous
comparez ensuite trois formats d'événement.

**Vos propres données.** La population, les autres invités et la simulation
sont tirés à partir de votre identifiant d'apprenant : vos personnes, vos
liens et vos chiffres diffèrent de ceux de tous les autres apprenants.
Calculez vos réponses à partir de vos propres données : des chiffres copiés
sur quelqu'un d'autre sont faux pour vos données.

{HOW}

| Tâche | Contenu | Points |
|---|---|---|
| 1 | Qui vous avez rencontré | 3 |
| 2 | Rencontres improbables | 3 |
| 3 | Du contact à la relation | 4 |
| 4 | Quel format ? | 5 |
| 5 | Réflexion (notée par votre formateur ou formatrice) | 5 |
| | **Total** | **20** |

Durée : environ 60 minutes.
""")
nb.markdown("setup-text", """
## Votre population et votre événement

Exécutez d'abord la cellule suivante. Elle construit votre population de
500 professionnels, choisit la personne qui est **vous** (`me`) et 39 autres
invités, puis simule une **soirée** de réseautage organisée une fois par mois
pendant 6 mois, et suit les nouveaux liens pendant 24 mois
(`weakties.scenarios.networking_event`).

À chaque séance, les invités s'assoient à des tables de cinq et changent de
table deux fois ; deux personnes assises à la même table peuvent échanger
leurs coordonnées (un lien de type `"event"`, noué à l'événement). Chaque
invité accepte aussi, à chaque séance, une demande de connexion en ligne
venue de quelqu'un d'extérieur à la salle (un lien de type `"online"`, en
ligne). Après l'événement, un lien noué à l'événement peut être entretenu de
temps en temps par une rencontre en personne ; un lien jamais entretenu se
refroidit.

Si la cellule vous indique qu'aucun identifiant d'apprenant n'est défini,
suivez une fois ses instructions, dans un autre notebook ou dans un terminal
(pas dans celui-ci), puis exécutez-la de nouveau.
""")
nb.setup("setup", f"""
import weakties
from weakties import exercises as ex
from weakties.scenarios import networking_event
weakties.i18n.set_language("fr")    # les messages de la bibliothèque, en français

ASSIGNMENT = "{A}"     # le nom anglais de l'exercice : vos données sont les mêmes dans les deux langues
G = ex.my_population(ASSIGNMENT, n=500)
me = ex.my_person(G, ASSIGNMENT)
rng = ex.my_rng(ASSIGNMENT, "guests")
attendees = [me] + sorted(int(p) for p in rng.choice(sorted(set(G) - {{me}}), size=39,
                                                         replace=False))
SEED = ex.my_seed(ASSIGNMENT, "event")
event = networking_event(G, attendees, format="evening", rounds=6, months=24, seed=SEED)

print("Vous :", ex.describe_person(G, me))
print(event.summary())
""")
nb.markdown("example-text", """
## Exemple guidé : lire le tableau des nouveaux liens

`event.new_ties` est un tableau (un DataFrame pandas) qui a une ligne par
nouveau lien. Les colonnes dont vous avez besoin :

- `person` et `other` : les deux personnes du lien (vous pouvez être l'une
  ou l'autre) ;
- `kind` : `"event"` (rencontre à l'événement) ou `"online"` (connexion en
  ligne seulement) ;
- `crosses_sector` : `True` quand les deux personnes travaillent dans des
  secteurs différents ;
- `follow_ups` : le nombre de fois où le lien a été entretenu après sa
  création ;
- `strength` : la force du lien au bout des 24 mois ;
- `relation` : `True` quand le lien est devenu une relation (la règle de la
  leçon 01 : deux ans, quatre échanges par an, des services dans les deux
  sens).

La cellule ci-dessous énumère les liens qu'un autre invité, `example`, a noués
à l'événement, avec une simple boucle sur les lignes.
""")
nb.example("example", """
example = attendees[1]
table = event.new_ties
print(table.columns.tolist())
for row in table.itertuples():
    if row.kind == "event" and example in (row.person, row.other):
        partner = row.other if row.person == example else row.person
        print(f"a rencontré {partner} (secteur {G.nodes[partner]['sector']}),",
              f"{row.follow_ups} suivis, force {row.strength:.2f}, relation : {row.relation}")
""")

# ---------------------------------------------------------------- tâche 1
nb.task("task-met", """
## Tâche 1 : Qui vous avez rencontré (3 points)

- `met` : la liste des personnes que **vous** avez rencontrées à l'événement
  (vos liens de type `"event"`), chaque personne une seule fois.
- `met_other_sector` : combien d'entre elles travaillent dans un autre secteur
  que le vôtre.
""")
nb.answer("answer-met", """
### BEGIN SOLUTION
met = []
for row in event.new_ties.itertuples():
    if row.kind == "event" and me in (row.person, row.other):
        met.append(row.other if row.person == me else row.person)
met_other_sector = sum(1 for p in met if G.nodes[p]["sector"] != G.nodes[me]["sector"])
### END SOLUTION
print(len(met), "personnes rencontrées, dont", met_other_sector, "d'un autre secteur")
""")
nb.selfcheck("selfcheck-met", """
# Autovérification (0 point) : des invités de l'événement, et un décompte.
_found = ex.answer("met")
ex.check_type("met", _found, "collection")
for _p in _found:
    ex.check_person("met", _p, G, among=attendees, what="un invité de l'événement")
ex.check_type("met_other_sector", ex.answer("met_other_sector"), "whole number")
ex.check_between("met_other_sector", ex.answer("met_other_sector"), 0, len(_found),
                 what="un nombre parmi les personnes rencontrées")
print("Autovérification réussie.")
""")
nb.test("test-met-people", 2, f"""
# Tests cachés (2 points) : les personnes que vous avez rencontrées à l'événement.
### BEGIN HIDDEN TESTS
{REF}
_event = networking_event(_G, _attendees, format="evening", rounds=6, months=24,
                          seed=ex.my_seed("{A}", "event"))
_t = _event.new_ties
_met_expected = [_o if _p == _me else _p
                 for _p, _o, _k in zip(_t["person"], _t["other"], _t["kind"])
                 if _k == "event" and _me in (_p, _o)]
ex.check_items("met", ex.answer("met"), _met_expected,
               what="les personnes avec qui vous avez un lien de type 'event'",
               hint="gardez les lignes de type 'event' où vous êtes person ou other, et prenez "
                    "l'autre personne de chacune")
### END HIDDEN TESTS
""")
nb.test("test-met-sector", 1, """
# Tests cachés (1 point) : combien d'entre elles travaillent dans un autre secteur.
### BEGIN HIDDEN TESTS
# _event et _met_expected : calculés par la cellule de test ci-dessus, sur vos propres données.
_n = sum(1 for _p in _met_expected if _G.nodes[_p]["sector"] != _G.nodes[_me]["sector"])
ex.check_equal("met_other_sector", ex.answer("met_other_sector"), _n, reveal=False,
               what="le nombre de personnes rencontrées dont le secteur n'est pas le vôtre",
               hint="comparez G.nodes[p]['sector'] avec votre propre secteur")
### END HIDDEN TESTS
""")

# ---------------------------------------------------------------- tâche 2
nb.task("task-mixed", """
## Tâche 2 : Rencontres improbables (3 points)

Rencontrez-vous d'autres mondes à l'événement plus souvent que dans vos
cercles habituels ?

- `cross_share` : un dictionnaire à deux clés : `"event"`, la part des
  personnes rencontrées à l'événement (tâche 1) qui travaillent dans un autre
  secteur que le vôtre, et `"before"`, la part de vos liens dans `G` (votre
  réseau avant l'événement) avec des personnes d'un autre secteur. Chacune est
  un nombre entre 0 et 1.
- `more_mixed` : `"event"` si l'événement mélange davantage les secteurs que
  votre réseau habituel, `"before"` sinon. (Si les deux parts sont égales, les
  deux réponses sont justes.)
""")
nb.answer("answer-mixed", """
### BEGIN SOLUTION
before = sum(1 for o in G[me] if G.nodes[o]["sector"] != G.nodes[me]["sector"]) / G.degree(me)
cross_share = {"event": met_other_sector / len(met), "before": before}
more_mixed = "event" if cross_share["event"] > cross_share["before"] else "before"
### END SOLUTION
print(cross_share, more_mixed)
""")
nb.selfcheck("selfcheck-mixed", """
# Autovérification (0 point) : deux parts et un choix.
_found = ex.answer("cross_share")
ex.check_mapping("cross_share", _found, {"event": 0, "before": 0}, keys_only=True,
                 what="un dictionnaire avec les clés 'event' et 'before'")
for _key, _value in _found.items():
    ex.check_between(f"cross_share[{_key!r}]", _value, 0, 1, what="une part",
                     hint="divisez par un nombre de liens ; ne multipliez pas par 100")
ex.check_choice("more_mixed", ex.answer("more_mixed"), ["event", "before"],
                options=["event", "before"])
print("Autovérification réussie.")
""")
nb.test("test-mixed-values", 2, f"""
# Tests cachés (2 points) : la part des liens entre secteurs, à l'événement et avant.
### BEGIN HIDDEN TESTS
{REF}
_event = networking_event(_G, _attendees, format="evening", rounds=6, months=24,
                          seed=ex.my_seed("{A}", "event"))
_t = _event.new_ties
_others = [_o if _p == _me else _p
           for _p, _o, _k in zip(_t["person"], _t["other"], _t["kind"])
           if _k == "event" and _me in (_p, _o)]
_sector = _G.nodes[_me]["sector"]
_mixed_expected = {{
    "event": sum(_G.nodes[_p]["sector"] != _sector for _p in _others) / len(_others),
    "before": sum(_G.nodes[_p]["sector"] != _sector for _p in _G[_me]) / _G.degree(_me),
}}
ex.check_mapping("cross_share", ex.answer("cross_share"), _mixed_expected, tol=0.01,
                 what="la part des liens avec un autre secteur, parmi les personnes rencontrées à "
                      "l'événement et parmi vos liens d'avant",
                 hint="divisez par le nombre de personnes rencontrées pour 'event', par votre "
                      "nombre de liens pour 'before'")
### END HIDDEN TESTS
""")
nb.test("test-mixed-choice", 1, """
# Tests cachés (1 point) : où vous rencontrez le plus d'autres mondes.
### BEGIN HIDDEN TESTS
# _mixed_expected : calculé par la cellule de test ci-dessus, sur vos propres données.
_e, _b = _mixed_expected["event"], _mixed_expected["before"]
_accept = ["event"] if _e > _b else ["before"] if _b > _e else ["event", "before"]
ex.check_choice("more_mixed", ex.answer("more_mixed"), _accept, options=["event", "before"],
                what="là où la plus grande part de vos liens relie des secteurs, sur vos données")
### END HIDDEN TESTS
""")

# ---------------------------------------------------------------- tâche 3
nb.task("task-follow", """
## Tâche 3 : Du contact à la relation (4 points)

Regardez maintenant **tous** les nouveaux liens de l'événement (pas seulement
les vôtres), 24 mois plus tard.

- `mean_strength` : un dictionnaire à trois clés : `"followed"`, la force
  finale moyenne des liens noués à l'événement et entretenus au moins une
  fois (`follow_ups` vaut 1 ou plus) ; `"not followed"`, la force finale
  moyenne des liens noués à l'événement et jamais entretenus ; `"online"`, la
  force finale moyenne des liens en ligne.
- `became_relations` : le nombre de liens noués à l'**événement** (type
  `"event"`) qui sont devenus des relations.
""")
nb.answer("answer-follow", """
### BEGIN SOLUTION
table = event.new_ties
groups = {"followed": [], "not followed": [], "online": []}
for row in table.itertuples():
    if row.kind == "online":
        groups["online"].append(row.strength)
    elif row.follow_ups >= 1:
        groups["followed"].append(row.strength)
    else:
        groups["not followed"].append(row.strength)
mean_strength = {key: sum(values) / len(values) for key, values in groups.items()}
became_relations = int(((table["kind"] == "event") & table["relation"]).sum())
### END SOLUTION
print(mean_strength, became_relations)
""")
nb.selfcheck("selfcheck-follow", """
# Autovérification (0 point) : trois forces moyennes et un décompte.
_found = ex.answer("mean_strength")
ex.check_mapping("mean_strength", _found, {"followed": 0, "not followed": 0, "online": 0},
                 keys_only=True,
                 what="un dictionnaire avec les clés 'followed', 'not followed' et 'online'")
for _key, _value in _found.items():
    ex.check_between(f"mean_strength[{_key!r}]", _value, 0, 1, what="une force moyenne")
ex.check_type("became_relations", ex.answer("became_relations"), "whole number")
print("Autovérification réussie.")
""")
nb.test("test-follow-values", 3, f"""
# Tests cachés (3 points) : la force finale moyenne de chaque groupe de liens.
### BEGIN HIDDEN TESTS
{REF}
_event = networking_event(_G, _attendees, format="evening", rounds=6, months=24,
                          seed=ex.my_seed("{A}", "event"))
_t = _event.new_ties
_groups = {{"followed": [], "not followed": [], "online": []}}
for _k, _f, _s in zip(_t["kind"], _t["follow_ups"], _t["strength"]):
    _groups["online" if _k == "online" else "followed" if _f >= 1 else "not followed"].append(_s)
_expected = {{_k: sum(_v) / len(_v) for _k, _v in _groups.items()}}
_relations_expected = sum(1 for _k, _r in zip(_t["kind"], _t["relation"]) if _k == "event" and _r)
ex.check_mapping("mean_strength", ex.answer("mean_strength"), _expected, tol=0.005,
                 what="la force finale moyenne des liens d'événement entretenus, des liens "
                      "d'événement jamais entretenus, et des liens en ligne",
                 hint="'followed' veut dire follow_ups de 1 ou plus, parmi les seuls liens de type 'event'")
### END HIDDEN TESTS
""")
nb.test("test-follow-relations", 1, """
# Tests cachés (1 point) : les liens noués à l'événement qui sont devenus des relations.
### BEGIN HIDDEN TESTS
# _relations_expected : calculé par la cellule de test ci-dessus, sur vos propres données.
ex.check_equal("became_relations", ex.answer("became_relations"), _relations_expected,
               reveal=False, what="le nombre de liens de type 'event' dont relation vaut True",
               hint="lisez la colonne relation (un suivi seul ne fait pas une relation), "
                    "et ne comptez que les liens de type 'event'")
### END HIDDEN TESTS
""")

# ---------------------------------------------------------------- tâche 4
nb.task("task-format", """
## Tâche 4 : Quel format ? (5 points)

`networking_event` connaît trois formats
(`weakties.scenarios.networking_event.FORMATS`) :

- `"evening"` : une grande soirée, tables de 5, les participants changent de
  table deux fois ;
- `"breakfast"` : un petit déjeuner, une seule table de 6 pour toute la
  séance, plus de temps pour parler ;
- `"neighbourhood"` : des tables de 8 réunissant des professionnels qui
  habitent et travaillent près les uns des autres, si bien qu'il est facile de
  se revoir.

Lancez la même série d'événements, avec les mêmes invités et la même graine
(`SEED`), une fois dans chaque format, et comparez-les.

- `ties_by_format` : un dictionnaire `{format: nombre de liens noués à
  l'événement}`.
- `relations_by_format` : un dictionnaire `{format: nombre de liens noués à
  l'événement devenus des relations}`.
- `most_ties` et `most_relations` : le format qui noue le plus de liens à
  l'événement, et celui qui crée le plus de relations. Si plusieurs formats
  sont à égalité, chacun d'eux est juste.
""")
nb.answer("answer-format", """
### BEGIN SOLUTION
ties_by_format, relations_by_format = {}, {}
for fmt in ("evening", "breakfast", "neighbourhood"):
    result = networking_event(G, attendees, format=fmt, rounds=6, months=24, seed=SEED)
    events = result.new_ties[result.new_ties["kind"] == "event"]
    ties_by_format[fmt] = len(events)
    relations_by_format[fmt] = int(events["relation"].sum())
most_ties = max(ties_by_format, key=ties_by_format.get)
most_relations = max(relations_by_format, key=relations_by_format.get)
### END SOLUTION
print(ties_by_format, relations_by_format, most_ties, most_relations)
""")
nb.selfcheck("selfcheck-format", """
# Autovérification (0 point) : la forme de vos réponses.
_formats = ["evening", "breakfast", "neighbourhood"]
for _name in ("ties_by_format", "relations_by_format"):
    _found = ex.answer(_name)
    ex.check_mapping(_name, _found, dict.fromkeys(_formats, 0), keys_only=True,
                     what="un dictionnaire avec les clés 'evening', 'breakfast', 'neighbourhood'")
    for _key, _value in _found.items():
        ex.check_type(f"{_name}[{_key!r}]", _value, "whole number")
ex.check_choice("most_ties", ex.answer("most_ties"), _formats, options=_formats)
ex.check_choice("most_relations", ex.answer("most_relations"), _formats, options=_formats)
print("Autovérification réussie.")
""")
nb.test("test-format-ties", 1, f"""
# Tests cachés (1 point) : les liens noués à l'événement dans chaque format.
### BEGIN HIDDEN TESTS
{REF}
_ties, _relations = {{}}, {{}}
for _fmt in ("evening", "breakfast", "neighbourhood"):
    _t = networking_event(_G, _attendees, format=_fmt, rounds=6, months=24,
                          seed=ex.my_seed("{A}", "event")).new_ties
    _ties[_fmt] = sum(1 for _k in _t["kind"] if _k == "event")
    _relations[_fmt] = sum(1 for _k, _r in zip(_t["kind"], _t["relation"]) if _k == "event" and _r)
ex.check_mapping("ties_by_format", ex.answer("ties_by_format"), _ties,
                 what="pour chaque format, le nombre de liens de type 'event'",
                 hint="lancez la simulation une fois par format, avec les mêmes invités et la même graine")
### END HIDDEN TESTS
""")
nb.test("test-format-relations", 2, """
# Tests cachés (2 points) : les relations créées dans chaque format.
### BEGIN HIDDEN TESTS
# _relations : calculé par la cellule de test ci-dessus, sur vos propres données.
ex.check_mapping("relations_by_format", ex.answer("relations_by_format"), _relations,
                 what="pour chaque format, le nombre de liens d'événement devenus des relations",
                 hint="comptez les lignes de type 'event' dont relation vaut True")
### END HIDDEN TESTS
""")
nb.test("test-format-most-ties", 1, """
# Tests cachés (1 point) : le format qui noue le plus de liens.
### BEGIN HIDDEN TESTS
# _ties : calculé par la cellule de test ci-dessus, sur vos propres données.
ex.check_choice("most_ties", ex.answer("most_ties"),
                [_f for _f, _k in _ties.items() if _k == max(_ties.values())],
                options=["evening", "breakfast", "neighbourhood"],
                what="le format qui noue le plus de liens à l'événement, sur vos données")
### END HIDDEN TESTS
""")
nb.test("test-format-most-relations", 1, """
# Tests cachés (1 point) : le format qui crée le plus de relations.
### BEGIN HIDDEN TESTS
# _relations : calculé par la cellule de test ci-dessus, sur vos propres données.
ex.check_choice("most_relations", ex.answer("most_relations"),
                [_f for _f, _k in _relations.items() if _k == max(_relations.values())],
                options=["evening", "breakfast", "neighbourhood"],
                what="le format qui crée le plus de relations, sur vos données")
### END HIDDEN TESTS
""")

# ---------------------------------------------------------------- réflexion
nb.rubric("task-reflection", """
## Tâche 5 : Réflexion (5 points, notée par votre formateur ou formatrice)

Préparez votre prochain événement de réseautage à l'aide de vos résultats.
Dans la cellule ci-dessous, en cinq à dix phrases :

1. Quel format choisiriez-vous pour votre objectif, et pourquoi ?
   Appuyez-vous sur vos chiffres de la tâche 4 (liens noués contre relations
   créées).
2. Que feriez-vous dans les trois mois qui suivent l'événement pour qu'un
   contact devienne une relation ? Appuyez-vous sur la tâche 3 (liens
   entretenus contre liens jamais entretenus, liens en ligne).
3. Pourquoi ajouter quelqu'un en ligne après l'événement ne suffit-il pas ?

**Barème (5 points)**

- 2 points : un format choisi pour un objectif énoncé (1 point), justifié par
  vos chiffres, en reconnaissant l'arbitrage entre beaucoup de contacts et peu
  de relations (1 point).
- 2 points : un plan de suivi concret et daté (un rendez-vous, une tâche
  partagée, une promesse tenue, dans les semaines qui suivent ; 1 point),
  justifié par l'écart de force entre les liens entretenus et les liens
  jamais entretenus (1 point).
- 1 point : la réponse explique que la valeur du lien se cristallise par la
  présence réelle et des échanges répétés ; une simple connexion en ligne
  reste faible (la force des liens en ligne).
""")
nb.reflection("answer-reflection", 5, """
### BEGIN SOLUTION
*Exemple de réponse (les chiffres diffèrent pour chaque apprenant).* Mon
objectif est de construire quelques relations solides dans la logistique, pas
de collectionner les cartes de visite : je choisirais donc le format de
quartier (« neighbourhood »). Dans ma simulation, il a créé 20 relations
contre 1 pour la soirée, même si la soirée a noué davantage de liens (404
contre 277). Dans les trois mois qui suivent l'événement, je reverrais dans
les deux semaines les deux ou trois personnes que je veux mieux connaître,
autour d'un café près de nos bureaux, et j'enverrais à l'une d'elles le
document promis. Les liens entretenus ont atteint une force moyenne de 0,33,
contre 0,10 pour les liens jamais entretenus. Ajouter des personnes en ligne
ne suffit pas : les liens seulement en ligne sont restés autour de 0,08,
parce que la confiance grandit avec des échanges répétés en personne et des
engagements tenus : c'est la cristallisation par la présence réelle.
### END SOLUTION
""")
if __name__ == "__main__":
    print(nb.write())
