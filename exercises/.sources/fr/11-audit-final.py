"""Construit exercises/11-audit-final/11-audit-final.ipynb, l'édition française de 11-capstone-audit (`python exercises/.sources/build.py`; un test vérifie que les deux concordent)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from authoring import hidden, HOW_FR as HOW, Notebook, solution  # noqa: E402

A = "11-capstone-audit"        # l'exercice anglais : la graine des données de l'apprenant, les mêmes dans les deux langues
F = "11-audit-final"
nb = Notebook(F, lang="fr", edition_of=A)
PRE = f'''_A = "{A}"
_G = ex.reference_population(_A, n=400)
_me = ex.my_person(_G, _A, min_ties=20, min_strong=3, min_weak=8)
_mine = sorted(_G[_me])
_k = len(_mine)'''

nb.markdown("intro", f"""
# Exercice 11 : Auditer son propre réseau (exercice de synthèse)

Cet exercice accompagne la **Leçon 11 : Auditer son propre réseau**
(`course/fr/{F}.ipynb`). Il
clôt le cours : vous auditez le réseau de « vous », une personne d'une
population simulée, avec les outils d'audit de la leçon, vous mesurez de
quoi il est fait, vous repérez les mondes qu'il atteint à peine et les
personnes qui pourraient vous les ouvrir, puis vous rédigez un diagnostic
et un **plan d'action** pour les trois mois à venir. Le diagnostic et le
plan sont notés par votre formateur ou formatrice selon les barèmes écrits
au-dessus d'eux ; trois petites tâches sont notées automatiquement.

**Vos propres données.** La population ci-dessous est construite à partir
de votre identifiant d'apprenant : vos contacts et vos chiffres diffèrent
de ceux de tous les autres apprenants. Calculez vos réponses à partir de vos
propres données : des chiffres recopiés sur quelqu'un d'autre sont faux sur
vos données.

**Votre réseau réel reste privé.** Le travail noté n'utilise jamais un
export réel. Dans la leçon 11, vous pouvez faire le même audit sur vos
propres contacts LinkedIn ou sur votre fiche de contacts, sur votre propre
ordinateur ; gardez ce rapport et ce plan pour vous. Ne collez jamais dans
ce notebook un nom, un chiffre ou une phrase venant de votre export ou de
votre rapport réels.

{HOW}

| Tâche | Contenu | Points |
|---|---|---|
| 1 | De quoi votre réseau est fait | 3 |
| 2 | Vos liens faibles sont-ils plus variés ? | 3 |
| 3 | Les secteurs que vous atteignez à peine, et qui peut vous les ouvrir | 4 |
| 4 | Diagnostic (noté par votre formateur ou formatrice) | 5 |
| 5 | Plan d'action (noté par votre formateur ou formatrice) | 15 |
| | **Total** | **30** |

Durée : environ 90 minutes.
""")

nb.markdown("setup-text", """
## Votre population et vos contacts

Exécutez d'abord la cellule suivante. Elle construit votre population de
400 professionnels en France et choisit la personne qui est **vous** (`me`).
Elle écrit ensuite vos contacts comme l'audit lit une fiche de contacts
(`my_contacts`, un DataFrame de pandas avec une ligne par contact) : au lieu
d'un nom, chaque contact a un pseudonyme (`P-` suivi du numéro de la
personne dans `G`) ; `strength` indique à quel point vous le connaissez,
sur les quatre degrés de l'audit (1 à peine, 2 connaissance, 3 bon contact,
4 proche : les degrés 3 et 4 sont des liens forts) ; `context` indique
comment vous vous êtes rencontrés. Si la cellule indique qu'aucun
identifiant d'apprenant n'est défini, suivez ses instructions, puis
exécutez-la de nouveau.
""")

nb.setup("setup", f"""
import pandas as pd
import weakties
from weakties import audit
from weakties import exercises as ex
weakties.i18n.set_language("fr")

ASSIGNMENT = "{A}"
G = ex.my_population(ASSIGNMENT, n=400)
me = ex.my_person(G, ASSIGNMENT, min_ties=20, min_strong=3, min_weak=8)
MY_SECTOR = G.nodes[me]["sector"]
SECTORS = sorted({{G.nodes[p]["sector"] for p in G}})

rows = []
for q in sorted(G[me]):
    tie, who = G[me][q], G.nodes[q]
    rows.append({{"contact": f"P-{{q}}", "company": who["employer"], "position": who["occupation"],
                 "connected_on": pd.NaT, "year": tie["since"], "sector_guess": who["sector"],
                 "sector": who["sector"], "seniority": audit.seniority_of(who["occupation"]),
                 "strength": min(4, int(tie["strength"] * 4) + 1), "context": tie["context"],
                 "region": who["region"], "generation": who["generation"],
                 "last_contact": pd.NaT, "source": "sheet"}})
my_contacts = pd.DataFrame(rows, columns=list(audit.COLUMNS))
my_contacts["strength"] = my_contacts["strength"].astype("Int64")
my_contacts["year"] = my_contacts["year"].astype("Int64")

print(f"Votre population : {{G.number_of_nodes()}} personnes et {{G.number_of_edges()}} liens.")
print("Vous :", ex.describe_person(G, me))
print(my_contacts[["contact", "company", "position", "sector", "strength", "context"]].head(8))
""")

nb.markdown("example-text", """
## Exemple guidé : l'audit de Camille

Le cours fournit un export LinkedIn fictif : le réseau de Camille, une
professionnelle du marketing à Paris (environ 300 contacts, aucun réel),
avec les annotations que Camille a faites. La cellule ci-dessous le lit,
compte les contacts de Camille par secteur, calcule la part de ceux qui
travaillent dans le secteur de Camille (Digital, le numérique) et l'indice
de diversité de Blau de leurs secteurs (leçon 03 : la probabilité que deux
contacts tirés au hasard travaillent dans des secteurs différents,
`weakties.metrics.blau`), puis fait l'audit pour une recherche d'emploi,
en comparaison avec votre population, et affiche ses mesures et les
premières lignes de son plan d'action. Camille a bien plus de contacts que
les personnes de votre population : comparez donc les mesures de
diversité, et non le nombre de contacts. La cellule « Votre rapport
d'audit » plus bas fait la même chose pour votre propre réseau.
""")

nb.example("example", """
camille = audit.with_annotations(audit.read_linkedin(audit.SAMPLE_EXPORT), audit.SAMPLE_ANNOTATIONS)
known = camille[camille["sector"] != "unknown"]
print(known["sector"].value_counts().head(6))
print("Part dans Digital :", round((known["sector"] == "Digital").sum() / len(known), 3))
print("Diversité des secteurs (Blau) :", round(weakties.metrics.blau(list(known["sector"])), 3))

camille_report = audit.report(camille, goal="job_search", reference=G)
print(camille_report.measures[["label", "you", "reference_median", "verdict"]].round(2).to_string())
for action in camille_report.actions[:3]:
    print("-", action)
""")

# ---------------------------------------------------------------- Tâche 1
nb.task("task-composition", """
## Tâche 1 : De quoi votre réseau est fait (3 points)

- `sector_share` : un dictionnaire dont les clés sont les secteurs où
  travaille au moins l'un de vos contacts, et dont les valeurs sont la
  **part** de vos contacts qui travaillent dans chacun d'eux (des nombres
  entre 0 et 1 dont la somme vaut 1).
- `own_sector_share` : la part de vos contacts qui travaillent dans votre
  propre secteur, `MY_SECTOR` (0 si aucun n'y travaille).

*Indice : `my_contacts["sector"].value_counts()` compte vos contacts par
secteur ; divisez par `len(my_contacts)`.*
""")
nb.answer("answer-composition", solution("", """
counts = my_contacts["sector"].value_counts()
sector_share = {sector: count / len(my_contacts) for sector, count in counts.items()}
own_sector_share = sector_share.get(MY_SECTOR, 0)
""", 'print(sector_share)\nprint("votre secteur :", MY_SECTOR, own_sector_share)'))
nb.selfcheck("selfcheck-composition", """
# Autovérification (0 point) : des parts de secteurs dont la somme vaut 1, et une part.
_found = ex.answer("sector_share")
ex.check_type("sector_share", _found, "dict")
for _key, _value in _found.items():
    ex.check_choice("une clé de sector_share", _key, SECTORS, options=SECTORS)
    ex.check_between(f"sector_share[{_key!r}]", _value, 0, 1, what="une part",
                     hint="divisez par votre nombre de contacts ; ne multipliez pas par 100")
ex.check_close("somme des valeurs de sector_share", sum(_found.values()), 1, tol=0.01,
               hint="chaque contact travaille dans un seul secteur : la somme des parts vaut donc 1")
ex.check_between("own_sector_share", ex.answer("own_sector_share"), 0, 1, what="une part")
print("Autovérification réussie.")
""")
nb.test("test-composition-shares", 2, hidden("Tests cachés (2 points) : la part de vos contacts dans chaque secteur.", PRE + """
_count = {}
for _q in _mine:
    _count[_G.nodes[_q]["sector"]] = _count.get(_G.nodes[_q]["sector"], 0) + 1
_share = {_s: _c / _k for _s, _c in _count.items()}
ex.check_mapping("sector_share", ex.answer("sector_share"), _share, tol=0.005,
                 what="pour chaque secteur de vos contacts, la part de vos contacts qui y travaillent",
                 hint="comptez vos contacts par secteur et divisez par votre nombre de contacts")
"""))
nb.test("test-composition-own", 1, hidden("Tests cachés (1 point) : la part de vos contacts dans votre propre secteur.", """
# _share : calculé par la première cellule de test de cette tâche, à partir de vos propres données.
ex.check_close("own_sector_share", ex.answer("own_sector_share"),
               _share.get(_G.nodes[_me]["sector"], 0), tol=0.005, reveal=False,
               what="la part de vos contacts qui travaillent dans votre propre secteur",
               hint="votre secteur est MY_SECTOR")
"""))

# ---------------------------------------------------------------- Tâche 2
nb.task("task-variety", """
## Tâche 2 : Vos liens faibles sont-ils plus variés ? (3 points)

L'indice de Blau d'une liste de secteurs vaut 1 moins la somme des carrés
des parts de chaque secteur : 0 quand tout le monde travaille dans le même
secteur, près de 1 quand les secteurs sont nombreux et également
représentés (`weakties.metrics.blau(list_of_sectors)` le calcule).

- `diversity` : un dictionnaire avec les clés `"strong"` et `"weak"` :
  l'indice de Blau des secteurs de vos liens **forts** (`strength` 3 ou 4
  dans `my_contacts`) et celui de vos liens **faibles** (`strength` 1 ou
  2).
- `more_varied` : `"strong"` ou `"weak"` : le type de lien dont les
  secteurs sont les plus variés dans votre réseau.
""")
nb.answer("answer-variety", solution("", """
strong_sectors = list(my_contacts[my_contacts["strength"] >= 3]["sector"])
weak_sectors = list(my_contacts[my_contacts["strength"] <= 2]["sector"])
diversity = {"strong": weakties.metrics.blau(strong_sectors),
             "weak": weakties.metrics.blau(weak_sectors)}
more_varied = max(diversity, key=diversity.get)
""", "print(diversity, more_varied)"))
nb.selfcheck("selfcheck-variety", """
# Autovérification (0 point) : deux indices entre 0 et 1, et un type de lien.
_found = ex.answer("diversity")
ex.check_mapping("diversity", _found, {"strong": 0, "weak": 0}, keys_only=True,
                 what="un dictionnaire avec les clés 'strong' et 'weak'")
for _key, _value in _found.items():
    ex.check_between(f"diversity[{_key!r}]", _value, 0, 1, what="un indice de Blau",
                     hint="1 moins la somme des carrés des parts des secteurs")
ex.check_choice("more_varied", ex.answer("more_varied"), ["strong", "weak"], options=["strong", "weak"])
print("Autovérification réussie.")
""")
nb.test("test-variety-values", 2, hidden("Tests cachés (2 points) : l'indice de Blau des secteurs de vos liens forts et de vos liens faibles.", PRE + """
_groups = {"strong": [], "weak": []}
for _q in _mine:
    _groups["strong" if _G[_me][_q]["strength"] >= 0.5 else "weak"].append(_G.nodes[_q]["sector"])
_blau = {}
for _kind, _list in _groups.items():
    _counts = {}
    for _s in _list:
        _counts[_s] = _counts.get(_s, 0) + 1
    _blau[_kind] = 1 - sum((_c / len(_list)) ** 2 for _c in _counts.values())
ex.check_mapping("diversity", ex.answer("diversity"), _blau, tol=0.005,
                 what="l'indice de Blau des secteurs de vos liens forts et de vos liens faibles",
                 hint="les liens forts ont une force (strength) de 3 ou 4 dans my_contacts, les "
                      "liens faibles de 1 ou 2 ; l'indice de Blau vaut 1 moins la somme des carrés "
                      "des parts, ce n'est pas un nombre de secteurs")
"""))
nb.test("test-variety-choice", 1, hidden("Tests cachés (1 point) : le type de lien le plus varié.", """
# _blau : calculé par la première cellule de test de cette tâche, à partir de vos propres données.
_top = max(_blau.values())
ex.check_choice("more_varied", ex.answer("more_varied"), [_t for _t, _v in _blau.items() if _v >= _top - 1e-12],
                options=["strong", "weak"],
                what="le type de lien dont les secteurs sont les plus variés, sur vos données")
"""))

# ---------------------------------------------------------------- Tâche 3
nb.task("task-gaps", """
## Tâche 3 : Les secteurs que vous atteignez à peine, et qui peut vous les ouvrir (4 points)

L'audit de la leçon 11 dit qu'un secteur est **atteint à peine** quand il
regroupe au moins 4 % de la population, mais que votre part de contacts
dans ce secteur est inférieure à la moitié de sa part de la population.
Ici, la population est la vôtre, `G`.

- `missing_sectors` : la liste des secteurs que vous atteignez à peine,
  rangés selon l'**écart** (la part du secteur dans la population moins sa
  part parmi vos contacts), le **plus grand écart en premier**.
- `bridges` : un dictionnaire dont les clés sont les secteurs de
  `missing_sectors` et dont les valeurs sont, pour chacun, **votre contact
  qui connaît le plus de personnes travaillant dans ce secteur** (vous
  exclu) : la personne à qui demander d'être présenté. Dans un réseau
  simulé, vous voyez les contacts de vos contacts (`G[q]`) ; un export réel
  ne les montre pas, et c'est pourquoi la leçon 11 vous demande d'annoter
  vos contacts. Si plusieurs contacts connaissent le même nombre le plus
  grand, n'importe lequel d'entre eux est une bonne réponse ; utilisez le
  numéro de la personne (`q`, comme dans `G`), et non son pseudonyme.
""")
nb.answer("answer-gaps", solution("", """
n = G.number_of_nodes()
population_share = {s: sum(1 for p in G if G.nodes[p]["sector"] == s) / n for s in SECTORS}
mine = {s: sum(1 for q in G[me] if G.nodes[q]["sector"] == s) / G.degree(me) for s in SECTORS}
gap = {s: population_share[s] - mine[s] for s in SECTORS}
missing = [s for s in SECTORS if population_share[s] >= 0.04 and mine[s] < 0.5 * population_share[s]]
missing_sectors = sorted(missing, key=lambda s: gap[s], reverse=True)

bridges = {}
for sector in missing_sectors:
    knows = {q: sum(1 for w in G[q] if w != me and G.nodes[w]["sector"] == sector) for q in G[me]}
    bridges[sector] = max(knows, key=knows.get)
""", 'print(missing_sectors)\nprint(bridges)'))
nb.selfcheck("selfcheck-gaps", """
# Autovérification (0 point) : des secteurs, et l'un de vos contacts pour chacun.
_found = ex.answer("missing_sectors")
ex.check_type("missing_sectors", _found, "list")
for _s in _found:
    ex.check_choice("missing_sectors", _s, SECTORS, options=SECTORS)
_bridges = ex.answer("bridges")
ex.check_mapping("bridges", _bridges, dict.fromkeys(_found, 0), keys_only=True,
                 what="un dictionnaire avec une clé pour chaque secteur de missing_sectors")
for _s, _q in _bridges.items():
    ex.check_person(f"bridges[{_s!r}]", _q, G, among=G[me], what="l'un de vos contacts")
print("Autovérification réussie.")
""")
nb.test("test-gaps-sectors", 2, hidden("Tests cachés (2 points) : les secteurs que vous atteignez à peine.", PRE + """
_n = _G.number_of_nodes()
_pop_n, _own_n = {}, {}
for _p in _G:
    _pop_n[_G.nodes[_p]["sector"]] = _pop_n.get(_G.nodes[_p]["sector"], 0) + 1
for _q in _mine:
    _own_n[_G.nodes[_q]["sector"]] = _own_n.get(_G.nodes[_q]["sector"], 0) + 1
# Comparaisons en nombres entiers : au moins 4 % de la population, et une part de vos contacts
# inférieure à la moitié de la part de la population.
_missing = [_s for _s in _pop_n if 25 * _pop_n[_s] >= _n and 2 * _own_n.get(_s, 0) * _n < _pop_n[_s] * _k]
_gap = {_s: _pop_n[_s] / _n - _own_n.get(_s, 0) / _k for _s in _missing}
_best_bridges = {}
for _s in _missing:
    _knows = {_q: sum(1 for _w in _G[_q] if _w != _me and _G.nodes[_w]["sector"] == _s) for _q in _mine}
    _best_bridges[_s] = [_q for _q in _mine if _knows[_q] == max(_knows.values())]
ex.check_items("missing_sectors", ex.answer("missing_sectors"), _missing,
               what="les secteurs qui regroupent au moins 4 % de la population et dont la part "
                    "parmi vos contacts est inférieure à la moitié de leur part de la population",
               hint="comparez deux parts pour chaque secteur : dans la population (G) et parmi vos "
                    "contacts")
"""))
nb.test("test-gaps-order", 1, hidden("Tests cachés (1 point) : le plus grand écart en premier.", """
# _gap : calculé par la première cellule de test de cette tâche, à partir de vos propres données.
_found = ex.answer("missing_sectors")
ex.check_items("missing_sectors", _found, _missing, what="les secteurs que vous atteignez à peine")
ex.check_order("missing_sectors", _found, lambda _s: _gap[_s], what="le plus grand écart en premier",
               hint="l'écart est la part dans la population moins la part parmi vos contacts ; "
                    "triez avec reverse=True")
"""))
nb.test("test-gaps-bridges", 1, hidden("Tests cachés (1 point) : le contact qui peut vous ouvrir chaque secteur.", """
# _best_bridges : calculé par la première cellule de test de cette tâche, à partir de vos propres données.
_found = ex.answer("bridges")
ex.check_mapping("bridges", _found, dict.fromkeys(_missing, 0), keys_only=True,
                 what="un dictionnaire avec une clé pour chaque secteur que vous atteignez à peine")
for _s in sorted(_missing):
    ex.check_choice(f"bridges[{_s!r}]", _found[_s], _best_bridges[_s], options=_mine,
                    what=f"votre contact qui connaît le plus de personnes travaillant dans le secteur {_s}",
                    hint="pour chacun de vos contacts q, comptez les personnes de G[q] (sauf vous) "
                         "qui travaillent dans ce secteur")
"""))

# ---------------------------------------------------------------- Votre audit (non noté)
nb.markdown("audit-text", """
## Votre rapport d'audit (non noté)

Choisissez dans la cellule suivante l'objectif de votre plan :
`"job_search"` (recherche d'emploi), `"prospecting"` (prospection),
`"e_reputation"` (e-réputation) ou `"company_creation"` (création
d'entreprise), les leçons 07 à 10, et, si vous le souhaitez, les secteurs
qu'il vise (`TARGET_SECTORS`, par exemple `["Health"]` pour la santé ;
laissez la liste vide pour que l'audit les choisisse d'après votre
objectif). Exécutez ensuite la cellule : elle audite vos contacts pour cet
objectif, en comparaison avec votre population, et affiche les mesures,
les mondes dont votre objectif a besoin, les contacts qui pourraient faire
le pont vers eux, les événements auxquels participer et le plan d'action
proposé par l'audit. Pour voir le rapport complet avec ses images, ajoutez
à la fin de la cellule une ligne contenant seulement `report` (cela prend
quelques secondes). Vous pouvez modifier cette cellule et l'exécuter
autant de fois que vous voulez ; elle n'est pas notée, et les tâches
ci-dessous utilisent ce qu'elle montre.
""")
nb.scratch("my-audit", """
MY_GOAL = "job_search"
TARGET_SECTORS = []

report = audit.report(my_contacts, goal=MY_GOAL, reference=G, targets={"sectors": TARGET_SECTORS},
                      me={"sector": MY_SECTOR, "region": G.nodes[me]["region"],
                          "generation": G.nodes[me]["generation"]})
print(report.measures[["label", "you", "reference_median", "verdict"]].round(2).to_string())
print(report.worlds[["dimension", "world", "your_contacts", "missing", "why"]].to_string())
print(report.bridges[["world", "contact", "position", "tie", "why"]].to_string())
print(report.events[["title", "why", "how_often"]].to_string())
for action in report.actions:
    print("-", action)
""")

# ---------------------------------------------------------------- Diagnostic
nb.rubric("task-diagnosis", """
## Tâche 4 : Diagnostic (5 points, noté par votre formateur ou formatrice)

À l'aide des tâches 1 à 3 et de votre rapport d'audit, rédigez en cinq à
huit phrases un diagnostic de votre réseau : de quoi il est fait, comment
il se compare aux autres personnes de votre population, ses forces et ses
faiblesses pour votre objectif. Commencez par une phrase qui énonce votre
objectif (`MY_GOAL`).

**Barème (5 points)**

- 1 point : énonce l'objectif et décrit la composition avec au moins deux
  chiffres de la tâche 1 ou du rapport (nombre de contacts, part dans son
  propre secteur, principaux secteurs, part de liens forts).
- 2 points : compare au moins deux mesures du rapport avec la référence
  (par exemple la diversité des secteurs, la part d'alter ego, la part dans
  les cinq entreprises les plus fréquentes), chacune avec la valeur de
  l'apprenant, la médiane de référence et le verdict (1 point chacune).
- 1 point : interprète la tâche 2 (les liens faibles sont-ils plus variés
  que les liens forts, et qu'est-ce que cela signifie pour atteindre de
  nouveaux mondes, leçons 02 et 03).
- 1 point : nomme une force et une faiblesse du réseau *pour l'objectif
  choisi*, cohérentes avec les chiffres donnés.
""")
nb.reflection("answer-diagnosis", 5, """
### BEGIN SOLUTION
*Exemple de réponse (les chiffres diffèrent pour chaque apprenant).* Mon
objectif est une recherche d'emploi, dans mon propre secteur (Education,
l'enseignement). J'ai 25 contacts, dont 16 % de liens forts ; 20 %
travaillent dans l'enseignement, suivis par la santé (Health) et le
commerce de détail (Retail). Par rapport aux autres personnes de ma
population, la diversité de mes secteurs est de 0,85, comme la référence
(médiane 0,86), et ma part d'alter ego est de 4 % contre une médiane de
27 % (en dessous de la référence) : peu de mes contacts me ressemblent. Ma
part dans mes cinq employeurs les plus fréquents est de 32 %, comme la
référence (32 %). Mes liens faibles sont plus variés (Blau 0,83) que mes
liens forts (0,80) : ce sont eux qui atteignent d'autres mondes. Force :
un réseau varié, avec des connaissances dans de nombreux secteurs.
Faiblesse pour mon objectif : j'atteins à peine l'hôtellerie-restauration
(Hospitality) et les secteurs voisins de l'enseignement, et seuls cinq
contacts travaillent dans mon secteur cible.
### END SOLUTION
""")

# ---------------------------------------------------------------- Plan d'action
nb.rubric("task-plan", """
## Tâche 5 : Plan d'action (15 points, noté par votre formateur ou formatrice)

Rédigez le plan d'action de ce réseau pour les trois mois à venir, pour
votre objectif, sous la forme d'une liste d'actions concrètes. Pour chaque
action, dites **ce que** vous ferez, **avec qui** (des contacts désignés par
leur pseudonyme ou leur numéro et par leur rôle, par exemple « P-248, un
conseiller bancaire, lien faible » ; jamais un nom réel), **quand** (une
semaine ou un mois) et **pourquoi** (le chiffre de votre audit ou des
tâches 1 à 3 auquel elle répond). Le plan doit contenir :

1. les mondes (secteurs, régions ou générations) dont votre objectif a
   besoin et que vous atteignez à peine, et les contacts qui peuvent vous
   ouvrir chacun d'eux (la tâche 3 et les ponts du rapport), avec la
   demande précise que vous ferez à chacun ;
2. le type de lien que vous mobiliserez et pourquoi (leçons 02 et 07 à 10 :
   des liens faibles choisis pour chaque projet, des présentations par
   un tiers, des liens de confiance pour une entreprise) ;
3. les événements auxquels vous participerez (soirées, petits-déjeuners,
   pôles de quartier : leçon 05), à quelle fréquence, et comment vous
   relancerez les personnes rencontrées pour que certaines deviennent des
   relations ;
4. ce que vous donnerez en retour : de l'aide, des informations ou des
   mises en relation pour les autres (la réciprocité, leçon 01), et comment
   vous tiendrez les trois engagements de la leçon 06 avec les personnes
   avec qui vous travaillez ;
5. deux indicateurs que vous mesurerez de nouveau à la fin des trois mois
   (par exemple la part de vos contacts dans un secteur manquant, le nombre
   de relations créées), avec la valeur d'aujourd'hui et la valeur visée.

**Barème (15 points)**

- 4 points : mondes et ponts. Les mondes nommés manquent vraiment ou sont
  vraiment nécessaires d'après l'audit ou la tâche 3 (1 point) ; un contact
  est nommé pour au moins deux mondes, et l'audit ou la tâche 3 justifie ce
  choix (1 point) ; chaque demande est précise et facile à accepter (un
  conseil, une information, une présentation à un rôle précis), et non une
  demande d'emploi ou de vente (2 points).
- 2 points : le type de lien choisi convient à l'objectif, et la raison est
  donnée avec les idées du cours (des liens faibles pour les informations
  nouvelles et l'emploi ; des présentations par une personne en qui le
  prospect a confiance ; des liens fiables et de confiance pour des
  partenaires).
- 3 points : événements. Au moins un format choisi pour un manque précis,
  avec une fréquence (1 point) ; une relance dans la semaine et une
  deuxième rencontre prévue (1 point) ; le plan explique comment un
  nouveau contact devient une relation : du temps, des échanges réguliers,
  des services rendus dans les deux sens (1 point).
- 2 points : réciprocité et engagements : quelque chose de concret donné
  aux autres (1 point), et un engagement du triangle de l'engagement que
  le plan prend soin de tenir (1 point).
- 2 points : deux indicateurs, chacun avec la valeur d'aujourd'hui (tirée de
  l'audit ou des tâches 1 à 3) et un objectif réaliste à trois mois.
- 2 points : un plan vraiment applicable : des actions datées, pas plus de
  quelques heures par semaine, dans un ordre raisonnable (d'abord les
  contacts qui ouvrent le monde le plus nécessaire), sans rien qui expose
  les données d'une personne réelle.
""")
nb.reflection("answer-plan", 15, """
### BEGIN SOLUTION
*Exemple de réponse (les chiffres diffèrent pour chaque apprenant).*
Objectif : un poste de responsable de formation dans la santé (Health).

1. **La santé** (4 de mes 25 contacts, soit 16 %, contre 17 % de la
   population ; c'est mon secteur cible). Semaine 1 : je demande à P-140,
   pharmacienne hospitalière (une connaissance, lien faible, 3 contacts en
   commun), vingt minutes de conseils sur la façon dont les hôpitaux
   recrutent leurs formateurs, et qui elle me conseillerait de rencontrer.
   Semaine 2 : je demande à P-319, cadre de santé, de me présenter au
   service de formation de son hôpital.
2. **L'hôtellerie-restauration** (atteinte à peine : 0 % de mes contacts,
   7 % de la population). La tâche 3 désigne P-198, un chef cuisinier qui
   connaît 6 personnes de ce secteur : au mois 2, je l'interroge sur les
   besoins de formation dans les hôtels, un deuxième marché possible pour
   moi.
3. **Les liens.** Je mobilise des connaissances plutôt que mes amis
   proches : elles apprennent des nouvelles que mes amis n'apprennent pas
   (mes liens faibles sont plus variés, Blau 0,87 contre 0,50), et demander
   un emploi à un ami proche met l'amitié à l'épreuve.
4. **Les événements.** Une soirée de réseautage par mois pendant trois mois
   (la diversité de mes secteurs est seulement au niveau de la référence,
   et j'atteins à peine deux secteurs), et un petit-déjeuner d'affaires
   mensuel à partir du mois 2 pour revoir les mêmes personnes. Après chaque
   événement, j'écris dans la semaine aux deux ou trois personnes avec qui
   j'ai parlé, et je leur propose un café le mois suivant.
5. **En retour.** Je partage mes notes sur la nouvelle réglementation de la
   formation avec les personnes que je rencontre, et je présente P-221, qui
   cherche un formateur, à un ancien collègue. Je réponds à chaque demande
   dans la semaine et je livre ce que je promets à la date promise.
6. **Les indicateurs.** Contacts dans la santé : 4 aujourd'hui, 8 dans trois
   mois. Relations (des liens avec des échanges au moins quatre fois par an
   et des services rendus dans les deux sens) créées à partir d'aujourd'hui :
   0 aujourd'hui, 2 dans trois mois. Je referai l'audit à la fin du mois 3.
### END SOLUTION
""")

print(nb.write())
