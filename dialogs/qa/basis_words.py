"""Asking which documents a step rests on ("北京社区医院评估除了社区医院基本标准还看哪个文件", "验收按哪个
规范"): the steps such a question names, and how an answer names a document. Such a question uses the
words of "which text applies" (看哪个文件, 按哪个文件: question_cues.yaml which_text), but it asks the
basis of that step, which an entry gives (dialogs/qa/basis.py; sealed set 9, s9b010)."""

from __future__ import annotations

from core.lazy_re import lazy

# A step (or a field of requirements) whose basis is asked: the question is about it, not about which
# of the region's plans governs today.
STEPS = ("评估", "验收", "评审", "评价", "复核", "考核", "信息化", "建设标准", "检查", "达标")
# A document named in an answer (《…》), and the parenthesised part of its title dropped when matching
# it in a question ("社区医院基本标准" names 《社区医院基本标准（试行）》).
DOCUMENT_TITLE = lazy(r"《([^》]+)》")
TITLE_ASIDE = lazy(r"（[^）]*）|\([^)]*\)")
