"""The eligibility questionnaire (/check): one question per message, then a verdict per criterion.

The flow is declared by the region's rule set: its `fields_needed()` are the questions, in order,
skipping those that can no longer change a criterion (knowledge.eligibility.relevance); the wording
of each question is in knowledge/data/fields.yaml. Every answer goes into `state.profile` at once,
so the shell saves it with the turn and nothing is lost on a restart.

Rooms: flow.py (the run and its steps), prompts.py (what is shown), answers.py (what is done with an
answer), result.py (the verdict and the next step)."""

from __future__ import annotations

import datetime as dt

from core.model import Document, Event, Outcome, Reply, UserState
from dialogs import onboarding, prefill, render
from dialogs.buttons import global_button
from dialogs.dialog import Dialog
from dialogs.gate_words import gate_choice
from dialogs.questionnaire import prefilled
from dialogs.questionnaire.answers import on_event
from dialogs.questionnaire.elsewhere import bare_figure, names_a_field
from dialogs.questionnaire.flow import NAME, Flow, arrive, go, mode
from dialogs.questionnaire.prefilled import PLAIN, start_latest, start_prefilled
from dialogs.questionnaire.prompts import prompt
from dialogs.questionnaire.summary import plan_items
from dialogs.texts import common as C
from dialogs.texts import questionnaire as T
from dialogs.words import is_report_request
from knowledge.base import KnowledgeBase
from knowledge.eligibility import RuleSet, evaluate
from knowledge.eligibility.relevance import field_matters

DIALOG = Dialog(NAME, prompt, on_event)


def check(state: UserState, event: Event, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    """/check: start the questionnaire for the user's region, or offer to resume the one in progress."""
    if not state.region:
        return onboarding.ask_region(state, kb, now, return_to="check", intro=T.REGION_FIRST)
    rule_set = kb.rules.get(state.region)
    if rule_set is None:
        if state.dialog == NAME:
            state.finish()
        return Outcome(state, [Reply(T.NO_RULES.format(name=render.region_name(kb, state.region)))])
    if state.dialog == NAME and state.data.get("region") == state.region:
        if mode(state) != "resume":
            state.data["resume_mode"] = mode(state)
            go(state, state.step, "resume")
        return Outcome(state, prompt(state, kb, now))
    stated = start_latest(state, kb, now)  # figures a question just stated: offered, as its button does
    if stated is not None:
        return stated
    flow = Flow(rule_set, kb.fields)
    first = flow.next_needed(state.profile, 0) or flow.fields[0]
    left = unanswered(state.profile, rule_set, kb)
    if left and left[0] != first:  # a run left off in order (/cancel): 继续 at the first unanswered, or 重新开始 (N7)
        done = [f for f in flow.fields[: flow.position(left[0])] if f in state.profile]
        state.start(NAME, left[0], {"region": state.region, "answered": done, "resume_mode": "ask"})
        go(state, left[0], "resume")
        return Outcome(state, prompt(state, kb, now))
    state.start(NAME, first, {"region": state.region, "answered": []})
    arrive(state, first)
    # the count the questions themselves show (第 1/7 题): the ones that matter on the answers so far
    n = flow.number(state.profile, first)[1]
    items = plan_items(rule_set)  # 17 题 against the plan's 11 项: said how they relate (trial 8, N25)
    vetoes = T.INTRO_VETOES.format(n=items[1]) if items and items[1] else ""
    said = T.INTRO_ITEMS.format(n=n, items=items[0], vetoes=vetoes) if items else ""
    intro = T.INTRO.format(title=rule_set.title, n=n, items=said)
    return Outcome(state, [Reply(intro), *prompt(state, kb, now)])


def start_plain(state: UserState, key: str, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    """不用，逐题填写 (after /check typed behind a question that stated figures, B21): the figures are let
    go, never written, and /check starts as if typed without them."""
    if state.dialog is not None:
        return Outcome(state, [Reply(C.STALE_BUTTON)])
    state.data.pop(prefill.SLOT, None)
    return check(state, Event.command("check"), kb, now)


def at_gate(state: UserState, text: str, kb: KnowledgeBase, now: dt.datetime) -> Outcome | None:
    """Text typed at the "用这些数开始自评 / 不用，逐题填写" offer (prefilled.start_latest) instead of a press
    (newcomer trial 8, N17): 用/好的 takes the figures, 不用/逐题 lets them go, and a figure ("四十张") starts
    the questionnaire without the offered figures and is read at its first question like any answer there
    (what is typed is the director's own answer; the offered ones may be a what-if, B21). None for anything
    else — a question is answered by the router, which then shows the offer again (offer_again). The offer
    waits for one message only: it is forgotten here whatever the text is."""
    key = state.data.pop(prefilled.GATE, None) if state.dialog is None else None
    if not isinstance(key, str) or prefill.latest(state, state.region or "") != key:
        return None
    choice = gate_choice(text)
    if choice is not None:
        return (start_prefilled if choice else start_plain)(state, key, kb, now)
    flow = Flow(kb.rules[state.region or ""], kb.fields)
    if not names_a_field(flow, text) and not bare_figure(flow, text):
        state.data[prefilled.GATE] = key  # kept for offer_again, when the text is a question
        return None
    started = start_plain(state, key, kb, now)
    if started.state.dialog != NAME:
        return started
    typed = on_event(started.state, Event.say(text), kb, now)
    intro = [r for r in started.replies if not r.buttons]  # the question itself comes after the figure read
    return Outcome(typed.state, intro + typed.replies, started.effects + typed.effects)


def offer_again(state: UserState, kb: KnowledgeBase, now: dt.datetime, asked: bool) -> list[Reply]:
    """The figures offer again after a question typed at it was answered (`asked`); [] when it no longer
    waits or the text was no question (the offer is then forgotten; its buttons stay valid)."""
    if state.dialog is not None or state.data.pop(prefilled.GATE, None) is None or not asked:
        return []
    offered = start_latest(state, kb, now)
    return [Reply(C.PENDING_AGAIN), *offered.replies] if offered is not None else []


def report(state: UserState, region: str, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    """The "生成自评报告" button (global: it stays valid after the questionnaire has ended)."""
    rule_set = kb.rules.get(region)
    if rule_set is None:
        return Outcome(state, [Reply(T.NO_RULES.format(name=render.region_name(kb, region)))])
    if not any(f in state.profile for f in rule_set.fields_needed()):
        return Outcome(state, [Reply(T.REPORT_NEEDS_ANSWERS)])
    left = unanswered(state.profile, rule_set, kb)
    if left:  # a report of an unfinished check would read as a verdict it is not
        return Outcome(state, [Reply(T.REPORT_UNFINISHED.format(n=len(left)))])
    from dialogs import report as report_document  # python-docx and reportlab: loaded when first used

    name = render.region_name(kb, region)
    verdict = evaluate(state.profile, rule_set)
    document = report_document.build(verdict, state.profile, kb.fields, name, rule_set)
    caption = T.REPORT_CAPTION.format(region=name)
    return Outcome(
        state,
        [
            Reply(caption, document=Document(document.filename, document.content)),
            Reply(T.REPORT_PDF_CAPTION, document=Document(document.pdf_filename, document.pdf)),
        ],
    )


def report_offer(state: UserState, kb: KnowledgeBase) -> list[Reply]:
    """The 生成自评报告 button again, for a director with a finished check for their region and no
    dialog in progress (the terminal shows it on opening: the button of the last run is gone after /quit)."""
    rule_set = kb.rules.get(state.region or "")
    if state.dialog is not None or rule_set is None or not any(f in state.profile for f in rule_set.fields_needed()):
        return []
    if unanswered(state.profile, rule_set, kb):  # never offered for an unfinished check
        return []
    return [Reply(T.REPORT_AGAIN, ((global_button(T.REPORT, "report", rule_set.region),),))]


def unanswered(profile: dict, rule_set: RuleSet, kb: KnowledgeBase) -> list[str]:
    """The region's questions that still matter and have no answer (不清楚 counts as an answer)."""
    return [f for f in rule_set.fields_needed() if f not in profile and field_matters(rule_set, kb.fields, profile, f)]


def typed_report(state: UserState, text: str, kb: KnowledgeBase, now: dt.datetime) -> Outcome | None:
    """ "生成自评报告" typed (the button's label, or the terminal after a restart): the report."""
    if not is_report_request(text):
        return None
    if not state.region:
        return onboarding.ask_region(state, kb, now, intro=T.REGION_FIRST_REPORT)
    return report(state, state.region, kb, now)


__all__ = [
    "DIALOG",
    "PLAIN",
    "at_gate",
    "check",
    "offer_again",
    "on_event",
    "prompt",
    "report",
    "report_offer",
    "start_plain",
    "start_prefilled",
    "typed_report",
    "unanswered",
]
