"""Words read in the knowledge base's own answers (dialogs/qa/entries.py): input vocabulary, nothing
here is shown to users."""

# An answer that opens by saying the texts lack the rule asked ("助手没有床护比…的规定", "文件没有规定…"):
# what it cites is related text, not the source of a rule (newcomer trial 6, N21: "📄 出处：317号 四"
# under "we don't have it" read as if 317号 set a nurse ratio).
LACKS_RULE = ("文件没有", "助手没有", "收录的文件没有", "收录的文件里没有", "本助手没有")
