"""What a trigger acts on, for the triggers whose type depends on it.

"Deploy" is a MOBILIZE when troops, ships or missiles are deployed, not "450
meters of booms" against an oil spill; "release" is a RETREAT when
prisoners go free, not when a video comes out; "ease" is a CONCEDE for
sanctions, not for tension. `data/event_triggers.tsv` lists the fitting
objects; an actor as the object always fits ("released Ukrainian
journalist Ivanov").
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.knowledge.event_words import Trigger
from dateline.stages.events.sides import MentionIndex, subject_of

NOUN_OBJECT_DEPS = frozenset({"compound", "amod", "nmod"})
RELATIVE_TAGS = frozenset({"WP", "WDT"})


def acts_on_fitting_object(trigger: Token, lexical: Trigger, index: MentionIndex) -> bool:
    """True when the trigger has no object list, or its object fits the list.

    An event noun with no object written ("the deployment") is given the
    benefit of the doubt; a verb with none is not.
    """

    if not lexical.objects:
        return True
    heads = object_heads(trigger)
    if not heads:
        return trigger.pos_ != "VERB"
    return any(_fits(head, lexical.objects, index) for head in heads)


def object_heads(trigger: Token) -> list[Token]:
    """The phrase heads a trigger acts on.

    A verb: its direct object, else its subject, borrowed along a
    coordination ("were captured ... but released within days"): the thing
    moved in a passive ("troops were deployed") or an intransitive use
    ("troops deployed to the border"), the doer otherwise. A relative
    pronoun stands for the noun it hangs from ("soldiers, who have been
    deployed"). A noun: its modifiers ("troop deployment") and its "of"
    object ("the deployment of troops").
    """

    children = list(trigger.children)
    if trigger.pos_ == "VERB":
        objects = [c for c in children if c.dep_ == "dobj"]
        if not objects and trigger.dep_ == "acl" and trigger.tag_ == "VBN":
            objects = [trigger.head]  # "the prisoners released on Monday"
        if not objects and (subject := subject_of(trigger)) is not None:
            objects = [subject]
        return [
            o.head.head if o.tag_ in RELATIVE_TAGS and o.head.dep_ == "relcl" else o
            for o in objects
        ]
    objects = [c for c in children if c.dep_ in NOUN_OBJECT_DEPS and c.i < trigger.i]
    for prep in children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            objects.extend(c for c in prep.children if c.dep_ == "pobj")
    return objects


def _fits(head: Token, objects: tuple[str, ...], index: MentionIndex) -> bool:
    """The head, a word it is a measure of ("thousands of troops"), or an actor it names fits."""

    words = [head, *(c for c in head.children if c.dep_ in NOUN_OBJECT_DEPS)]
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            words.extend(c for c in prep.children if c.dep_ == "pobj")
    if any(w.lemma_.lower() in objects or w.lower_ in objects for w in words):
        return True
    named = [head, *(c for c in head.children if c.dep_ in NOUN_OBJECT_DEPS | {"appos"})]
    return bool(index.actors_at(named))
