"""From company names and job titles to sectors and seniority, in French and English.

A LinkedIn export gives each contact's company and job title as free text.
The audit needs the *world* each contact belongs to: one of the sectors of
the simulated population (:data:`weakties._france.SECTORS`), or
``"unknown"``. :func:`sector_of` reads both texts against a small table of
keywords (:data:`SECTOR_RULES`), and :func:`seniority_of` reads the title
against :data:`SENIORITY_RULES`.

How a sector is chosen
----------------------
1. Both texts are folded: lower case, accents removed, punctuation turned
   into spaces ("Hôtel-de-Ville" becomes "hotel de ville").
2. Every keyword found counts for its sector: 2 points for a clear keyword
   ("banque", "logiciel", "hôpital"), 1 for a hint ("studio", "conseil",
   "marketing", "data"); keywords found in the **company** count double,
   because the employer's world is the one a contact can open for you. Longer
   keywords are matched first, so "conseil départemental" counts for the
   public sector and not for consulting, and "architecte logiciel" for
   digital and not for construction. Some keywords are deliberately
   neutral ("groupe", "freelance", "cabinet", which may be a law,
   accounting, consulting or medical practice): they say nothing about the
   sector.
3. The sector with the most points wins. **A tie, or no keyword at all,
   gives "unknown"**: "Banque Numérique" is as much finance as digital, "Amazon"
   is both retail and cloud, "Manager" or "Groupe Martin" say nothing. The
   learner can set the sector of any contact by hand in the annotation
   widget.

The table is small on purpose (a few hundred keywords, read it with
:func:`rules_table`): it recognises the most common words and some large
employers in France. It is a starting point for annotation, not a
classification to trust blindly.

Seniority
---------
:func:`seniority_of` gives one of :data:`SENIORITY_LEVELS`, checking in this
order: ``"student"`` (intern, stagiaire, alternant, étudiant...),
``"junior"`` (the word junior, débutant, graduate), ``"executive"`` (chief
officers, founders, owners, partners, directeur général...),
``"manager"`` (manager, head of, director, responsable, chef de...),
``"senior"`` (senior, lead, principal, expert, confirmé), ``"junior"``
again for assistant and trainee titles, then ``"professional"`` for any
other title, and ``"unknown"`` for an empty one. Titles that contain
"manager", "owner" or "lead" without managing people (product, project,
account, community, office, category manager, chef de projet, product
owner) are ``"professional"``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import _france
from ._text import fold

__all__ = ["SECTORS", "UNKNOWN", "SECTOR_RULES", "SENIORITY_LEVELS", "SENIORITY_RULES",
           "sector_of", "sector_scores", "seniority_of", "rules_table"]

#: The sectors of the simulated population, in its order.
SECTORS = tuple(_france.SECTORS)
#: The value given when the texts do not say.
UNKNOWN = "unknown"

_DIG, _FIN, _IND, _RET = "Digital", "Finance", "Industry", "Retail"
_HEA, _PUB, _EDU, _CUL = "Health", "Public sector", "Education", "Culture & media"
_CON, _BTP, _HOS, _TRA = "Consulting", "Construction", "Hospitality", "Transport"
_NONE = None  # neutral: matched, but says nothing about the sector

#: ``(sector, weight, keywords)``: folded keywords separated by ``;``. A
#: keyword ending in ``*`` matches any word that starts with it; others
#: match whole words, with an optional plural ``s``, ``x`` or ``es``.
#: Sector ``None`` marks neutral words.
SECTOR_RULES = (
    (_DIG, 2, "logiciel*; software; developpeur*; developpeuse*; developer; developpement web; "
              "web developer; informati*; data scientist; data analyst; data engineer; "
              "big data; devops; cloud; cybersecur*; saas; numerique; fullstack; full stack; "
              "frontend; front end; backend; back end; product owner; scrum master; "
              "ux designer; ui designer; ux; intelligence artificielle; machine learning; "
              "telecom*; reseaux et telecom*; ingenieur logiciel; software engineer; "
              "architecte logiciel; software architect; solution architect; "
              "architecte solution*; cloud architect; architecte cloud; data architect; "
              "architecte data; enterprise architect; architecte si; "
              "capgemini; atos; sopra steria; dassault systemes; ubisoft; ovhcloud; ovh; "
              "criteo; doctolib; blablacar; datadog; salesforce; ibm; oracle; sap; "
              "microsoft; google; orange; bouygues telecom; sfr; "
              "esn; ssii; it consultant; consultant it; systems administrator; "
              "administrateur systeme*; administrateur reseau*; it project manager; "
              "chef de projet it; chef de projet informatique; it manager; dsi; "
              "directeur des systemes d information; web agency; agence web"),
    (_DIG, 1, "tech; web; data; digital; app; apps; startup; start up; product manager; "
              "head of product; product designer; growth hacker; "
              "chef de produit digital; internet; mobile"),
    (_FIN, 2, "banque*; bank; banking; bancaire*; banker; banquier*; assurance*; insurance; "
              "assureur*; reassurance; credit agricole; credit mutuel; societe generale; "
              "bnp paribas; bnp; lcl; caisse d epargne; banque populaire; la banque postale; "
              "axa; allianz; generali; maif; macif; matmut; natixis; amundi; bpifrance; "
              "banque de france; mutuelle*; comptab*; accountant; accounting; "
              "expert comptable; commissaire aux comptes; tresorier*; tresorerie; "
              "gestion de patrimoine; wealth management; asset management; private equity; "
              "investment bank*; fintech; financial analyst; analyste financier; "
              "credit analyst; courtier en assurance*; insurance broker; actuaire; actuary; "
              "bourse; stock exchange; fonds d investissement"),
    (_FIN, 1, "finance; finances; financial; financier*; credit; investment*; "
              "investissement*; capital; fiscal*; tax; controleur de gestion; "
              "controle de gestion; compliance; conformite"),
    (_IND, 2, "industrie*; industrial; industry; industries; usine*; factory; manufactur*; "
              "energie; energy; edf; engie; totalenergies; airbus; safran; thales; renault; "
              "stellantis; peugeot; michelin; saint gobain; schneider electric; alstom; "
              "arcelormittal; danone; l oreal; loreal; nestle; valeo; dassault aviation; "
              "naval group; framatome; orano; air liquide; chimie; chimique*; chemical*; "
              "aeronautique; aerospace; aeronautics; automobile; automotive; metallurgie; "
              "plasturgie; agroalimentaire; agro alimentaire; mecanique; mechanical; "
              "ingenieur production; production engineer; ingenieur procede*; "
              "process engineer; ingenieur qualite; usinage; soudeur*"),
    (_IND, 1, "ateliers; atelier; technicien*; technician; maintenance; r d; "
              "ingenieur mecanique; plant; lean; quality manager; responsable qualite"),
    (_RET, 2, "retail; commerce de detail; grande distribution; supermarche*; hypermarche*; "
              "magasin*; e commerce; ecommerce; carrefour; auchan; leclerc; intermarche; "
              "monoprix; franprix; lidl; fnac; darty; decathlon; leroy merlin; ikea; sephora; "
              "lvmh; kering; hermes; chanel; galeries lafayette; printemps; boulanger; "
              "castorama; vendeur*; vendeuse*; chef de rayon; caissier*; caissiere*; "
              "store manager; directeur de magasin; directrice de magasin; "
              "merchandis*; category manager; category buyer; acheteur produit*"),
    (_RET, 1, "distribution; boutique*; store; shop; maison; commerce; commercant*; "
              "negoce; grossiste; sales representative; vendor"),
    (_HEA, 2, "hopital; hopitaux; hospital; clinique*; clinic; chu; chru; ap hp; aphp; "
              "centre hospitalier; centre de sante; maison de sante; sante; health; "
              "healthcare; medecin*; medical; medicale*; infirmier*; infirmiere*; nurse; "
              "pharmacie*; pharmacien*; pharmacist; pharmacy; pharma*; ehpad; "
              "maison de retraite; kinesitherap*; physiotherap*; dentist*; dentaire; "
              "chirurgien*; surgeon; sage femme; psycholog*; biotech*; sanofi; servier; "
              "ipsen; veterinaire*; orthophon*; aide soignant*; radiolog*; "
              "cabinet medical; laboratoire pharmaceutique"),
    (_HEA, 1, "soins; care; patient*; docteur en medecine; doctor; general practitioner"),
    (_PUB, 2, "mairie; hotel de ville; ville de; commune de; prefecture; ministere; "
              "ministry; conseil departemental; conseil regional; conseil general; "
              "conseil d etat; cour des comptes; collectivite*; fonction publique; "
              "service public; agence publique; pole emploi; france travail; caf; cpam; "
              "urssaf; assemblee nationale; senat; gouvernement; government; city of; "
              "public administration; administration publique; fonctionnaire*; "
              "civil servant; policy officer; gendarmerie; police; armee; army; tribunal; "
              "cour d appel; communaute de communes; communaute d agglomeration; "
              "metropole; region ile de france; departement du; onu; united nations; "
              "unesco; ocde; oecd; commission europeenne; european commission; "
              "union europeenne; parlement europeen; european parliament; "
              "ministere de la sante; ministere de l education; local authority; "
              "local government; collectivite territoriale"),
    (_PUB, 1, "public; publique; etat; territorial*; municipal*; agent administratif"),
    (_EDU, 2, "universite*; university; universities; ecole; school; lycee*; college*; "
              "academie de; education nationale; enseignant*; teacher; professeur*; "
              "professor; maitre de conferences; lecturer; chercheur*; chercheuse*; "
              "researcher; doctorant*; phd student; phd candidate; etudiant*; student; "
              "formateur*; formatrice*; trainer; cnrs; inria; inserm; inrae; cea; iut; "
              "insa; hec; essec; escp; edhec; sciences po; polytechnique; sorbonne; "
              "centralesupelec; business school; ecole de commerce; ecole d ingenieur*; "
              "grande ecole; institut universitaire; campus; instituteur*; institutrice*; "
              "professeur des ecoles; teaching assistant; maternelle"),
    (_EDU, 1, "institut; institute; formation; formations; training; academy; education; "
              "enseignement; research; recherche; pedagog*"),
    (_CUL, 2, "media; medias; presse; press; journal; journaux; journaliste*; journalist; "
              "editions; edition; publishing; publisher; maison d edition; radio; "
              "television; france televisions; radio france; le monde; le figaro; "
              "canal plus; tf1; m6; cinema; film; films; musique; music; musicien*; "
              "musician; theatre; spectacle*; festival; musee; museum; galerie; gallery; "
              "graphiste; graphic designer; illustrat*; photograph*; community manager; "
              "agence de communication; publicite; advertising; publicis; havas; "
              "evenementiel; event producer; culture; culturel*; cultural; artiste; artist; "
              "redacteur*; redactrice*; copywriter; journalisme; audiovisuel*; "
              "production audiovisuelle; realisateur*; realisatrice*; comedien*; "
              "danseur*; danseuse*; relations presse; attache de presse"),
    (_CUL, 1, "studio; communication; communications; creati*; design; designer; "
              "contenu; content; editorial; editeur; editrice; agence; brand*; "
              "social media; influence*"),
    (_CON, 2, "consulting; consultant*; consultancy; cabinet de conseil; conseil en; "
              "avocat*; lawyer; attorney; juriste*; notaire*; huissier*; legal counsel; "
              "cabinet d avocat*; accenture; deloitte; kpmg; pwc; ey; ernst young; mckinsey; "
              "bcg; boston consulting group; bain; roland berger; wavestone; "
              "ressources humaines; human resources; recrutement; recruit*; "
              "talent acquisition; chasseur de tetes; headhunter; executive search; "
              "management consultant; consultant en management; hr consultant; "
              "marketing consultant; coach; coaching; strategy consulting; "
              "conseil en strategie"),
    (_CON, 1, "conseil; advisory; advisor; adviser; partenaires; partners; rh; hr; "
              "strategy; strategie; marketing; legal; juridique; etudes de marche; "
              "market research"),
    (_BTP, 2, "btp; batiment; construction; immobilier*; real estate; architecte; "
              "architect; architecture; urbanis*; genie civil; civil engineer*; "
              "ingenieur civil; chantier*; conducteur de travaux; travaux publics; vinci; "
              "bouygues construction; eiffage; nexity; spie batignolles; promoteur "
              "immobilier; agent immobilier; agence immobiliere; property; "
              "plombier*; electricien*; menuisier*; maconnerie; charpent*; "
              "bureau d etudes structure*; geometre*"),
    (_BTP, 1, "travaux; renovation; bouygues; logement*; habitat; site manager"),
    (_HOS, 2, "hotel; hotels; hotellerie; hospitality; restaurant*; restauration; traiteur*; "
              "caterer; catering; cuisinier*; cuisiniere*; cook; chef de cuisine; "
              "chef cuisinier; sous chef; brasserie*; tourisme; tourism; office de tourisme; "
              "accor; sodexo; elior; club med; camping*; agence de voyage*; travel agency; "
              "sommelier*; patissier*; boulangerie patisserie; barman; barmaid; "
              "serveur*; serveuse*; hotel manager; directeur d hotel; receptionniste*"),
    (_HOS, 1, "cafe; bistrot; travel; voyage*; food; gastronomi*; chef"),
    (_TRA, 2, "transport*; logistique*; logistics; logisticien*; fret; freight; sncf; "
              "ratp; air france; transdev; keolis; geodis; dhl; fedex; chronopost; cma cgm; "
              "aeroport*; airport; airline; compagnie aerienne; chauffeur*; livreur*; "
              "delivery; entrepot*; warehouse; gestionnaire de flotte; fleet manager; "
              "maritime; shipping; transitaire; supply chain manager; responsable logistique"),
    (_TRA, 1, "supply chain; driver; conducteur; flotte; fleet; mobilite; mobility; "
              "la poste"),
    (_NONE, 0, "groupe; group; holding; freelance; free lance; independant*; independent; "
               "self employed; auto entrepreneur; micro entrepreneur; sas; sarl; sa; eurl; "
               "cabinet; "
               "la defense; consultant independant; business partner; hr business partner; "
               "amazon; conseiller; conseillere; charge de mission; chargee de mission; "
               "project manager; chef de projet; manager; directeur; directrice; "
               "responsable; assistant; assistante; stagiaire; intern; ceo; founder; "
               "chef d equipe; chef de service; chef de mission; buyer; acheteur; acheteuse; "
               "fondateur; fondatrice; gerant; gerante"),
)
# "amazon" is neutral on purpose: retail and cloud computing both fit.
# Manager-like words are neutral so that they never decide a sector alone;
# "consultant independant" is consulting (phrase below overrides the neutral).

_OVERRIDES = ((_CON, 2, "consultant independant; consultante independante; "
                        "independent consultant; consultant freelance"),)


def _compile():
    entries = []
    for sector, weight, text in SECTOR_RULES + _OVERRIDES:
        for raw in text.split(";"):
            kw = " ".join(raw.split())
            if kw:
                entries.append((kw, sector, weight))
    # Later entries win for the same keyword (the overrides).
    table = {}
    for kw, sector, weight in entries:
        table[kw] = (sector, weight)
    ordered = sorted(table, key=lambda k: (-len(k.rstrip("*")), k))
    parts, lookup = [], []
    for i, kw in enumerate(ordered):
        if kw.endswith("*"):
            body = r"\s+".join(map(re.escape, kw[:-1].split())) + r"[a-z0-9]*"
        else:
            body = r"\s+".join(map(re.escape, kw.split())) + r"(?:s|x|es)?"
        parts.append(f"(?P<k{i}>{body})")
        lookup.append(table[kw])
    pattern = re.compile(r"(?<![a-z0-9])(?:" + "|".join(parts) + r")(?![a-z0-9])")
    return pattern, lookup, table


_PATTERN, _LOOKUP, _TABLE = _compile()


def _scores(text: str) -> dict:
    out: dict = {}
    for m in _PATTERN.finditer(text):
        sector, weight = _LOOKUP[int(m.lastgroup[1:])]
        if sector is not None:
            out[sector] = out.get(sector, 0) + weight
    return out


def sector_scores(company: str = "", position: str = "") -> dict:
    """Points per sector found in a company name and a job title (company counts double).

    Examples
    --------
    >>> sector_scores("Banque Martin", "Développeur web")
    {'Finance': 4, 'Digital': 3}
    """
    out: dict = {}
    for text, factor in ((company, 2), (position, 1)):
        for sector, points in _scores(fold(text)).items():
            out[sector] = out.get(sector, 0) + factor * points
    return dict(sorted(out.items(), key=lambda kv: (-kv[1], SECTORS.index(kv[0]))))


@lru_cache(maxsize=65536)
def sector_of(company: str = "", position: str = "") -> str:
    """The sector of a contact from their company and job title, or ``"unknown"``.

    See the module documentation for the rule; a tie between sectors, or no
    keyword, gives ``"unknown"``.

    Parameters
    ----------
    company : str
    position : str

    Returns
    -------
    str
        One of :data:`SECTORS`, or ``"unknown"``.

    Examples
    --------
    >>> sector_of("Crédit Agricole", "Conseillère clientèle")
    'Finance'
    >>> sector_of("Conseil départemental du Rhône", "Chargée de mission")
    'Public sector'
    >>> sector_of("Martin Conseil", "Associé")
    'Consulting'
    >>> sector_of("", "Architecte logiciel"), sector_of("", "Architecte")
    ('Digital', 'Construction')
    >>> sector_of("Banque Numérique"), sector_of("Groupe Martin", "Manager"), sector_of("Amazon")
    ('unknown', 'unknown', 'unknown')
    """
    company = "" if company is None or company != company else str(company)
    position = "" if position is None or position != position else str(position)
    scores = sector_scores(company, position)
    if not scores:
        return UNKNOWN
    ranked = list(scores.items())
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return UNKNOWN
    return ranked[0][0]


def rules_table():
    """The keyword table as a DataFrame (sector, weight, keyword), to read or show.

    Examples
    --------
    >>> t = rules_table()
    >>> list(t.columns)
    ['sector', 'weight', 'keyword']
    >>> t.loc[t.keyword == "banque*", "sector"].item()
    'Finance'
    """
    import pandas as pd

    rows = [(s if s is not None else "(neutral)", w, kw) for kw, (s, w) in _TABLE.items()]
    return pd.DataFrame(rows, columns=["sector", "weight", "keyword"]).sort_values(
        ["sector", "weight", "keyword"], ascending=[True, False, True], ignore_index=True)


# --------------------------------------------------------------------------
# Seniority

#: Seniority levels, from the least to the most senior, then unknown.
SENIORITY_LEVELS = ("student", "junior", "professional", "senior", "manager", "executive",
                    "unknown")

#: ``(level, keywords)`` checked in this order; the first level with a match wins.
SENIORITY_RULES = (
    ("professional", "product manager; project manager; program manager; programme manager; "
                     "account manager; key account manager; community manager; office manager; "
                     "category manager; chef de projet; cheffe de projet; chef de produit; "
                     "product owner; process owner; data owner; product lead; "
                     "cheffe de produit; business partner; management consultant; "
                     "administrateur systeme*; administrateur reseau*; assistant manager; "
                     "manager en formation; chef cuisinier; chef de cuisine; sous chef"),
    ("student", "stagiaire; stage; intern; internship; alternant*; alternance; apprenti*; "
                "apprentice; work study; etudiant*; student; doctorant*; phd student; "
                "phd candidate; en formation"),
    ("junior", "junior; jr; debutant*; graduate; jeune diplome*"),
    ("executive", "ceo; cto; cfo; coo; cmo; cio; cdo; chro; ciso; chief; president*; pdg; dg; "
                  "directeur general; directrice generale; directeur generale; "
                  "managing director; general manager; founder; cofounder; co founder; "
                  "fondateur; fondatrice; cofondateur*; co fondateur*; co fondatrice; "
                  "cofondatrice; owner; proprietaire; gerant*; associe; associee; partner; "
                  "managing partner; vice president; vp; svp; evp; board member; "
                  "administrateur; administratrice; chef d entreprise; dirigeant*; "
                  "entrepreneur*; secretaire general*; maire; prefet"),
    ("manager", "manager; managers; management; head; directeur*; directrice*; director; "
                "responsable; chef; cheffe; team lead; team leader; supervisor; "
                "superviseur*; encadrant*; chef d equipe; chef de service; "
                "chef de rayon; lead manager"),
    ("senior", "senior; sr; principal; lead; expert*; confirme; confirmee; staff engineer; "
               "specialiste senior"),
    ("junior", "assistant; assistante; trainee; aide; apprenti"),
)


def _compile_seniority():
    out = []
    for level, text in SENIORITY_RULES:
        parts = []
        for raw in text.split(";"):
            kw = " ".join(raw.split())
            if not kw:
                continue
            if kw.endswith("*"):
                parts.append(r"\s+".join(map(re.escape, kw[:-1].split())) + r"[a-z0-9]*")
            else:
                parts.append(r"\s+".join(map(re.escape, kw.split())) + r"(?:s|es)?")
        parts.sort(key=len, reverse=True)
        out.append((level, re.compile(r"(?<![a-z0-9])(?:" + "|".join(parts) + r")(?![a-z0-9])")))
    return out


_SENIORITY = _compile_seniority()


@lru_cache(maxsize=65536)
def seniority_of(position: str = "") -> str:
    """The seniority of a job title: one of :data:`SENIORITY_LEVELS`.

    Examples
    --------
    >>> [seniority_of(t) for t in ("Stagiaire chef de projet", "Junior Data Analyst",
    ...                            "Co-fondatrice & CEO", "Head of Marketing",
    ...                            "Senior Software Engineer", "Assistante RH",
    ...                            "Chef de projet digital", "Comptable", "")]
    ['student', 'junior', 'executive', 'manager', 'senior', 'junior', 'professional', 'professional', 'unknown']
    """
    text = fold("" if position is None or position != position else position)
    if not text:
        return "unknown"
    # The "professional" phrases only neutralise a manager-like word; any
    # other level found in the rest of the title still counts.
    rest = _SENIORITY[0][1].sub(" ", text)
    for level, pattern in _SENIORITY[1:]:
        if pattern.search(rest):
            return level
    return "professional"
