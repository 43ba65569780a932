"""Stage 1, understand: what a question asks, about what, of which resolution.

`understand(question, history, corpus)` returns a `Query`: the intent (a fact, yes-no, a count
or other structure, the paragraphs that mention something, the adoption record, what changed),
the kind of fact asked for (when, where, how long, who), the explicit references, the language,
whether it continues the conversation and the resolution under discussion, and for a question
with two parts, its parts. No store is needed: the corpus is described by `Corpus`.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from .lexicon import ALWAYS_ACRONYMS, SYNONYMS, Lexicon, as_named, unchat
from .references import ORDINALS, Reference, find_references, number_of, other_symbols, resolve_relative
from .text import (
    MONTHS,
    NUMBER_WORDS,
    ORDINAL_WORDS,
    content_terms,
    language,
    same_word,
    spelled_ordinal,
    tokens,
)

# What kind of fact a question asks for. English and Chinese.
ASKS = [
    # "Which General Assembly resolution on AI does 80/57 take note of?": the symbol it names
    ("resolution", re.compile(r"^\s*(?:which|what)\s+(?:(?:general assembly|ga|unga|un|human rights council|hrc|earlier|other|previous)\s+)?"
                              r"resolutions?\b(?!\s+(?:(?:is|was|were|are)\s+(?:about|on|the|a|an|that|this)|number)\b)|哪一?项[^，。？?]{0,20}决议"
                              r"|^\s*what(?:['’]s|\s+is|\s+was)\s+the\s+number\s+of\s+(?:the|that|this)\s+(?:[\w-]+\s+){0,4}?resolution\b", re.I)),
    ("year", re.compile(r"\b(?:which|what|in which|in what)\s+year\b|哪一年|哪年", re.I)),
    # ("What is the GGE to wrap up by?": a time something is to be done by)
    ("when", re.compile(r"\b(when|by when|timing|dates?|deadline|how soon|until when|(?:which|what)\s+(?:exact\s+|specific\s+|precise\s+)?days?)\b|"
                        r"^\s*(?:and\s+)?what\b[^?]*\b(?:wrap(?:ped)?\s+up|finish(?:ed)?|complete[ds]?|fulfil+(?:ed)?|conclude[ds]?|"
                        r"be\s+done|end)\b[^?]*\bby\s*(?:[,;–-]\s*(?:per|according\s+to|under|in)\b[^?]*)?[?.!]*\s*$|"
                        r"何时|什么时候|哪一年|哪年|哪一天|哪天|哪两天|哪几天|日期|截止", re.I)),
    ("where", re.compile(r"\b(where|venue|which city|what city|location)\b|在哪|何地|地点", re.I)),
    ("reference", re.compile(r"\b(symbol|document number|treaty series|official records|supplement|volume|vol\.|"
                             r"(?:which|what) (?:\w+ )?documents?|citation|published|reference number|resolution number|No\.)\b|文号|文件编号|条约汇编|正式记录", re.I)),
    ("how-long", re.compile(r"\b(how long|duration|how many days|for how many)\b|多长|几天|多久", re.I)),
    ("who", re.compile(r"\b(who|whom|whose|which (?:[a-z]+ ){0,2}(?:states|countries|countrys|country|nations|organi[sz]ations|bodies|body|entities|actors))\b|"
                       r"谁|哪(?:些|一?个|两个|几个|[三四五六七八九十]个)(?:国家|组织|机构)", re.I)),
    ("how-many", re.compile(r"\b(how many|how much)\b|多少", re.I)),
]
_CONFIRM = re.compile(r"^\s*(?:(?:could|can|would|will)\s+you\s+)?(?:please\s+|kindly\s+)*(?:confirm|tell me|check|clarify|verify|"
                      r"let me know)\s+(?:whether|if)\s+(.+)$", re.I)
# "quick check - ...", "Correct me if I'm wrong, but ...": how the asker puts it, no words of the question
_ASIDE = re.compile(r"^\s*(?:(?:(?:a|one|just\s+a)\s+)?(?:quick|small|sanity|simple)\s+(?:check|question)|just\s+checking|"
                    r"just\s+to\s+(?:confirm|check|be\s+clear)|correct\s+me\s+if\s+i['’]?m\s+wrong|"
                    r"(?:ok(?:ay)?|so|hey|hi|well)(?=\s*[-–—:,])"
                    # who is asking: "Journalist here:", "NGO analyst here -"
                    r"|(?:an?\s+)?[a-z]+(?:\s+[a-z]+)?\s+here(?=\s*[-–—:,]))\s*[-–—:,]?\s*(?:but\s+)?", re.I)
_SINCE = re.compile(r"^\s*(?:since|given\s+that|now\s+that|considering\s+that|seeing\s+that)\s+([^,?]{10,}?),\s*"
                    r"((?:who|what|when|where|which|why|how|did|does|do|is|was|were|are)\b.*)$", re.I)
_WH = r"(?:what|when|where|who|whom|whose|which|why|how)\b"  # the words a wh-question asks with
# a tag question: "it says the US voted against it, doesn't it?", "..., right?"
_TAG = re.compile(r",\s*(?:(?:does|did|is|was|are|were|has|have|do|can|will)(?:n['’]t)?\s+(?:it|they|there|that|this|he|she)|right|correct|true)\s*[?？]\s*$", re.I)
# "so 80/57 bans killer robots right": a hurried tag, without its comma or question mark, after
# a statement begun with "so", "and" or "but" (not "but that's not right": a reply, no claim).
# Read in steps, not by one pattern: a pattern spanning the whole question backtracks
# quadratically or worse on long runs of spaces.
_TAG_WORD_END = re.compile(r"(?<![\w'’-])(right|correct)\s*[?？]?\s*$", re.I)
_STATEMENT_START = re.compile(r"\s*(?:so|and|but)\s", re.I)
_WH_WORD = re.compile(rf"\b{_WH}", re.I)
_NOT_A_CLAIM_BEFORE = re.compile(r"(?:\bnot|\bis|\bwas|\bare|\bwere|\bbe|['’]s)$", re.I)


def _hurried_tag(question: str) -> str:
    """The question with a bare tag made a tag question: "so X bans Y right" -> "so X bans Y, right?"."""
    m = _TAG_WORD_END.search(question)
    if not m:
        return question
    head = question[: m.start()].rstrip(" \t\r\n,")
    if len(head) == m.start() or not _STATEMENT_START.match(head) or _WH_WORD.search(head) \
            or _NOT_A_CLAIM_BEFORE.search(head):
        return question
    return f"{head}, {m.group(1)}?"


_YES_NO = re.compile(r"^\s*(?:and\s+|so\s+|but\s+)?(does|did|do|is|are|was|were|has|have|had|can|could|will|would|"
                     r"should|shall|may|might|must)\b|是否|是不是|有没有|吗\s*[？?]?\s*$|[，,]\s*(?:对|是|没错)吧\s*[？?]?\s*$"
                     # "intl criminal law in 80/57 or not?"
                     rf"|^(?!\s*{_WH}).+\bor\s+not\s*[?？]\s*$"
                     rf"|{_TAG.pattern}"
                     # a statement asked: "And the US voted against it?", "So 80/57 recalls 79/62?"
                     rf"|^\s*(?:and|so|but)\s+(?!.*\b{_WH})(?:the\s+)?[\w/]+\s+"
                     r"(?:[a-z]+ed|says|recalls|mentions|notes|calls|asks|requests|is|was|were|are|has|had)\b[^?]*\?\s*$"
                     # ... or starting with the resolution it is about: "79/62 was adopted on 22 December 2023?"
                     rf"|^\s*(?!.*\b{_WH})(?:resolution\s+)?\d+/\d+\s+"
                     r"(?:[a-z]+ed|[a-z]+s|is|was|were|are|has|had)\b[^?]*\?\s*$",
                     re.I)
# "Which paragraph of 80/57 bans ...?" takes for granted that one does.
# a question asking which paragraph says something, not for the fact it says
_WHICH_PLACE = re.compile(r"^\s*(?:in\s+(?=\w+\s+(?:operative|preambular)\b))?(?:which|what)\s+(?:number\s+is\s+the\s+|is\s+the\s+number\s+of\s+the\s+)?"
                          r"(?:operative\s+|preambular\s+)?(?:paragraph|provision|footnote|OP|PP|FN)s?\b", re.I)
# asking what a text says, not what it did: "Which paragraph says when ...?"
_REPORTS = re.compile(r"\b(?:says?|mentions?|talks?|refers?|speaks?|deals?|discuss(?:es)?|covers?|gives?|states?|sets? out|lists?)\b", re.I)
_WHICH_PARAGRAPH_DOES = re.compile(r"^\s*(?:which|what)\s+(?:operative\s+|preambular\s+)?(?:paragraph|para|provision|part|OP|PP)s?\b", re.I)
# Something done, asked about: "Did ...?", "... have begun?", "the consultations held in 2025"
_ASKED_TO = re.compile(r"\b(?:asked|requested|called upon|called on|invited|encouraged|urged|told)\b.*\bto\s+[a-z]+", re.I)
_PAST = re.compile(r"^\s*(?:(?:when|why|how)\s+)?(?:did|has|have|had|was|were)\b"
                   r"|\b(?:has|have|had)\s+(?:already\s+)?(?:been\s+)?(?:begun|started|held|convened|completed|finished|"
                   r"concluded|established|met|taken|done|ended)\b"
                   r"|(?<!\bbe )\b(?:held|convened|completed|concluded)\s+(?:in|on|at|during|last)\b", re.I)
_ARTICLE = re.compile(r"\b(?:news\s+(?:article|report|story|item|piece)s?|(?:the|this|that)\s+(?:(?:[A-Z][a-z]+|\d{4}|news)\s+){0,3}(?:article|piece|story))\b(?!\s*\d)"
                      r"|新闻|文章|报道", re.I)
_ASKS_CARRIER = re.compile(r"\b(?:which|what)\s+(?:\w+\s+)?(?:paragraph|provision)|\bwhere\b|\battached|\bcarr(?:y|ies)\b|"
                           r"\bbelongs?\b|哪一段|哪段|所在|在哪", re.I)
_ASKS_DEADLINE = re.compile(r"\b(by when|until when|deadline|how soon|no later than)\b|何时之前|截止|完成|结束|"
                            r"\b(finish|finished|complete|completed|conclude|concluded|fulfil|fulfill|fulfilled|end|wrap up|wrapped up)\b", re.I)
# "Which countries did 80/57 condemn ...?", "Who heads the agency that 79/62 established?":
# what the resolution is said to have done is taken for granted
_WH_DID = re.compile(r"^\s*(?:which|what|whom|who|how many)\b[^?]*?\b(?:(?:did|does|do)\s+(?:resolution\s+)?(?:\d+/\d+|it|the\s+"
                     r"(?:resolution|assembly|general assembly|text))|that\s+(?:resolution\s+)?\d+/\d+)"
                     r"\s+(?!(?:and\b|say|says|said|mention|mentions|state|states|tell|tells|write|writes)\b)[a-z]+", re.I)
# "What does the article say about the US vetoing the resolution?": that the US did is taken for granted
_SAYS_ABOUT_DOING = re.compile(r"^\s*[Ww]hat\s+(?:does|did|do)\s+.{1,60}?\b(?:say|says|said|report|reports|write|writes)\s+about\s+"
                               r"(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*(?:['’]s)?\s+[a-z]+ing\b")
# "the international conference that Sierra Leone hosted", "the summit hosted by Austria",
# "奥地利主办的那次区域会议": what a named one did, described, is taken for granted
# (case matters: a name is capitalised)
_NAMED_DEED = re.compile(r"\b(?!(?:under|in|on|of|to|for|by|with|from|at|about|into|and|or)\s)[a-z]{3,}\s+(?:that|which)\s+"
                         r"(?:the\s+)?(?:[A-Z][\w.]*(?:\s+(?:of\s+)?[A-Z][\w.]*)*|[a-z]+(?:\s+[a-z]+)?)\s+(?:had\s+|has\s+)?[a-z]+ed\b"
                         r"|\b[a-z]+ed\s+by\s+(?:the\s+)?[A-Z][\w.]*"
                         r"|(?:主办|举办|主持|提出|发起|召开)的(?!是)")
# "Which countries voted against ...?", "How many States abstained?": that some did is claimed
_WHO_VOTED = re.compile(r"^\s*(?:which|what|how many)\s+(?:\w+\s+)?(?:countries|states|members|member states|delegations|nations)\s+"
                        r"(?:voted|abstained|opposed|objected|rejected)\b", re.I)
_WHEN_DID = re.compile(r"^\s*(?:when\s+(?:did|does|was|were|has|have|had)|(?:in|on)?\s*(?:what|which)\s+(?:year|date|day|month)s?\s+did)\b"
                       r"|(?:何时|什么时候).{0,8}了", re.I)
# "Why does 79/62 not mention the CCW?", "Why is there no reference to ...?": it takes for granted
# that something is not said
# (the claim's own verb negated, not one of a clause it states: "Why does the Assembly reaffirm
# that any weapon that cannot be used ... must not be used?" claims no negation)
_NEGATED = re.compile(r"^\s*(?:why|how come)\b(?:(?!\b(?:which|who|whom|whose|if|whether)\b|(?<!\bit )\bthat\b(?!\s+(?:resolution|text|paragraph|provision|document|one|report|article|clause|list|session|year)\b)).)*?"
                      r"(?:\b(?:not|never|no)\b|n't\b|n’t\b"
                      # "Why did 79/62 leave international criminal law out of its list?"
                      r"|\b(?:leave|leaves|left|leaving)\b.{1,60}?\bout\b|\b(?:omit|omits|omitted|exclude|excludes|excluded)\b)|为什么[^？?]{0,30}(?:没有|未|不)", re.I)
_DEFINITION = re.compile(r"\b(?:defines?|defined|definitions?)\b|如何定义|怎样定义|什么定义|的定义|定义了?", re.I)
_WHY = re.compile(r"^\s*(?:and\s+|but\s+|so\s+)?(why|for what reason|how come)\b|为什么|为何"
                  # "What was the reason the General Assembly set up the GGE?" asks why, as a claim
                  r"|^\s*(?:and\s+)?what(?:['’]s|\s+is|\s+was|\s+were)\s+the\s+(?:main\s+|real\s+|stated\s+)?"
                  r"(?:reasons?|rationale|justification|motivation)\b", re.I)
_BEGINS = re.compile(r"\b(?:paragraphs?|ones)\b.{0,30}\b(?:begin|begins|start|starts|open|opens)\s+with\s+(?:the\s+word\s+)?"
                     r"['\"“‘]?([A-Za-z]+)", re.I)
_COUNT = re.compile(r"\bhow many\b.{0,40}?\b(operative|preambular|paragraphs?|paras|footnotes?|sub-?paragraphs?|OPs|PPs|FNs)\b|"
                    r"\bnumber of\s+(operative|preambular|paragraphs?|paras|footnotes?|sub-?paragraphs?|OPs|PPs|FNs)\b|"
                    r"多少(?:个|段|条)?(执行|序言|脚注|段)|几(?:个|段|条)(执行|序言|脚注|段)?", re.I)
_MENTIONS = re.compile(r"\b(which|what|list( all)?( the)?)\s+(\w+\s+)?(paragraphs?|paras?|provisions?|parts?)\b.{0,30}\b"
                       r"(mention|mentions|refer|refers|cite|cites|talks? about|speaks? (?:about|of)|deals? with|address|addresses|contain|contains|include|includes)\b|"
                       r"\bwhere (?:in .{1,40}? )?(is|are) (.+?) mentioned\b|哪些段落|哪几段|哪一段", re.I)
_LAST = re.compile(r"\b((?:second|third)[- ](?:to[- ])?last|penultimate|last|final|closing)\s+(?:(operative|preambular)\s+)?"
                   r"para(?:graph)?\b|最后一段", re.I)
_ADOPTION = re.compile(
    r"\b(when|what date|which date|which day|on what day)\b.{0,60}\b(adopted|adoption|passed|voted)\b|"
    r"\b(adopted|adoption|passed)\b.{0,20}\b(when|on what date|which date|which meeting|plenary)\b|"
    # "Was 79/62 adopted on 22 December 2023?": its adoption record says
    r"^\s*(?:was|were|wasn't|weren't)\s+(?:resolution\s+)?\d+/\d+\s+(?:adopted|passed)\s+(?:on|in|at)\s+(?:the\s+|its\s+)?\d|"
    r"^\s*(?:resolution\s+)?\d+/\d+\s+(?:was|were)\s+(?:adopted|passed)\s+(?:on|in|at)\s+(?:the\s+|its\s+)?\d|"
    r"\b(plenary meeting|agenda item|committee report|report of the first committee|which committee|"
    r"which session|what session|recorded vote|adoption record|date of adoption|adoption date|date adopted)\b|"
    # "How was 79/62 adopted?", "以什么方式通过": by consensus or by a vote, which the record says or not
    r"^\s*how\s+(?:was|were)\s+(?:resolution\s+)?\d+/\d+\s+(?:adopted|passed)\b|"
    r"何时通过|哪天通过|什么时候通过|通过日期|以什么方式通过|如何通过|怎样通过|全体会议|议程项目", re.I)
_COMPARE = re.compile(r"\b(same|identical|unchanged|compare|compared|comparison|differ|differs|difference|differences|different|differently|"
                      r"wording|worded|phrase|phrased|phrasing|change|changed|changes|"
                      r"what's new|what is new|new in|(?:keep|kept)(?!\s+out)|still|drop|dropped|removed|added|versus|vs\.?)\b|"
                      r"比较|区别|变化|不同|保留|删除|新增", re.I)
# A question leans on the conversation when it starts by continuing it, or when a pronoun
# stands for something named only before ("they", "it") and the question names little itself.
# Only its own words decide: a pronoun in a question that stands on its own ("its mandate",
# "a weapon that cannot ...") does not make it a follow-up.
_CONTINUES = re.compile(r"^\s*(and|but|so|what about|how about|also|then)\b|^\s*(那么|还有|那)|呢\s*[？?]?\s*$", re.I)
_PRONOUN = re.compile(r"\b(they|them|their|theirs|it|its|this|that|these|those|he|she|his|her|there|else)\b|"
                      r"他们|它|其|该|这些|那些|上述|此", re.I)
# "the group", "the chair" point back too, but they are nouns the question has of its own.
_DEFINITE = re.compile(r"\bthe (group|chair)\b", re.I)
# "that resolution", "the text", "that paragraph": something of the turn before, so the
# resolution under discussion. "The resolution on capacity-building ..." or "the text adopted
# in 2024" describes one instead.
_POINTS_BACK = re.compile(r"\b(that|this|the|same)\s+(resolution|text|document|paragraph|provision)\b"
                          r"(?!\s+(?:on|about|of|adopted|concerning|entitled|titled|from|by|in|that|which)\b)|"
                          r"这项决议|该决议|此决议", re.I)
# Words that stand for something just discussed, however much else the question says: "it",
# "these consultations" (its own "its mandate" is the Group's, not the resolution's).
_THE_DISCUSSED = re.compile(r"\b(it|these|those)\b", re.I)
_THAT_PARAGRAPH = re.compile(r"\b(?:that|this|the same|the previous|the last|the) (?:paragraph|provision|footnote)\b"
                             r"(?!\s+(?:on|about|of|that|which|\d))|\bin it\b|该段|这一段|这段", re.I)
_TOO = re.compile(r"\b(too|as well|likewise|also)\b|\bthe same\b|也", re.I)
_ASKS_SOMETHING = re.compile(rf"\b{_WH}|[?？]|什么|哪|谁|何|几|多少|吗", re.I)
_LAST_ONE = re.compile(r"\b(last|final|first)\s+one\b", re.I)
_NTH_ONE = re.compile(r"\bthe\s+(first|second|third|fourth|fifth)\s+(?:one|of them|conference|item|initiative|reason|point)\b", re.I)
_WHOLE = re.compile(r"\b(in full|full text|whole|entire|entirely|verbatim|word for word|exact words?|exact wording|"
                    # a list asked for complete: "the complete list", "list every ...", "all of them"
                    r"complete list|full list|all of them|list (?:all|every)|every one|each of them)\b|"
                    r"^\s*(?:(?:please|pls|can you|could you)\s+)?(?:quote|show|give me|read)\s+(?:me\s+)?(?:it|that|this|them|the paragraph)\s*[.?!]*\s*$|"
                    r"全文|完整|原文|全部列|都列|一一列", re.I)
_BESIDES = re.compile(r"\b(?:apart from|besides|other than|aside from|except(?: for)?|in addition to)\s+(.+?)(?=,|\s+(?:what|which|who|whom|how|where|when|does|do|did|is|are|can)\b)",
                      re.I)
_ELSE = re.compile(r"\b(else|other|another|besides)\b|还有什么|其他", re.I)
# "X and when/how many/who ...": a second question joined by "and".
_SPLIT = re.compile(r"(?:,\s*|\s+)and\s+(?=(?:(?:on|in|at|by|for|from|under|with|to|of)\s+)?(?:when|where|who|whom|what|which|how|why|does|did|is|are|was|were|has|have)\b)"
                    r"|[？?]\s*(?:and\s+)?(?=\S)|，?(?:以及|并且|还有)(?=[^，。？?]{2,})", re.I)
_TWO_ASKS = re.compile(r"^\s*(when|where|who|how long|for how long)\s+and\s+(when|where|who|how long|for how long)\s+(.+)$", re.I)
_THE_NAMED_ONE = re.compile(r"\bthe\s+((?:[A-Z][\w-]*\s+){1,4})(?:one|resolution)\b")
_AND_ASKS = re.compile(r"^([^?？]*\S)\s*,?\s+and\s+((?:for\s+)?how\s+long|when|where|for\s+how\s+many\s+days)\s*[?？]?\s*$", re.I)
# "which of them took place in 2023?", "the second one": the things the turn before named
_OF_THEM = re.compile(r"\b(?:of|among|between)\s+(?:them|those|these)\b|\bthe\s+(?:first|second|third|other|latter|former)\s+one\b|"
                      r"\bthe\s+(?:latter|former)\b|其中", re.I)
_OTHER_ONE = re.compile(r"\b(?:the|that)\s+other\s+(?:resolution|text|one)\b|另一项决议|另一个决议", re.I)
_NEIGHBOUR = re.compile(r"\b(?:(before|after)\s+(?:that|it|this)(?:\s+one)?|the\s+(previous|preceding|next|following)\s+(?:one|paragraph|provision)|"
                        r"the\s+(?:paragraph|provision|one)\s+(before|after))\b", re.I)
_REFERS_BACK = re.compile(r"\b(?:that|this|it|these|those|so|such)\b(?!\s+(?:of|is|are)\b)", re.I)
# "Does 79/62 mention a Human Rights Council resolution?": a resolution asked about, not named
_A_RESOLUTION = re.compile(r"\b(?:a|an|any|which|what)\s+(?:[A-Za-z-]+\s+){0,3}resolution\b", re.I)
_ASKING = re.compile(r"\s*(?:what|which|who|whom|when|where|why|how|does|do|did|is|are|was|were|can|could|has|have)\b", re.I)
# "How long were they supposed to last?", "What did he say about the US?": a person or group
# named by a pronoun alone is one of the turn before, however many words the question has
_PERSON_BACK = re.compile(r"\b(?:they|them|he|she|him)\b|他们|他|她", re.I)
# ... unless the question names them first: "Do States say they ...?", "the countries that hosted them"
_ANTECEDENT = re.compile(r"(?<!^)\b[A-Z][a-z]|\b(?!(?:does|was|has|this|its|his|whose|yes)\b)[a-z]{2,}s\b")
_STANDS_ALONE = 3  # a question with this many content words of its own is not a follow-up
_SHORT_QUESTION = 5  # "With a view to what?": so few words that it leans on the turn before
# "According to 80/57, did ...": a lead-in phrase before the question proper.
_LEAD_IN = re.compile(r"^\s*(?:according to|as per|per|under|in|based on)\b[^,?]{1,60},\s*", re.I)
# Capitalised words that are not names of anything a text must hold.
_MONTHS = frozenset(m.lower() for m in MONTHS)
_NOT_NAMES = _MONTHS | frozenset("""monday tuesday wednesday thursday friday saturday sunday i resolution
    resolutions article paragraph paragraphs footnote op pp fn""".split())
_CAPITALISED = re.compile(r"(?<![.?!:]\s)(?<!^)\b(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)*|[A-Z]{2,6}s?)\b")
_DATE = rf"(?:(?:\d{{1,2}}\s+)?(?:{'|'.join(MONTHS)})\s+)?(?:19|20)\d\d"  # "[9 July] 2024"
_DOCUMENT_DATE = re.compile(rf"\b(?:the|this|that)\s+{_DATE}\s+(?:(?:news|un|unga|ai)\s+)?(?:article|piece|story|news)\b", re.I)
# ... and a date describing a resolution ("the June 2024 AI resolution"): which one, not a number it states
_DESCRIBED_DATE = re.compile(rf"\b(?:the|this|that|a)\s+({_DATE})\s+(?:[A-Za-z-]+\s+){{0,2}}?(?:article|piece|story|news|resolution|text)s?\b",
                             re.I)


def described_dates(question: str) -> list[str]:
    """The dates a question describes a resolution by: "the 25 June 2024 AI resolution" -> ["25 June 2024"]."""
    return [m.group(1) for m in _DESCRIBED_DATE.finditer(question)]

_ZH_NUMBER = re.compile(r"(?<![哪几多第\d一二两三四五六七八九十百])(?:[一二两三四五六七八九十百]+|\d+)\s*(?:天|周|个月|月|年|届|次|日)")
_ZH_ORDINAL = re.compile(r"第[一二两三四五六七八九十百]+(?:届|次)")
# A session or meeting named by a spelled-out ordinal: "its eightieth session".
_ORDINAL = re.compile(rf"\b(?:{ORDINAL_WORDS})(?=\s+(?:session|plenary|meeting))", re.I)
_NUMBER = re.compile(r"(?<=[a-z]-)(?:19|20)\d\d(?![\w/])|(?<![\w/.-])(?<!\b(?:OP|PP|FN) )(?<!paragraph )(?<!footnote )\d+(?:st|nd|rd|th)?(?![\w/])")


@dataclass
class Corpus:
    """What understanding needs to know of the indexed texts."""

    resolutions: dict[str, str]  # symbol -> adoption date (ISO)
    lexicon: Lexicon
    series: Callable[[str], list[str]] | None = None  # a resolution's series, oldest first


@dataclass
class Query:
    question: str  # as read: chat shorthand spelt out (what every test of its words looks at)
    lang: str  # "en" or "zh"
    intent: str  # fact | yes-no | why | count | mentions | adoption | compare | quote
    asks: str | None  # when | where | how-long | who | None
    ref: Reference  # what the question names
    search: str  # what to search with: the question less its references, spelling corrected
    follow_up: bool = False  # read together with the turn before
    previous: str = ""  # the earlier question it continues (its search text)
    exclude: set[tuple] = field(default_factory=set)  # provisions already given ("what else")
    discussed: set[tuple] = field(default_factory=set)  # provisions the turn before cited
    in_discussed: bool = False  # "in that paragraph": the answer lies in what was just cited
    parts: list[Query] = field(default_factory=list)  # sub-questions of a compound question
    required: list[list[list[str]]] = field(default_factory=list)  # names and numbers evidence must hold
    count_part: str | None = None  # for a count: PP, OP, FN or None (all paragraphs)
    begins: str = ""  # "which paragraphs begin with 'Decides'": the word they begin with
    place_part: str | None = None  # "Which footnote gives ...?": the part the answer stands in
    counted: list[str] = field(default_factory=list)  # "how many submissions": what is counted
    inherited: bool = False  # its resolution is the one the turn before was about, not named by it
    also_asks: str | None = None  # the second kind of fact of "when and where ...?"
    whole: bool = False  # "quote it in full": the paragraph whole, not the clauses that answer
    item: str = ""  # "the second one": the name of the turn before's list it stands for
    stated: str = ""  # a statement about a text before the question proper, which it takes for granted
    polar: bool = False
    choice: tuple[str, str] | None = None  # "by a vote or by consensus?": the two things to choose between
    asked: str = ""  # as the user typed it, for the answer  # asked as yes-no, whatever the intent ("Was 79/62 adopted at ...?")

    @property
    def docs(self) -> list[str]:
        return self.ref.docs

    @property
    def claims(self) -> bool:
        """The question takes something for granted that the texts must bear out: a yes-no or
        why question, or "When did 80/57 ban ...?"."""
        return self.intent in ("yes-no", "why") or (self.intent == "fact" and bool(
            _WHEN_DID.search(self.question) or _NAMED_DEED.search(self.question) or _WHO_VOTED.search(self.question)
            or (_WHICH_PARAGRAPH_DOES.search(self.question) and not self.discussed
                                                 and not _REPORTS.search(self.question))))

    @property
    def defines(self) -> bool:
        """"How does 79/62 define ...?", "What is the definition of ...?": only a definition answers."""
        return self.intent in ("fact", "yes-no") and bool(_DEFINITION.search(self.question))

    @property
    def negated(self) -> bool:
        """A why-question taking for granted that something is not so ("Why does 79/62 not
        mention the CCW?"): the texts saying it is refute it."""
        return self.intent == "why" and bool(_NEGATED.search(self.question))

    @property
    def besides(self) -> str:
        """"Apart from an arms race, what other risks ...?": what the question already has."""
        m = _BESIDES.search(self.search)
        return m.group(1) if m else ""

    @property
    def besides_removed(self) -> str:
        return self.search.replace(self.besides, " ") if self.besides else self.search

    @property
    def presumes(self) -> bool:
        """A wh-question about what a resolution did ("Which countries did 80/57 condemn?"):
        it takes that for granted, but in its own words, so only what the texts say against
        it refutes it, not their saying it otherwise ("What divide does 80/57 want closed?")."""
        return self.intent == "fact" and not self.claims and bool(_WH_DID.search(self.question) or _SAYS_ABOUT_DOING.search(self.question))

    @property
    def past(self) -> bool:
        """It asks about something done ("When did the Group finish ...?", "Did 79/62 convene
        ...?"), which a text that only asks for it to be done does not bear out."""
        # "Were the Parties asked to take ... into account?": the asking is what was done
        return bool(_PAST.search(self.question)) and not _ASKED_TO.search(self.question)

    @property
    def in_article(self) -> bool:
        """"according to the news article", "该新闻报道": the answer lies in an article, not a resolution."""
        return bool(_ARTICLE.search(self.asked or self.question))

    @property
    def deadline(self) -> bool:
        """"By when should ...?", "When is the Group to finish ...?": a time something must happen by."""
        return self.asks == "when" and bool(_ASKS_DEADLINE.search(f"{self.question} {self.search}"))

    @property
    def asks_carrier(self) -> bool:
        """"Which paragraph carries footnote 3?": where a footnote stands, not only what it says."""
        return bool(_ASKS_CARRIER.search(self.question))


def understand(question: str, history: list, corpus: Corpus) -> Query:
    """Read `question` (with the earlier answers of the conversation, oldest first)."""
    question_read = _hurried_tag(_ASIDE.sub("", unchat(question)))
    # "Could you kindly confirm whether 80/57 takes note of ...?": a yes-no question, politely put
    if confirm := _CONFIRM.match(question_read):
        question_read = confirm.group(1)
    query = _read(question_read, history, corpus)
    if confirm and not query.parts:
        query.polar = True
        query.intent = "yes-no" if query.intent == "fact" else query.intent
    query.asked = question
    return query


_PREPOSITION = ("by", "in", "under", "at", "on", "for", "as", "from", "with", "without", "before", "after", "through", "via")
_CHOICE_WORDS = 4  # an alternative longer than this is a clause, not a choice ("... or require States to ...")


# What a wh-question takes a resolution to have done, as a relative clause or a participle
# ("the negotiations that 80/57 launched", "the instrument adopted by 79/62") or as its subject
# ("How does 80/57 amend the CCW?"): the verb of that deed.
_DOC = r"(?:resolution\s+)?\d+/\d+"
_SAYING = (r"(?!(?:say|said|define|defined|describe|described|refer|referred|address|addressed|mention|mentioned|cite|cited|"
           r"list|listed|name|named|note|noted|use|used|characteri[sz]e|frame|view|treat|relate|differ|compare|word|"
           r"phrase|handle|approach|deal|put|express|see|reflect|follow|change|stress|stressed)(?:s|es)?\b)")
_DEED = re.compile(rf"^\s*(?:what|which|who|whom|whose|when|where|how)\b.*?(?:\b(?:that|which)\s+{_DOC}\s+{_SAYING}(?P<relative>[a-z]+ed)\b"
                   rf"|\b{_SAYING}(?P<participle>[a-z]+ed)\s+by\s+{_DOC}\b)"
                   rf"|^\s*how\s+(?:does|did|will|would)\s+{_DOC}\s+{_SAYING}(?P<how>[a-z]+)\b"
                   # "Which countries did 80/57 condemn ...?", "Which paragraph of 79/62 prohibits ...?"
                   rf"|^\s*(?:what|which)\s+[a-z]+\s+did\s+{_DOC}\s+{_SAYING}(?P<did>[a-z]+)\b"
                   rf"|^\s*(?:in\s+)?which\s+(?:operative\s+|preambular\s+)?(?:paragraph|provision|part|clause)\s+"
                   rf"(?:of\s+{_DOC}\s+{_SAYING}(?P<which>[a-z]+s)|(?:does|did)\s+{_DOC}\s+{_SAYING}(?P<which_does>[a-z]+))\b"
                   # what one named did: "What did the article say the Parliamentary Assembly of the
                   # Mediterranean criticised ...?", "What did Austria propose ...?"
                   rf"|^\s*what\s+(?:did|does)\s+(?:the\s+)?(?:article|text|piece|report)\s+(?:say|said|says|report)\s+(?:that\s+)?"
                   rf"(?:the\s+)?(?-i:[A-Z][\w'’-]*)(?:\s+(?:of\s+(?:the\s+)?)?(?-i:[A-Z][\w'’-]*))*\s+{_SAYING}(?P<reported>[a-z]+ed)\b"
                   rf"|^\s*what\s+did\s+(?:the\s+)?(?-i:[A-Z][\w'’-]*)(?:\s+(?:of\s+(?:the\s+)?)?(?-i:[A-Z][\w'’-]*))*\s+{_SAYING}(?P<named>[a-z]+)\b", re.I)


def presupposed_deed(question: str) -> str | None:
    """The verb of what a wh-question takes a resolution to have done: "What prohibitions are
    in the instrument adopted by 79/62?" -> "adopted"; "Who chairs the negotiations that 80/57
    launched?" -> "launched"; "How does 80/57 amend the CCW?" -> "amend"."""
    m = _DEED.search(question)
    return next((g for g in m.groups() if g), None) if m else None


def choice(question: str) -> tuple[str, str] | None:
    """The two things a yes-no-shaped question asks to choose between: "Was 51/22 adopted by a
    vote or by consensus?" -> ("by a vote", "by consensus"); "held in New York or Geneva?" ->
    ("in New York", "in Geneva")."""
    if not _YES_NO.search(question) or len(re.findall(r"\bor\b", question, re.I)) != 1 \
            or re.search(r"\bor\s+(?:not|otherwise|elsewhere|anything|something|both)\b|\bwhether\b", question, re.I):
        return None
    before, after = re.split(r"\s+or\s+", question, maxsplit=1, flags=re.I)
    second = re.split(r"\s*[,?？;]", after, maxsplit=1)[0].split()
    words = before.split()
    if not second or len(second) > _CHOICE_WORDS or len(words) < 3:
        return None
    lead = second[0].lower()
    # the first alternative starts at the preposition the second repeats, or at the one it has
    starts = [i for i, w in enumerate(words) if w.lower() == lead] if lead in _PREPOSITION else []
    starts = starts or [i for i, w in enumerate(words) if w.lower() in _PREPOSITION and i >= len(words) - _CHOICE_WORDS]
    if starts:
        first = words[starts[-1]:]
        if lead not in _PREPOSITION and not lead.endswith("ly"):  # "in New York or Geneva": Geneva too is "in"
            second = [first[0]] + second  # (not "by vote or unanimously")
    elif len(second) > 2 or re.search(r"\b(?:it|them|this|that)\b", " ".join(second), re.I):
        return None  # "Did the US or China sponsor it?", "keep ... or drop it?": not two things named at the end
    else:  # "Is it binding or voluntary?": as many words back as the second has, a name whole
        k = len(second)
        while k < len(words) - 2 and words[-k][:1].isupper() and words[-k - 1][:1].isupper():
            k += 1
        first = words[-k:]
    if len(first) > _CHOICE_WORDS + 1:
        return None
    return " ".join(first), " ".join(second)


_AUX = r"(?:would|will|can|could|should|must|may|might)(?:\s+(?:not\s+)?be)?|are|is|were|was|does|do|did|has|have|had"
# a question's wh-word, what it asks about and its verb: "which kinds of weapons | would be"
_WH_HEAD = re.compile(rf"^(?:[^,]*,\s*)?(which|what)\s+(.+?)\s+({_AUX})\b", re.I)
_WH_VERBLESS = re.compile(rf"^\s*(?:and\s+)?(?:which|what)\s+((?:(?!\b(?:{_AUX})\b)[^?？])+?)\s*[?？]?\s*$", re.I)


def _read(question: str, history: list, corpus: Corpus) -> Query:
    pieces = [p.strip(" ,;") for p in _SPLIT.split(question) if p and p.strip(" ,;?？")]
    # "Need the complete list.", "全部列一下": how to answer, not a part to answer
    form = [p for p in pieces if _WHOLE.search(p) and not _ASKS_SOMETHING.search(p)]
    if form and len(form) < len(pieces):
        pieces = [p for p in pieces if p not in form]
        if len(pieces) == 1:
            query = _one(pieces[0] if pieces[0].endswith(("?", "？")) else pieces[0] + "?", history, corpus)
            query.whole = True
            return query
    if len(pieces) > 1 and all(len(content_terms(p)) >= 1 for p in pieces):
        whole = _one(question, history, corpus)
        parts = []
        first = find_references(pieces[0], corpus.resolutions)
        for k, piece in enumerate(pieces):
            own = find_references(piece, corpus.resolutions)
            # "What does 79/62 put on the agenda of its 80th session and what does 80/57 put on the
            # 81st?": a part naming another text but little else asks what the first part asks
            if k and own.docs and own.docs != first.docs and language(piece) == "en" \
                    and len(content_terms(own.rest)) < _STANDS_ALONE:
                borrowed = [w for w in re.findall(r"[A-Za-z][\w-]*", first.rest) if content_terms(w)
                            and not re.fullmatch(rf"{ORDINAL_WORDS}|\w*\d\w*", w, re.I) and w.lower() not in own.rest.lower()]
                piece = f"{piece.rstrip(' ?？')} {' '.join(borrowed)}"
            # "which kinds of weapons would be banned and which only regulated?": a part with no verb
            # of its own asks what the first asks, of its own words
            if k and (m := _WH_VERBLESS.match(piece)) and (head := _WH_HEAD.match(pieces[0])):
                piece = f"{head.group(1)} {head.group(2)} {head.group(3)} {m.group(1)}"
            part = _one(piece if piece.endswith(("?", "？")) else piece + "?", history, corpus, " ".join(pieces[:k]))
            # "When was 79/62 adopted and how many paragraphs does it have?": "it" is 79/62,
            # whatever the turn before was about.
            if whole.ref.docs and not own.docs and not own.mentioned:
                part.ref.docs = list(whole.ref.docs)
            # "How many operative paragraphs does 80/57 have, and what does the last one decide?"
            if k and (m := _LAST_ONE.search(piece)) and (counted := _count_part(pieces[0])):
                part.intent, part.ref.part = "quote", counted
                part.ref.number = 1 if m.group(1).lower() == "first" else None
            # "What is HRC resolution 51/22 about, and how was it adopted?": "it" is 51/22
            if whole.ref.mentioned and not own.docs and not own.mentioned and not whole.ref.docs:
                part.ref.mentioned = list(whole.ref.mentioned)
            parts.append(part)
        whole.parts = parts
        return whole
    return _one(question, history, corpus)


def _one(question: str, history: list, corpus: Corpus, before: str = "") -> Query:
    """One question (or one part of a compound one, `before` being the parts before it)."""
    lang = language(question)
    ref = find_references(question, corpus.resolutions)
    # "Does the news article say the March 2024 resolution was the first ...?": what the article
    # says of a resolution it describes; the article is read, the description is searched for
    if _ARTICLE.search(question) and ref.docs and not re.search(r"(?<![\d/])\d{1,3}/\d{1,3}(?![\d/])", question):
        ref.docs, ref.rest = [], _ARTICLE.sub(" ", question)
    previous_docs = _under_discussion(history, corpus)
    if ref.relative and history and not previous_docs and _about_a_commentary(history, corpus):
        # "the earlier one" after a turn about the article: one of the things it reports
        ref.relative = None
        previous_docs = _cited_docs(history[-1])
    if ref.relative:
        ref.docs += [d for d in resolve_relative(ref.relative, corpus.resolutions, previous_docs, corpus.series)
                     if d not in ref.docs]
    if history and not ref.docs and (m := _OTHER_ONE.search(question)) and (other := _the_other(
            previous_docs, corpus, [d for a in history for d in _cited_docs(a) + find_references(a.question, corpus.resolutions).docs])):
        ref.docs = [other]  # "Does the other resolution also list ...?"
        ref.rest = ref.rest.replace(m.group(0), " ")
    rest = ref.rest or question
    # "I'm preparing a briefing note for our mission. ... when should ...?": the sentences before
    # a question that stands on its own are the asker's context, not what to look for; but what
    # they say of a text ("79/62 asks the Secretary-General to draft a treaty. What's the
    # deadline?") the question takes for granted
    stated = ""
    if (proper := _last_sentence(question)) != question.strip() and not proper.endswith(".") \
            and re.search(r"(?:[.!]|\s[-–—])\s*$", question[: question.rfind(proper)]) and not _ASKING.match(question) \
            and (find_references(before := question[: question.rfind(proper)].strip(" .!-–—"), corpus.resolutions).docs
                 or _ARTICLE.search(before) or _DESCRIBED_DATE.search(before)) and "?" not in before and len(before.split()) >= 4:
        stated = before
    # "Since the United States sponsored the June resolution, how did China react?": a clause the
    # question rests on is taken for granted, as a statement before it is
    # (a clause saying something was done, not a time: "Since the first session in 2017, what ...?")
    if not stated and (m := _SINCE.match(question)) and len(m.group(1).split()) >= 4 \
            and re.search(r"\b(?:[a-z]+ed|is|was|are|were|has|have|had|did|does)\b", m.group(1)):
        stated, rest = m.group(1), m.group(2)
    if (proper := _last_sentence(rest)) != rest.strip() and len(content_terms(proper)) >= _STANDS_ALONE \
            and not _REFERS_BACK.search(proper):
        rest = proper
    if said_of := _object_resolution(question, ref.docs):  # "Does 80/57 recall 79/62?": 80/57's words
        ref.docs.remove(said_of)
        rest = f"{rest} {number_of(said_of)}"
    rest = corpus.lexicon.rewrite(rest) if lang == "en" else rest  # slips corrected, in names too ("Human Rigths Council")
    search = _TAG.sub("?", rest) if lang == "en" else rest  # (", right?" claims nothing)
    # "according to the July 2024 piece": which text to read, not what to look for in it
    search = _ARTICLE.sub(" ", _DOCUMENT_DATE.sub(" ", search)) if lang == "en" else search
    # (what kind of fact is asked, read from the words as the user typed them or as corrected: "which countrys")
    query = Query(question, lang, _intent(question, ref), _asks(question) or (_asks(search) if lang == "en" else None), ref, search,
                  stated=stated)
    if query.asks == "resolution" and _ARTICLE.search(question):  # an article names them by title and date
        query.asks = None
    if _WHICH_PLACE.search(question) and not query.claims:  # "What number is the OP that sets the two-day duration?"
        query.asks = None
        query.place_part = next(iter(parts_named(question.replace("OP", "operative").replace("PP", "preambular"))), None)
        query.search = re.sub(r"\b(?:what|which|number|paragraphs?|provisions?|footnotes?|operative|preambular)\b", " ",
                              query.search, flags=re.I)
    query.required = _required(rest, corpus.lexicon, dates=query.claims) if lang == "en" else _required_zh(rest)
    if said_of:
        query.required.append([tokens(number_of(said_of))])
    # "Does 80/57 mention resolution 79/239?", "the report A/80/88 that 80/57 cites": the
    # paragraph names it (a symbol of the question proper, its last sentence)
    proper = _last_sentence(question)
    if ref.docs and query.intent != "adoption":  # (its adoption is the named resolution's own)
        query.required += [[tokens(number_of(d))] for d in ref.mentioned if number_of(d) in proper]
        query.required += [[tokens(d)] for d in other_symbols(proper) if tokens(d)]
    # "Was it adopted by consensus or by a recorded vote?" asks which, not whether.
    query.whole = bool(_WHOLE.search(question))
    if m := _TWO_ASKS.match(question):  # "When and where will ...?": two facts of one subject
        query.asks, query.also_asks = (next((name for name, pattern in ASKS if pattern.search(w)), None)
                                       for w in (m.group(1), m.group(2)))
    elif (m := _AND_ASKS.match(question)) and (first := _asks(m.group(1))) and (second := _asks(m.group(2))) != first:
        query.asks, query.also_asks = first, second  # "Which country hosted the summit, and when?"
    elif lang == "zh" and len(kinds := list(dict.fromkeys(k for c in re.split(r"[，,；;]", question) if (k := _asks(c))))) == 2:
        query.asks, query.also_asks = kinds  # "开几天，在哪儿开？"
    query.polar = bool(_YES_NO.search(_LEAD_IN.sub("", question))) and not re.search(r"\bor\b(?!\s+not\b)", question)
    if query.intent == "yes-no" and (pair := choice(_LEAD_IN.sub("", question))):
        query.intent, query.choice = "fact", pair  # answered with the one the texts say, not "Yes"
    if query.asks == "how-many" and (m := re.search(r"\bhow (?:many|much)\s+(?:of the\s+)?([A-Za-z-]+)|多少个?([\u4e00-\u9fff]{2})",
                                                    question, re.I)):
        query.counted = tokens(m.group(1) or m.group(2))
    if m := _BEGINS.search(question):  # "Which operative paragraphs begin with 'Decides'?"
        query.intent, query.begins = "count", m.group(1)
    if query.intent == "count":
        query.count_part = _count_part(question)
    if history:
        last = history[-1]
        last_ref = find_references(last.question, corpus.resolutions)
        cited = {(c.doc, c.part, c.number) for c in last.citations}
        own = content_terms(_PRONOUN.sub(" ", _POINTS_BACK.sub(" ", search)))
        pointing = bool(_PRONOUN.search(question) or _DEFINITE.search(question) or _POINTS_BACK.search(question))
        short = len(re.findall(r"\w+", question)) <= _SHORT_QUESTION
        query.follow_up = bool(_CONTINUES.search(question)) or bool(_OF_THEM.search(question)) \
            or ((pointing or not own or short) and len(own) < _STANDS_ALONE) \
            or ((m := _PERSON_BACK.search(question)) is not None and not ref.docs and not ref.mentioned
                and not _ANTECEDENT.search(f"{before} {question[: m.start()]}".strip()))
        # "Which HRC resolution does 79/62 cite?" then "When was it adopted?": the one that answer named
        if not ref.docs and not ref.mentioned and _THE_DISCUSSED.search(question) and not last.abstained and (
                _asks(last.question) == "resolution" or _A_RESOLUTION.search(last.question)):
            named = find_references(last.answer.split(" [", 1)[0], corpus.resolutions)
            if not named.docs and not named.mentioned:  # none in its lead: the one its quotation names, if one
                quoted = find_references(last.answer, corpus.resolutions)
                if len(quoted.mentioned) == 1:  # (the indexed resolutions it names are its framings)
                    named = replace(quoted, docs=[])
            ref.docs, ref.mentioned = named.docs, named.mentioned
            query.follow_up = query.follow_up or bool(named.docs or named.mentioned)
        # "What does 80/57 take note of?" then "When was the General Assembly one adopted?": the
        # resolution the answer names with those words ("General Assembly resolution 79/239")
        if not ref.docs and not ref.mentioned and (m := _THE_NAMED_ONE.search(question)) and not last.abstained:
            said = re.search(rf"\b{re.escape(m.group(1).strip())}\s+resolutions?\s+((?:A/(?:HRC/)?RES/)?\d+/\d+)", last.answer, re.I)
            if said:
                named = find_references(f"{m.group(1).strip()} resolution {said.group(1)}", corpus.resolutions)
                ref.docs, ref.mentioned = named.docs, named.mentioned
                query.follow_up = True
        # A follow-up, or "that resolution", "these consultations": the resolution under
        # discussion, unless the question names one.
        if not ref.docs and not ref.mentioned and not ref.relative and not _ARTICLE.search(question) and (
                query.follow_up or _POINTS_BACK.search(question) or _THE_DISCUSSED.search(question)):
            ref.docs = list(previous_docs)
            # "Where were they held?" may be about another text's consultations; "What else does it
            # decide?" is about the resolution itself
            query.inherited = bool(previous_docs) and not _POINTS_BACK.search(question) \
                and not re.search(r"\bit\b|它|该决议", question, re.I)
        # "What does 79/62 OP 5 say?" then "And what did it say before that?": OP 4
        if (m := _NEIGHBOUR.search(question)) and len(cited) == 1 and len(own) < _STANDS_ALONE \
                and (prov := next(iter(cited)))[1] in ("PP", "OP") and prov[2]:
            step = -1 if next(g for g in m.groups() if g).lower() in ("before", "previous", "preceding") else 1
            if prov[2] + step >= 1:
                query.intent, query.follow_up = "quote", True
                ref.docs, ref.part, ref.number = [prov[0]], prov[1], prov[2] + step
        # "Which conferences does 79/62 acknowledge?" then "When was the second one held?": the
        # second of the names the paragraph cited lists (its items, as the conversation set them)
        if (m := _NTH_ONE.search(question)) and len(cited) == 1 and next(iter(cited))[1] == "P" \
                and (said := _nth_point(last, ORDINALS[m.group(1).lower()])):
            # "What are the three reasons ...?" then "What's the second one?": the article's "Secondly, ..."
            query.follow_up, query.discussed, query.in_discussed = True, set(cited), True
            query.search = said
            ref.docs = ref.docs or [next(iter(cited))[0]]
        elif (m := _NTH_ONE.search(question)) and len(cited) == 1 and not _count_part(last.question) \
                and (item := _nth_name(last, ORDINALS[m.group(1).lower()], last.question)):
            query.item, query.follow_up, query.discussed = item, True, set(cited)
            query.search = query.search.replace(m.group(0), item)
            query.required.append([tokens(item)])
            ref.docs = ref.docs or [next(iter(cited))[0]]
        # "How many operative paragraphs ...?" then "What does the last one say?"
        if (m := _LAST_ONE.search(question)) and (part := _count_part(last.question)):
            query.intent, ref.part, query.follow_up = "quote", part, True
            ref.number = 1 if m.group(1).lower() == "first" else None
            ref.docs = ref.docs or list(previous_docs)
        if query.follow_up or _THAT_PARAGRAPH.search(question):
            query.previous = _earlier_search(history, corpus)
            query.discussed = set(cited)
            # after a question about one paragraph ("What is OP 4 of 79/62 about?"), "it" is that paragraph
            query.in_discussed = bool(_THAT_PARAGRAPH.search(question)) or (query.whole and query.follow_up) or (
                last_ref.paragraph and len(cited) == 1 and bool(_THE_DISCUSSED.search(question)))
            if _ELSE.search(question) and not query.in_discussed:
                # "Who else hosted conferences?" after "Austria.": a list the turn before quoted in
                # part still holds the others; what it gave is what the question already has
                # ... and "What else is he asked to do?" after "The Secretary-General.": the names
                # were the answer, the paragraph's other clauses were not
                given = _lead(last.answer) if query.lang == "en" else ""
                others = query.asks == "who" or bool(re.match(r"\s*(?:and\s+)?(?:who|which)\b", question, re.I))
                partial = {prov for prov in query.discussed if given and (_quoted_in_part(last.answer, prov) or not others)}
                query.exclude = set(query.discussed) - partial
                if partial and others and not _BESIDES.search(query.search):
                    query.search = f"Apart from {given}, {query.search}"
        # "What does PP 6 of 79/62 say?" then "Is that in 80/57 too?": the same provision in another text
        cited_docs = {doc for doc, _, _ in cited}
        # (not when it states its own claim: "does the other resolution also list international criminal law?")
        if _TOO.search(question) and ref.docs and cited_docs and not cited_docs & set(ref.docs) \
                and not (query.intent == "yes-no" and len(own) >= _STANDS_ALONE - 1):
            query.intent, query.discussed = "compare", set(cited)
            ref.docs = sorted(set(ref.docs) | cited_docs, key=lambda d: corpus.resolutions.get(d, ""))
    return query


def _object_resolution(question: str, docs: list[str]) -> str | None:
    """Of two indexed resolutions a question names, the second when the first is said to do
    something to it ("Does 80/57 recall 79/62?", "Is 79/62 mentioned by 80/57?" not: a
    passive names the doer second): what the first says, not a second text to read."""
    if len(docs) != 2 or _COMPARE.search(question):
        return None
    first, second = sorted(docs, key=lambda d: question.find(number_of(d)))
    a, b = question.find(number_of(first)), question.find(number_of(second))
    if a < 0 or b < 0:
        return None
    between = question[a + len(number_of(first)) : b]
    if re.search(r"\b(?:and|or|both|nor|vs|versus|than|by|in|of)\b|[,;&]", between, re.I) or not re.search(r"[a-z]{4,}", between):
        return None
    return second


def _nth_point(answer, n: int) -> str | None:
    """The n-th of the points the cited prose paragraph numbers ("Firstly, ...", "Secondly, ...",
    "Lastly, ..." for the last): that sentence."""
    text = answer.citations[0].text if answer.citations else ""
    points = [m.group(0) for m in re.finditer(r"(?:^|(?<=[.!?]\s))(?:First|Second|Third|Fourth|Fifth|Last|Final)(?:ly)?,[^.!?]*[.!?]?", text)]
    if not 0 < n <= len(points):
        return None
    nth = next(w for w, i in ORDINALS.items() if i == n)
    wanted = [x for x in points if x.lower().startswith(nth)]
    return wanted[0] if wanted else (points[-1] if n == len(points) and re.match(r"(?:Last|Final)", points[-1]) else None)


def _nth_name(answer, n: int, asked: str) -> str | None:
    """The n-th name (a run of capitalised words: a country, a summit) of the paragraph an answer
    cited, leaving out months, the paragraph's opening verb and names the question used."""
    text = answer.citations[0].text if answer.citations else ""
    known = set(tokens(asked))
    names = []
    for m in re.finditer(r"(?<!^)(?<![.;]\s)\b[A-Z][a-z]+(?:\s+(?:of\s+the\s+|of\s+|in\s+the\s+|on\s+)?[A-Z][a-z]+)*(?![\w-])", text):
        name = m.group(0)
        if name.lower() in _MONTHS or set(tokens(name)) <= known or name in names:
            continue
        names.append(name)
    return names[n - 1] if 0 < n <= len(names) else None


def _quoted_in_part(answer: str, provision: tuple) -> bool:
    """The answer quotes the provision with something left out ("…")."""
    doc, part, number = provision
    label = re.escape(f"[{doc} {part}" + (f" {number}" if number is not None else "")) + r"(?: \(\w+\))?\]"
    return any("…" in quote for quote in re.findall(r"“([^”]*(?:”[^”]*)*?)”\.?\s*" + label, answer))


def _lead(answer: str) -> str:
    """The direct answer an answer opens with, when it is a short one of names ("Austria.",
    "The Philippines and Sierra Leone.")."""
    m = re.match(r"\s*([A-Z][^.“\[]{0,60}?)\.\s*\[", answer)
    return m.group(1) if m and not re.match(r"(?:Yes|No|On|In|By|From|At)\b", m.group(1)) else ""


def _earlier_search(history: list, corpus: Corpus) -> str:
    """What the turn before asked, and, when it was itself a follow-up, what it continued:
    "Does 79/62 mention the REAIM summit?", "Who hosted it?", "When?" is about the summit."""
    last = history[-1]
    rest = find_references(last.question, corpus.resolutions).rest
    if len(history) > 1 and (before := _one(last.question, history[:-1], corpus)).follow_up and before.previous:
        return f"{before.previous} {rest}"
    return rest


def _cited_docs(answer) -> list[str]:
    return list(dict.fromkeys(c.doc for c in answer.citations))


def _about_a_commentary(history: list, corpus: Corpus) -> bool:
    """The turn before was answered from an article only, not a resolution."""
    cited = _cited_docs(history[-1])
    return bool(cited) and not any(d in corpus.resolutions for d in cited)


def _the_other(docs: list[str], corpus: Corpus, spoken_of: list[str] = ()) -> str | None:
    """The one indexed resolution besides the one under discussion: of its series if known; of
    several there, the one the conversation has spoken of, else the one that followed it (a
    reader comparing two of a series goes on to the next)."""
    if len(docs) != 1 or docs[0] not in corpus.resolutions:
        return None
    pool = corpus.series(docs[0]) if corpus.series else list(corpus.resolutions)
    indexed = [d for d in pool if d in corpus.resolutions]
    others = [d for d in indexed if d != docs[0]]
    if len(others) <= 1:
        return others[0] if others else None
    if spoken := [d for d in others if d in spoken_of]:
        return spoken[-1]
    later = indexed[indexed.index(docs[0]) + 1 :] if docs[0] in indexed else []
    return later[0] if corpus.series and later else None


def _under_discussion(history: list, corpus: Corpus) -> list[str]:
    """The resolution(s) the last turn was about: what it named, else what it cited."""
    if not history:
        return []
    last = history[-1]
    named = find_references(last.question, corpus.resolutions).docs
    if named:
        return named
    cited = _cited_docs(last)
    resolutions = [d for d in cited if d in corpus.resolutions]
    if not resolutions and len(cited) == 1:  # an article, alone: "When was it adopted?" is its report
        return cited
    return resolutions if len(resolutions) == 1 else []


def _last_sentence(text: str) -> str:
    """The question proper: split after . ! ? : but not after an abbreviation ("para.", "No.")."""
    return re.split(r"(?<!\bpara)(?<!\bNo)(?<!\bvol)(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<![A-Z]\.[A-Z]\.)(?<=[.!?:])\s+(?=\S)"
                    # (and at a dash before a question word: "The article says the US sponsored it - who ...?")
                    r"|\s+[-–—]\s+(?=(?:who|what|when|where|which|why|how)\b)",
                    text.strip(), flags=re.I)[-1]  # (nor after initials: "the U.N. Charter")


def _required(text: str, lexicon: Lexicon, dates: bool = False) -> list[list[list[str]]]:
    """The names (capitalised words, abbreviations) and numbers of the question proper (its
    last sentence), each with its alternative forms as tokens: evidence that holds none of
    "Vienna", "NATO" or "2026" does not answer a question about them. The texts' own authors
    ("the General Assembly", "United Nations") are implied, never required; a month only
    when the question claims something (`dates`): "Did Korea host it in April 2024?"."""
    text = re.sub(r"\b((?:[A-Z]\.){2,})", lambda m: m.group(1).replace(".", ""), text)  # "U.S." is "US"
    text = as_named(text)  # "South Korea" is the texts' "Republic of Korea"
    # "79/62 asks the GGE to finish by the end of 2026. Why was that date chosen?": what the
    # question refers back to it takes for granted
    text = text if _REFERS_BACK.search(_last_sentence(text)) else _last_sentence(text)
    out: list[list[list[str]]] = []
    for m in _CAPITALISED.finditer(text):
        word = m.group(0)
        if word.lower() in _NOT_NAMES and not (dates and word.lower() in _MONTHS):
            continue
        # (an everyday name's name in the texts: "Sec-Gen", "Washington" for the United States;
        # not a word the texts' authors are named by, "Nations")
        named = SYNONYMS.get(word.lower(), "")
        alternatives = [tokens(word)] + ([tokens(named)] if tokens(word) and ("-" in word or named[:1].isupper()) and named else [])
        if re.fullmatch(r"[A-Z]{2,6}s?", word) and (full := lexicon.acronym(word)):
            if not tokens(full):  # "GA", "UN": the texts' own authors, implied
                continue
            alternatives.append(tokens(full))
        if alternatives := [a for a in alternatives if a]:
            out.append(alternatives)
    # an abbreviation that is never an ordinary word names something in lower case too ("icrc 80/57")
    for w in re.findall(r"\b[a-z]{2,6}\b", text):
        if w in ALWAYS_ACRONYMS and (full := lexicon.acronym(w)) and tokens(full) and [tokens(w), tokens(full)] not in out:
            out.append([tokens(w), tokens(full)])
    out += [[tokens(w)] for w in _ORDINAL.findall(text)]
    # a paragraph's number ("para 4", "Paragraph 4", "OP 4") names it, a date a document ("the
    # July 2024 piece"): neither is a number to find
    text = _DESCRIBED_DATE.sub(" ", text)
    for n in _NUMBER.findall(re.sub(r"\b(?:para(?:graph)?s?\.?|OP|PP|FN|foot ?notes?)\s*\d+", " ", text, flags=re.I)):
        digits = re.sub(r"\D", "", n)
        spelled = spelled_ordinal(int(digits)) if n[-1].isalpha() else None  # "81st": "eighty-first"
        out.append([[n.lower()]] + ([[NUMBER_WORDS[int(digits)]]] if int(digits) < len(NUMBER_WORDS) else [])
                   + ([tokens(spelled)] if spelled else []))
    # a spelled number of days, weeks, months or years: "a three-day meeting", "for four weeks"
    for w in _SPELLED_SPAN.findall(text):
        n = NUMBER_WORDS.index(w.lower())
        if [[str(n)], [w.lower()]] not in out:
            out.append([[str(n)], [w.lower()]])
    return out


_SPELLED_SPAN = re.compile(rf"\b({'|'.join(NUMBER_WORDS[2:13])})[- ](?:days?|weeks?|months?|years?)\b", re.I)


def _required_zh(text: str) -> list[list[list[str]]]:
    """The numbers of a Chinese question, with their measure ("一周", "两天", "2026年")."""
    out = []
    for m in _ZH_NUMBER.findall(text):
        if m.strip() == "一次":  # "一次国际会议": an international conference, not a count
            continue
        digits = re.findall(r"\d+", m)
        out.append([digits] if digits else [tokens(m)])
    # an ordinal session or meeting ("第八十一届会议"): the texts' own ordinal, or it is another
    out += [[tokens(m)] for m in _ZH_ORDINAL.findall(text) if not re.search(r"\d", m)]
    return [alts for alts in out if alts[0]]


def holds(have: set[str], required: list[list[list[str]]]) -> bool:
    """Every required name or number is among the tokens `have`, in one of its forms (a name
    also as a word it begins or that begins it: "Austrian" holds "Austria")."""
    return all(any(all(t in have or same_word(t, have) for t in alt) for alt in alts) for alts in required)


def _intent(question: str, ref: Reference) -> str:
    question = _LEAD_IN.sub("", question)
    if _COUNT.search(question):
        return "count"
    if ref.part == "FN" and ref.number:  # "脚注3附于哪一段？": that footnote, not a search for mentions
        return "quote"
    if _MENTIONS.search(question):
        return "mentions"
    if ref.paragraph or _LAST.search(question):
        return "quote"
    # ("Why did the US abstain in the recorded vote?" asks why, not for the record)
    if _ADOPTION.search(question) and not re.search(r"\badopt(?:ed|s|ing)?\s+(?:a|an)\b", question, re.I) \
            and not (_WHY.search(question) and (not ref.docs or ref.mentioned)):  # (51/22's adoption, noted in 79/62)
        return "adoption"
    # ("still" compares only what a resolution says with the one before: "Does 80/57 still say ...?",
    # not "may weapons still be used?")
    if _COMPARE.search(question) and (len(ref.docs) > 1 or ref.relative or re.search(
            r"\b(change|changed|changes|differ|difference|different|differently|wording|worded|phrase|phrased|phrasing|(?:keep|kept)(?!\s+out)|"
            rf"{'still|' if ref.docs else ''}"
            r"drop|dropped|new|same|identical|unchanged)\b|"
            r"变化|区别|保留|相同", question, re.I)):
        return "compare"
    if _WHY.search(question):
        return "why"
    if _YES_NO.search(question):
        return "yes-no"
    return "fact"


# "What did the US say when it was adopted?": a "when" inside a question that asks something
# else is a conjunction, not what is asked
_WHERE_PUBLISHED = re.compile(r"\bwhere\b.{0,80}\b(?:published|printed|issued|recorded|reproduced|be found)\b", re.I)
_SUBORDINATE_WHEN = re.compile(r"^(\s*(?:what|who|whom|which|how|why|where)\b(?!\s+(?:year|date|day|time)\b).*?\b(?<!by )(?<!until )(?<!and )(?<!, ))when\b",
                               re.I)


def _asks(question: str) -> str | None:
    question = _SUBORDINATE_WHEN.sub(lambda m: m.group(1), question)
    if _WHERE_PUBLISHED.search(question):  # "Where is resolution 51/22 published?" asks for a reference
        return "reference"
    return next((name for name, pattern in ASKS if pattern.search(question)), None)


def parts_named(question: str) -> list[str]:
    """The parts a question names ("operative paragraphs", "序言部分"), in the order OP, PP, FN."""
    low = question.lower()
    return [part for part, words in (("OP", ("operative", "执行")), ("PP", ("preambular", "序言")),
                                     ("FN", ("footnote", "脚注"))) if any(w in low for w in words)
            or re.search(rf"\b{part}s\b", question, re.I)]  # "how many OPs"


def _count_part(question: str) -> str | None:
    return next(iter(parts_named(question)), None)
