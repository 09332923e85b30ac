"""How a director corrects an earlier /check answer in words while another question waits (breaker brk11,
B16): by its number (第2题改成35张, 把第二题改为否), as the one before (上一题改成90%, 上一个应该是35), or by its
subject with a slip said (刚才床位填错了，应该是35张, 使用率写错了，是80%). Read by
dialogs/questionnaire/corrected.py.

Input vocabulary (words we recognise), not words we show: the replies live in dialogs/texts/."""

from __future__ import annotations

from core.lazy_re import lazy

_SLIP = r"(?:填错了|写错了|输错了|选错了|说错了|打错了|弄错了|填错|写错|输错|选错|错了)"
_TO = r"(?:应该是|应该填|应该选|应该|应为|改成|改为|改一下|改|换成|其实是|实际是|是)"
_EDGE = r"[，,。.！!\s]*"
# 第2题 / 第二题 / 第2项 / 上一题 / 上一个 / 刚才那题
NUMBERED = lazy(
    r"^(?:请)?(?:帮我)?(?:把|将)?(?:第\s*(?P<n>[0-9一二两三四五六七八九十]+)\s*[题项个]"
    r"|(?P<prev>上一题|上一个|上一项|上题|前一题|刚才那题|刚才那个|刚才那一题))(?:的)?(?:答案|回答)?"
    rf"{_EDGE}(?:我)?{_SLIP}?{_EDGE}{_TO}{_EDGE}(?P<value>[^，,。]+?){_EDGE}$"
)
# 刚才床位填错了，应该是35张 / 使用率写错了，是80%: the subject before the slip, then the right answer
NAMED = lazy(
    r"^(?:刚才|之前|前面|上面|刚刚)?(?:我)?(?:的)?(?P<subject>[^，,。0-9]{1,12}?)(?:那题|那一题|那个)?"
    rf"(?:我)?{_SLIP}{_EDGE}{_TO}?{_EDGE}(?P<value>[^，,。]+?){_EDGE}$"
)
# A change said in so many words: a correction whose new answer that question does not take is still one
CHANGE = lazy(r"改|错")
