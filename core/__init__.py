"""The shared vocabulary: the values every layer passes (events, replies, user state, effects), one
clock in Asia/Shanghai, text and numeral helpers, and the channel limits. Imports nothing of ours;
holds no policy and does no I/O."""
