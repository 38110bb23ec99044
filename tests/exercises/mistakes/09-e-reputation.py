"""Typical mistakes in exercises/09-e-reputation, graded by tests/exercises/test_assignments.py.

Each entry maps an answer cell's grade id to what a learner who holds the
misconception writes there; every other answer is the solution. Each must
earn some points and lose some.
"""

#: Library functions whose result *is* a task's answer: no hidden test may call them.
LIBRARY_ANSWERS = ["by_tie", "final_reach"]

MISTAKES = {
    # Counts all the contacts of a contact as new audience, forgetting that
    # many of them are already one's own contacts (a shared world).
    "counts-known": {
        "answer-relay": (
            "new_people = {}\n"
            "for q in G[me]:\n"
            "    new_people[q] = G.degree(q) - 1\n"
            "best_relay = max(new_people, key=new_people.get)\n"
        ),
    },
    # Reads the people reached *at* step 3 (the column new) as the people
    # reached *by* step 3: a count of one step for a running total.
    "new-not-total": {
        "answer-seeds": (
            "influencers = cascade(G, 'influencers', k=10, runs=20, "
            "seed=ex.my_seed(ASSIGNMENT, 'spread'))\n"
            "random_seeds = cascade(G, 'random', k=10, runs=20, "
            "seed=ex.my_seed(ASSIGNMENT, 'spread'))\n"
            "reach_by_step_3 = {}\n"
            "for name, result in [('influencers', influencers), ('random', random_seeds)]:\n"
            "    table = result.adoption\n"
            "    rows = table[table['step'] == 3]\n"
            "    reach_by_step_3[name] = rows['new'].sum() / 20 / G.number_of_nodes()\n"
            "faster = max(reach_by_step_3, key=reach_by_step_3.get)\n"
        ),
    },
    # Counts the speakers among the contacts who "heard" the message: they
    # started it, so they inflate the share and hide the difference.
    "speakers-counted": {
        "answer-valence": (
            "speakers = [me] + sorted(q for q in G[me] if G[me][q]['strength'] >= 0.5)\n"
            "good_news = cascade(G, speakers, model='threshold', valence='positive', runs=10,\n"
            "                    seed=ex.my_seed(ASSIGNMENT, 'word'))\n"
            "bad_news = cascade(G, speakers, model='threshold', valence='negative', runs=10,\n"
            "                   seed=ex.my_seed(ASSIGNMENT, 'word'))\n"
            "contacts_heard = {}\n"
            "for name, result in [('positive', good_news), ('negative', bad_news)]:\n"
            "    table = result.reached\n"
            "    shares = []\n"
            "    for run in range(10):\n"
            "        heard = set(table[table['run'] == run]['person'])\n"
            "        shares.append(sum(1 for q in G[me] if q in heard) / G.degree(me))\n"
            "    contacts_heard[name] = sum(shares) / len(shares)\n"
            "bad_travels_further = contacts_heard['negative'] > contacts_heard['positive']\n"
        ),
    },
    # Confuses "carries most of the spread" with "passes more per tie": the
    # share of the people reached is taken for a rate per tie.
    "share-not-per-tie": {
        "answer-ties": (
            "kinds = list(influencers.reached['tie'])\n"
            "heard_weak = kinds.count('weak')\n"
            "heard_strong = kinds.count('strong')\n"
            "total = heard_weak + heard_strong\n"
            "per_tie = {'weak': heard_weak / total, 'strong': heard_strong / total}\n"
            "carries_most = 'weak' if heard_weak > heard_strong else 'strong'\n"
            "passes_more_per_tie = max(per_tie, key=per_tie.get)\n"
        ),
    },
}
