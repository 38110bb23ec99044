"""Construit exercises/10-creer-son-entreprise/10-creer-son-entreprise.ipynb, l'édition française de 10-creating-a-company (`python exercises/.sources/build.py`; un test vérifie que les deux concordent)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from authoring import hidden, HOW_FR as HOW, Notebook, OWN_FR as OWN, solution  # noqa: E402

A = "10-creating-a-company"        # l'exercice anglais : la graine des données de l'apprenant, les mêmes dans les deux langues
F = "10-creer-son-entreprise"
nb = Notebook(F, lang="fr", edition_of=A)
PRE = f'''_A = "{A}"
_G = ex.reference_population(_A, n=400)
_me = ex.my_person(_G, _A, min_strong=3, min_weak=8)
from weakties.scenarios.venture import DEFAULT_NEEDS as _NEEDS
_needs = [_n for _role in _NEEDS for _n in _NEEDS[_role]]
_sectors = {{_G.nodes[_p]["sector"] for _p in _G}}
_fits = {{_n: {{_p for _p in _G if (_G.nodes[_p]["sector"] == _n if _n in _sectors
                                  else _n in _G.nodes[_p]["skills"])}} for _n in _needs}}'''
REACH = '''_reach = {}
for _mode in ("strong ties only", "whole network"):
    _ok = (lambda _a, _b: _G[_a][_b]["strength"] >= 0.5) if _mode == "strong ties only" else (lambda _a, _b: True)
    _first = {_q for _q in _G[_me] if _ok(_me, _q)}
    _within = set(_first)
    for _q in _first:
        _within |= {_w for _w in _G[_q] if _ok(_q, _w)}
    _within.discard(_me)
    _reach[_mode] = _within'''
TRUST = '''_trust = {}
for _q in _G[_me]:
    _trust[_q] = max(_trust.get(_q, 0.0), _G[_me][_q]["strength"])
    for _w in _G[_q]:
        if _w != _me:
            _trust[_w] = max(_trust.get(_w, 0.0), _G[_me][_q]["strength"] * _G[_q][_w]["strength"])
_skill_needs = sorted(_n for _n in _needs if _n not in _sectors)
_possible = [_n for _n in _skill_needs if sum(1 for _p in _trust if _p in _fits[_n]) >= 3]
_need = ex.my_pick(_A, _possible, role="need")
_rel = {_p: sum(_G.nodes[_p]["reliability"].values()) / 3 for _p in _trust}
_scores = {_p: _trust[_p] * _rel[_p] for _p in _trust if _p in _fits[_need]}'''

nb.markdown("intro", f"""
# Exercice 10 : Créer son entreprise

Cet exercice accompagne la **Leçon 10 : Créer son entreprise**
(`course/fr/{F}.ipynb`). « Vous »
créez une entreprise de services numériques. Elle a besoin de partenaires,
de fournisseurs, de conseillers et de premiers clients, avec des
compétences et des secteurs que vous n'avez pas. Vous les cherchez parmi
vos contacts, vous comparez votre cercle proche avec l'ensemble de votre
réseau, vous dressez une liste restreinte de candidats pour un besoin à
partir de la confiance et de la fiabilité, et vous décidez quel partenaire
remplacer après des engagements manqués.

{OWN}

{HOW}

| Tâche | Contenu | Points |
|---|---|---|
| 1 | Ce que vos contacts apportent | 3 |
| 2 | Cercle proche ou réseau entier ? | 4 |
| 3 | Une liste restreinte pour un besoin | 4 |
| 4 | Quel partenaire remplacer ? | 4 |
| 5 | Réflexion (notée par votre formateur ou formatrice) | 5 |
| | **Total** | **20** |

Durée : environ 60 minutes.
""")

nb.markdown("setup-text", """
## Votre population

Exécutez d'abord la cellule suivante. Elle construit votre population de
400 professionnels en France et choisit la personne qui est **vous** (`me`)
ainsi qu'une autre personne utilisée dans l'exemple guidé (`example`).
Elle affiche aussi les besoins de votre entreprise (`NEEDS`) : pour chaque
rôle, une liste de **compétences** (un partenaire qui fait du
développement web, `"web development"`) ou de **secteurs** (un premier
client dans le commerce de détail, `"Retail"`). Les noms des compétences et
des secteurs restent en anglais, comme dans les données. Une personne
**répond** à un besoin quand elle a la compétence
(`need in G.nodes[p]["skills"]`) ou travaille dans le secteur
(`G.nodes[p]["sector"] == need`). Si la cellule indique qu'aucun
identifiant d'apprenant n'est défini, suivez ses instructions, puis
exécutez-la de nouveau.
""")

nb.setup("setup", f"""
import pandas as pd
import weakties
from weakties import exercises as ex
from weakties.scenarios import venture
from weakties.scenarios.venture import DEFAULT_NEEDS as NEEDS
weakties.i18n.set_language("fr")

ASSIGNMENT = "{A}"
G = ex.my_population(ASSIGNMENT, n=400)
me = ex.my_person(G, ASSIGNMENT, min_strong=3, min_weak=8)
example = ex.my_person(G, ASSIGNMENT, role="example", exclude=[me])
SECTORS = sorted({{G.nodes[p]["sector"] for p in G}})
NEED_LIST = [need for role in NEEDS for need in NEEDS[role]]   # les 10 besoins, rôle par rôle

print(f"Votre population : {{G.number_of_nodes()}} personnes et {{G.number_of_edges()}} liens.")
print("Vous :", ex.describe_person(G, me))
for role, needs in NEEDS.items():
    print(f"  {{role}} : {{', '.join(needs)}}")
""")

nb.markdown("example-text", """
## Exemple guidé : compétences, secteurs, chaînes et fiabilité

Pour la personne de l'exemple, la cellule ci-dessous :

- compte ses contacts qui répondent à deux besoins : une compétence (la
  comptabilité, `"accounting"`) et un secteur (le commerce de détail,
  `"Retail"`) ;
- énumère les personnes **à deux pas ou moins** (ses contacts, et les
  contacts de ses contacts) atteintes **par des liens forts uniquement**
  (une force de 0,5 ou plus sur chaque lien de la chaîne) ;
- pour un contact d'un contact, calcule la **confiance** de la chaîne : le
  produit des forces de ses liens (leçons 08 et 10), ainsi que la
  **fiabilité** moyenne de la personne sur les trois engagements de la
  leçon 06.
""")

nb.example("example", """
accountants = [q for q in G[example] if "accounting" in G.nodes[q]["skills"]]
retail = [q for q in G[example] if G.nodes[q]["sector"] == "Retail"]
print("Contacts de", example, "qui font de la comptabilité :", accountants, "- qui travaillent dans le commerce de détail :", retail)

strong_first = [q for q in G[example] if G[example][q]["strength"] >= 0.5]
strong_reach = set(strong_first)
for q in strong_first:
    for w in G[q]:
        if G[q][w]["strength"] >= 0.5:
            strong_reach.add(w)
strong_reach.discard(example)
print("À deux pas ou moins par des liens forts uniquement :", len(strong_reach), "personnes")

middle = sorted(G[example])[0]
far = sorted(w for w in G[middle] if w != example and w not in G[example])[0]
trust = G[example][middle]["strength"] * G[middle][far]["strength"]
rel = G.nodes[far]["reliability"]
print("Chaîne", example, "->", middle, "->", far, ": confiance", round(trust, 3),
      "- fiabilité moyenne de", far, ":", round((rel["client"] + rel["deadlines"] + rel["payment"]) / 3, 3))
""")

# ---------------------------------------------------------------- Tâche 1
nb.task("task-direct", """
## Tâche 1 : Ce que vos contacts apportent (3 points)

- `direct_fits` : un dictionnaire dont les clés sont **les 10 besoins** de
  `NEED_LIST` et dont les valeurs sont le nombre de **vos contacts** qui
  répondent à chaque besoin (0 si personne n'y répond), par exemple
  `{"web development": 1, "sales": 0, ..., "Health": 4}`.
- `gaps` : la liste des besoins auxquels **aucun** de vos contacts ne
  répond.

*Indice : `need in SECTORS` indique si un besoin est un secteur ou une
compétence.*
""")
nb.answer("answer-direct", solution("", """
direct_fits = {}
for need in NEED_LIST:
    count = 0
    for q in G[me]:
        if need in SECTORS:
            fits = G.nodes[q]["sector"] == need
        else:
            fits = need in G.nodes[q]["skills"]
        if fits:
            count = count + 1
    direct_fits[need] = count
gaps = [need for need in NEED_LIST if direct_fits[need] == 0]
""", 'print(direct_fits)\nprint("manques :", gaps)'))
nb.selfcheck("selfcheck-direct", """
# Autovérification (0 point) : un nombre entier pour chaque besoin, et des besoins pour les manques.
_found = ex.answer("direct_fits")
ex.check_mapping("direct_fits", _found, dict.fromkeys(NEED_LIST, 0), keys_only=True,
                 what="un dictionnaire avec une clé pour chaque besoin de NEED_LIST")
for _key, _value in _found.items():
    ex.check_type(f"direct_fits[{_key!r}]", _value, "whole number")
    ex.check_between(f"direct_fits[{_key!r}]", _value, 0, G.degree(me), what="un nombre de vos contacts")
ex.check_type("gaps", ex.answer("gaps"), "collection")
for _need in ex.answer("gaps"):
    ex.check_choice("gaps", _need, NEED_LIST, options=NEED_LIST)
print("Autovérification réussie.")
""")
nb.test("test-direct-values", 2, hidden("Tests cachés (2 points) : vos contacts qui répondent à chaque besoin.", PRE + """
_direct = {_n: len(_fits[_n] & set(_G[_me])) for _n in _needs}
ex.check_mapping("direct_fits", ex.answer("direct_fits"), _direct,
                 what="pour chaque besoin, le nombre de vos contacts qui y répondent",
                 hint="un besoin est une compétence (cherchez dans G.nodes[q]['skills']) ou un "
                      "secteur (comparez avec G.nodes[q]['sector']) : vérifiez de quel cas il s'agit")
"""))
nb.test("test-direct-gaps", 1, hidden("Tests cachés (1 point) : les besoins auxquels aucun de vos contacts ne répond.", """
# _direct : calculé par la première cellule de test de cette tâche, à partir de vos propres données.
ex.check_items("gaps", ex.answer("gaps"), [_n for _n in _needs if _direct[_n] == 0],
               what="les besoins auxquels aucun de vos contacts ne répond",
               hint="gardez les besoins dont le compte dans direct_fits vaut 0")
"""))

# ---------------------------------------------------------------- Tâche 2
nb.task("task-circle", """
## Tâche 2 : Cercle proche ou réseau entier ? (4 points)

Les fondateurs cherchent souvent leurs partenaires parmi leurs proches
(Ruef, Aldrich et Carter, 2003, ont montré que les équipes fondatrices sont
surtout faites de liens forts et de personnes qui se ressemblent). Comparez
deux façons de chercher, chacune **à deux pas ou moins** de vous (vos
contacts, et les contacts de vos contacts ; vous-même exclu) :

- `"strong ties only"` (liens forts uniquement) : seulement par des chaînes
  dont les liens sont **tous forts** (une force de 0,5 ou plus sur chaque
  lien) ;
- `"whole network"` (réseau entier) : par n'importe quelle chaîne d'au plus
  deux liens.

Pour chaque façon, rangez dans :

- `fitting_people` : le **nombre de personnes différentes** à portée qui
  répondent à **au moins un** besoin de `NEED_LIST` ;
- `sectors_found` : le **nombre de secteurs différents** parmi ces
  personnes.

Ce sont deux dictionnaires avec les clés `"strong ties only"` et
`"whole network"`.
""")
nb.answer("answer-circle", solution("", """
fitting_people = {}
sectors_found = {}
for mode in ["strong ties only", "whole network"]:
    first = [q for q in G[me] if mode == "whole network" or G[me][q]["strength"] >= 0.5]
    within = set(first)
    for q in first:
        for w in G[q]:
            if mode == "whole network" or G[q][w]["strength"] >= 0.5:
                within.add(w)
    within.discard(me)
    fitting = []
    for p in within:
        for need in NEED_LIST:
            if G.nodes[p]["sector"] == need or need in G.nodes[p]["skills"]:
                fitting.append(p)
                break
    fitting_people[mode] = len(fitting)
    sectors_found[mode] = len({G.nodes[p]["sector"] for p in fitting})
""", "print(fitting_people, sectors_found)"))
nb.selfcheck("selfcheck-circle", """
# Autovérification (0 point) : deux nombres entiers dans chaque dictionnaire.
for _name in ("fitting_people", "sectors_found"):
    _found = ex.answer(_name)
    ex.check_mapping(_name, _found, {"strong ties only": 0, "whole network": 0}, keys_only=True,
                     what="un dictionnaire avec les clés 'strong ties only' et 'whole network'")
    for _key, _value in _found.items():
        ex.check_type(f"{_name}[{_key!r}]", _value, "whole number")
ex.check_between("sectors_found['whole network']", ex.answer("sectors_found")["whole network"],
                 0, len(SECTORS), what="un nombre de secteurs")
print("Autovérification réussie.")
""")
nb.test("test-circle-form", 1, hidden("Tests cachés (1 point) : deux comptes pour chaque façon de chercher.", PRE + "\n" + REACH + """
_people = {_m: {_p for _p in _reach[_m] if any(_p in _fits[_n] for _n in _needs)} for _m in _reach}
_counts = {_m: len(_v) for _m, _v in _people.items()}
_nsectors = {_m: len({_G.nodes[_p]["sector"] for _p in _v}) for _m, _v in _people.items()}
for _name in ("fitting_people", "sectors_found"):
    _found = ex.answer(_name)
    ex.check_mapping(_name, _found, {"strong ties only": 0, "whole network": 0}, keys_only=True,
                     what="un dictionnaire avec les clés 'strong ties only' et 'whole network'")
    for _key, _value in _found.items():
        ex.check_type(f"{_name}[{_key!r}]", _value, "whole number")
"""))
nb.test("test-circle-people", 2, hidden("Tests cachés (2 points) : les personnes à portée qui répondent à un besoin.", """
# _counts : calculé par la première cellule de test de cette tâche, à partir de vos propres données.
ex.check_mapping("fitting_people", ex.answer("fitting_people"), _counts,
                 what="pour chaque façon de chercher, le nombre de personnes différentes à deux "
                      "pas ou moins qui répondent à au moins un besoin",
                 hint="pour 'strong ties only', les deux liens d'une chaîne doivent être forts ; "
                      "comptez chaque personne une seule fois, et ne vous comptez pas vous-même")
"""))
nb.test("test-circle-sectors", 1, hidden("Tests cachés (1 point) : les secteurs de ces personnes.", """
# _nsectors : calculé par la première cellule de test de cette tâche, à partir de vos propres données.
ex.check_mapping("sectors_found", ex.answer("sectors_found"), _nsectors,
                 what="pour chaque façon de chercher, le nombre de secteurs différents parmi les "
                      "personnes qui répondent à un besoin",
                 hint="comptez les secteurs des personnes que vous avez comptées dans fitting_people")
"""))

# ---------------------------------------------------------------- Tâche 3
nb.task("task-shortlist", """
## Tâche 3 : Une liste restreinte pour un besoin (4 points)

La cellule de réponse choisit une compétence dont votre entreprise a besoin
(`NEED`). Parmi les personnes à deux pas ou moins de vous (réseau entier)
qui ont cette compétence, vous dressez une liste restreinte, comme le fait
la simulation de la leçon, à partir de deux éléments :

- la **confiance** : le produit des forces des liens de la **chaîne d'au
  plus deux liens qui inspire le plus confiance**, de vous à la personne.
  Pour l'un de vos contacts, c'est la plus grande des deux valeurs : la
  force de votre lien, ou la confiance de la meilleure chaîne passant par
  un contact commun ;
- la **fiabilité** : la moyenne des trois fiabilités de la personne
  (leçon 06).

Le **score** d'un candidat est confiance x fiabilité.

- `scores` : un dictionnaire dont les clés sont **toutes les personnes à
  deux pas ou moins de vous qui ont la compétence `NEED`** et dont les
  valeurs sont leurs scores.
- `shortlist` : la liste des **3** candidats qui ont les scores les plus
  élevés, le plus élevé en premier.
""")
nb.answer("answer-shortlist", solution('''
# La compétence de cette tâche : l'une des compétences de NEEDS qu'au moins 3 personnes à deux pas ou moins possèdent.
within_two = set(G[me])
for contact in G[me]:
    within_two |= set(G[contact])
within_two.discard(me)
skills = sorted(need for need in NEED_LIST if need not in SECTORS)
possible = [s for s in skills if sum(1 for p in within_two if s in G.nodes[p]["skills"]) >= 3]
NEED = ex.my_pick(ASSIGNMENT, possible, role="need")
print("NEED :", NEED)
''', """
trust = {}
for q in G[me]:
    trust[q] = max(trust.get(q, 0), G[me][q]["strength"])
    for w in G[q]:
        if w != me:
            trust[w] = max(trust.get(w, 0), G[me][q]["strength"] * G[q][w]["strength"])
scores = {}
for p in trust:
    if NEED in G.nodes[p]["skills"]:
        rel = G.nodes[p]["reliability"]
        scores[p] = trust[p] * (rel["client"] + rel["deadlines"] + rel["payment"]) / 3
shortlist = sorted(scores, key=scores.get, reverse=True)[:3]
""", """for p in shortlist:
    print(p, "score", round(scores[p], 3), "-", ex.describe_person(G, p))"""))
nb.selfcheck("selfcheck-shortlist", """
# Autovérification (0 point) : des scores entre 0 et 1, et 3 des candidats.
_found = ex.answer("scores")
ex.check_type("scores", _found, "dict")
for _key, _value in _found.items():
    ex.check_person("scores", _key, G, what="une personne qui a la compétence NEED")
    ex.check_between(f"scores[{_key!r}]", _value, 0, 1, what="un score",
                     hint="la confiance et la fiabilité sont toutes deux comprises entre 0 et 1")
_short = ex.answer("shortlist")
ex.check_type("shortlist", _short, "list")
ex.check_equal("len(shortlist)", len(_short), 3, what="3 personnes")
for _p in _short:
    ex.check_person("shortlist", _p, G, among=list(_found), what="l'une des clés de scores")
print("Autovérification réussie.")
""")
nb.test("test-shortlist-scores", 2, hidden("Tests cachés (2 points) : le score de chaque candidat.", PRE + "\n" + TRUST + """
ex.check_mapping("scores", ex.answer("scores"), _scores, tol=0.002,
                 what="pour chaque personne à deux pas ou moins qui a la compétence NEED, la "
                      "confiance multipliée par la fiabilité moyenne",
                 hint="la confiance est le produit des forces le long de la chaîne d'au plus deux "
                      "liens qui inspire le plus confiance (les deux liens comptent) ; la fiabilité "
                      "est la moyenne des trois")
"""))
nb.test("test-shortlist-people", 1, hidden("Tests cachés (1 point) : les 3 meilleurs candidats.", """
# _scores : calculé par la première cellule de test de cette tâche, à partir de vos propres données.
_third = sorted(_scores.values(), reverse=True)[2]
_sure = {_p for _p, _s in _scores.items() if _s > _third + 1e-12}
_tied = {_p for _p, _s in _scores.items() if abs(_s - _third) <= 1e-12}
_found = ex.answer("shortlist")
ex.check_type("shortlist", _found, "list")
_got = set(_found)
if not (len(_got) == 3 and _sure <= _got and _got <= _sure | _tied):
    raise ex.CheckFailed("shortlist", "les 3 candidats qui ont les scores les plus élevés",
                         f"{len(_got & (_sure | _tied))} d'entre eux parmi vos 3 meilleurs candidats",
                         "triez les candidats par score, du plus élevé au plus bas, et gardez-en 3")
"""))
nb.test("test-shortlist-order", 1, hidden("Tests cachés (1 point) : le meilleur candidat en premier.", """
# _scores : calculé par la première cellule de test de cette tâche, à partir de vos propres données.
_found = ex.answer("shortlist")
ex.check_type("shortlist", _found, "list")
ex.check_equal("len(shortlist)", len(_found), 3, what="3 personnes")
for _p in _found:
    ex.check_person("shortlist", _p, _G, among=list(_scores), what="un candidat pour NEED")
ex.check_order("shortlist", _found, lambda _p: _scores[_p], what="le score le plus élevé en premier",
               hint="triez avec reverse=True")
"""))

# ---------------------------------------------------------------- Tâche 4
nb.task("task-replace", """
## Tâche 4 : Quel partenaire remplacer ? (4 points)

La cellule de réponse demande à la simulation `venture` de la leçon de
constituer votre équipe à partir de votre réseau entier (une personne pour
chaque besoin ; une même personne peut couvrir plusieurs besoins), puis
simule six mois de travail : **8 projets avec chaque membre de l'équipe**
(`record` : une ligne par membre et par projet). Les colonnes `client`,
`deadlines` et `payment` valent `True` quand le membre a tenu cet
engagement du triangle de l'engagement sur ce projet (respect de la
relation client, des délais, du paiement des factures), `False` quand il
l'a manqué.

- `kept_share` : un dictionnaire dont les clés sont les membres de `TEAM`
  et dont les valeurs sont la **part des engagements** que chaque membre a
  tenus sur ses 8 projets (3 engagements par projet, donc 24 en tout).
- `replace` : le membre qui a la part d'engagements tenus la **plus
  basse** : le partenaire que vous remplaceriez en premier. Si plusieurs ont
  la même part la plus basse, n'importe lequel d'entre eux est une bonne
  réponse.
- `most_broken` : l'engagement (`"client"`, `"deadlines"` ou `"payment"`)
  le plus souvent manqué dans toute l'équipe.

*Indice : `rows["deadlines"].sum()` compte les valeurs `True` d'une colonne
(les projets où le délai a été tenu).*
""")
nb.answer("answer-replace", solution('''
result = venture(G, me, max_hops=2, seed=ex.my_seed(ASSIGNMENT, "team"))
found = result.team[(result.team["mode"] == "whole network") & result.team["covered"]]
TEAM = sorted({int(p) for p in found["person"]})
rng = ex.my_rng(ASSIGNMENT, "projects")
rows = []
for member in TEAM:
    rel = G.nodes[member]["reliability"]
    for project in range(1, 9):
        rows.append({"person": member, "project": project,
                     "client": bool(rng.random() < rel["client"]),
                     "deadlines": bool(rng.random() < rel["deadlines"]),
                     "payment": bool(rng.random() < rel["payment"])})
record = pd.DataFrame(rows)
print("TEAM :", TEAM)
''', """
kept_share = {}
for person in TEAM:
    rows = record[record["person"] == person]
    kept = rows["client"].sum() + rows["deadlines"].sum() + rows["payment"].sum()
    kept_share[person] = kept / (3 * len(rows))
replace = min(kept_share, key=kept_share.get)
broken = {c: int((~record[c]).sum()) for c in ["client", "deadlines", "payment"]}
most_broken = max(broken, key=broken.get)
""", 'print(kept_share)\nprint("à remplacer :", replace, "- le plus souvent manqué :", most_broken)'))
nb.selfcheck("selfcheck-replace", """
# Autovérification (0 point) : une part pour chaque membre de TEAM, un membre, un engagement.
_found = ex.answer("kept_share")
ex.check_mapping("kept_share", _found, dict.fromkeys(TEAM, 0), keys_only=True,
                 what="un dictionnaire avec une clé pour chaque membre de TEAM")
for _key, _value in _found.items():
    ex.check_between(f"kept_share[{_key!r}]", _value, 0, 1, what="une part",
                     hint="divisez par les 24 engagements des 8 projets ; ne multipliez pas par 100")
ex.check_person("replace", ex.answer("replace"), G, among=TEAM, what="un membre de TEAM")
ex.check_choice("most_broken", ex.answer("most_broken"), ["client", "deadlines", "payment"],
                options=["client", "deadlines", "payment"])
print("Autovérification réussie.")
""")
RECORD = '''from weakties.scenarios import venture as _venture
_team_table = _venture(_G, _me, max_hops=2, seed=ex.my_seed(_A, "team")).team
_team = sorted({int(_p) for _p, _m, _c in zip(_team_table["person"], _team_table["mode"],
                                             _team_table["covered"]) if _m == "whole network" and _c})
_rng = ex.my_rng(_A, "projects")
_kept = {_p: 0 for _p in _team}
_broken = {"client": 0, "deadlines": 0, "payment": 0}
for _p in _team:
    _r = _G.nodes[_p]["reliability"]
    for _project in range(8):
        for _c in ("client", "deadlines", "payment"):
            if _rng.random() < _r[_c]:
                _kept[_p] += 1
            else:
                _broken[_c] += 1
_share = {_p: _k / 24 for _p, _k in _kept.items()}'''
nb.test("test-replace-values", 2, hidden("Tests cachés (2 points) : la part des engagements que chaque membre a tenus.", PRE + "\n" + RECORD + """
ex.check_mapping("kept_share", ex.answer("kept_share"), _share, tol=0.005,
                 what="pour chaque membre, les engagements tenus divisés par les 24 engagements de "
                      "ses 8 projets",
                 hint="comptez chaque engagement tenu (3 colonnes), et non les projets où les trois "
                      "ont été tenus")
"""))
nb.test("test-replace-who", 1, hidden("Tests cachés (1 point) : le partenaire à remplacer.", """
# _share : calculé par la première cellule de test de cette tâche, à partir de vos propres données.
_low = min(_share.values())
ex.check_choice("replace", ex.answer("replace"), [_p for _p, _s in _share.items() if _s <= _low + 1e-12],
                options=_team, what="le membre qui a tenu la plus petite part de ses engagements",
                hint="prenez la clé de kept_share qui a la plus petite valeur")
"""))
nb.test("test-replace-broken", 1, hidden("Tests cachés (1 point) : l'engagement le plus souvent manqué.", """
# _broken : calculé par la première cellule de test de cette tâche, à partir de vos propres données.
_top = max(_broken.values())
ex.check_choice("most_broken", ex.answer("most_broken"), [_c for _c, _n in _broken.items() if _n == _top],
                options=["client", "deadlines", "payment"],
                what="l'engagement le plus souvent manqué dans toute l'équipe",
                hint="comptez les valeurs False de chaque colonne dans tout le tableau record")
"""))

# ---------------------------------------------------------------- Réflexion
nb.rubric("task-reflection", """
## Tâche 5 : Réflexion (5 points, notée par votre formateur ou formatrice)

Dans la cellule ci-dessous, en cinq à dix phrases :

1. Comparez votre cercle proche et votre réseau entier pour cette
   entreprise, avec vos chiffres des tâches 1 et 2 (personnes qui répondent
   à un besoin, secteurs). Pourquoi une équipe prise dans votre seul cercle
   proche couvre-t-elle peu de besoins ?
2. Dites qui vous contacteriez en premier pour `NEED` (tâche 3) et
   pourquoi, avec la confiance et la fiabilité qui expliquent le score.
   Dites à qui, dans votre réseau, vous poseriez des questions sur la
   fiabilité de cette personne avant de signer quoi que ce soit, et ce que
   vous demanderiez.
3. Dites quel partenaire vous remplaceriez (tâche 4) et comment vous le
   feriez en respectant vous-même le triangle de l'engagement (ce que vous
   dites au partenaire, ce que deviennent les clients et les factures en
   cours).

**Barème (5 points)**

- 2 points : compare les deux façons de chercher avec les chiffres de la
  tâche 2 (1 point), et explique que les liens forts partagent votre monde
  (même secteur, mêmes compétences), si bien que les compétences et les
  secteurs complémentaires se trouvent par les liens faibles et les
  contacts de contacts (1 point).
- 1 point : un premier contact pour `NEED` justifié par la confiance et la
  fiabilité, et une question sur la fiabilité (clients, délais ou paiement)
  posée, avant de s'engager, à un contact qui a travaillé avec la personne.
- 2 points : nomme le partenaire à remplacer avec la part des engagements
  tenus et l'engagement le plus souvent manqué (1 point), et un
  remplacement qui respecte ses propres engagements : une explication
  honnête, le travail en cours terminé ou transmis, les factures payées,
  les clients du partenaire qui lui sont laissés (1 point).
""")
nb.reflection("answer-reflection", 5, """
### BEGIN SOLUTION
*Exemple de réponse (les chiffres diffèrent pour chaque apprenant).* Par
mes seuls liens forts, j'atteins 13 personnes qui répondent à un besoin de
mon entreprise, dans 6 secteurs ; par mon réseau entier à deux pas ou
moins, 157 personnes dans 8 secteurs. Mes amis proches travaillent dans mon
propre secteur et ont des compétences proches des miennes : aucun de mes
contacts ne fait de développement web ni de comptabilité, mais des
contacts de mes contacts en font. Pour le développement web, je
contacterais d'abord la personne 197 (score 0,34) : nous avons un contact
commun de confiance, 212, et sa fiabilité moyenne est de 0,86. Avant de
signer, je demanderais à 212, qui a travaillé avec elle l'an dernier :
« a-t-elle livré aux dates promises, et a-t-elle déjà contacté vos clients
directement ? ». Au bout de six mois, la personne 43 n'a tenu que 67 % de
ses engagements, surtout les délais ; c'est aussi le respect des délais que
l'équipe entière a le plus souvent manqué. Je lui dirais directement
pourquoi je mets fin au partenariat, je lui demanderais de terminer le
projet en cours, je paierais ses dernières factures à temps et je lui
laisserais les clients qu'il a apportés.
### END SOLUTION
""")

print(nb.write())
