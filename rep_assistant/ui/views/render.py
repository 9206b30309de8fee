"""HTML fragments for the desk's rich-text panes (flag detail, context, member record).

Why HTML in a QTextBrowser: the detail panes show a handful of messages with wrapped text,
highlighted words and quoted clauses; Qt's rich text does that with selection, copying and
screen-reader support for free. Everything from the store is escaped here, in one place.
"""

from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication

from rep_assistant.core.reviewing.conversation import highlight_ranges
from rep_assistant.ui import style


def tr(text: str) -> str:
    return QCoreApplication.translate("render", text)


def chip(text: str, colour: str) -> str:
    return (f'<span style="background-color:{colour}; color:#ffffff; font-weight:600;">'
            f"&nbsp;{escape(text)}&nbsp;</span>")


def category_chip(category: str) -> str:
    return chip(style.category_label(category), style.category_colour(category))


def status_chip(status: str, snoozed_until: str | None = None) -> str:
    return chip(style.status_text(status, snoozed_until), style.STATUS_COLOURS.get(status, "#5d6d7e"))


def highlighted(text: str, spans: list[Any]) -> str:
    """Escaped text with the flag's matched words marked, line breaks kept."""
    out, pos = [], 0
    background, colour = style.highlight_colours()
    for start, end in highlight_ranges(text, spans):
        out.append(escape(text[pos:start]))
        out.append(f'<span style="background-color:{background}; color:{colour}; font-weight:600;">{escape(text[start:end])}</span>')
        pos = end
    out.append(escape(text[pos:]))
    return "".join(out).replace("\n", "<br>")


def when(ts: str | None) -> str:
    return escape(style.stamp(ts))


def context_html(messages: list[dict[str, Any]], spans: list[Any], *, flag_links: bool = False) -> str:
    """The flagged message among its neighbours, laid out like the chat.

    With ``flag_links`` each message has a "Flag…" link (``flag:<message id>``), so a breach
    the scanner missed next to the one it found can be flagged from here.
    """
    rows = []
    for m in messages:
        text = m.get("text") or ""
        if m["kind"] == "system":
            body = f'<i style="color:gray;">{escape(text or m.get("system_event") or "")}</i>'
        elif m["kind"] == "media":
            body = f'<i>📎 {escape(m.get("media_name") or tr("media"))}</i> {escape(text)}'
        else:
            body = highlighted(text, spans) if m.get("target") else escape(text).replace("\n", "<br>")
        marker = "▶ " if m.get("target") else ""
        weight = "background-color:rgba(210,69,60,0.12);" if m.get("target") else ""
        link = (f'&nbsp; <a href="flag:{m["id"]}" style="font-size:small;">{escape(tr("Flag…"))}</a>'
                if flag_links and m["kind"] != "system" else "")
        rows.append(
            f'<tr><td style="{weight} padding:4px 8px;">'
            f'<span style="color:gray;">{when(m["ts"])}</span>&nbsp; <b>{marker}{escape(m.get("author") or "")}</b>{link}<br>'
            f"{body}</td></tr>"
        )
    return '<table width="100%" cellspacing="0">' + "".join(rows) + "</table>"


def _flag_part(flag: dict[str, Any]) -> list[str]:
    severity = tr("Breach") if flag["severity"] == "breach" else tr("Advisory")
    return [
        f'<p>{category_chip(flag["category"])}&nbsp; {status_chip(flag["status"], flag.get("snoozed_until"))}'
        f'&nbsp; <span style="color:gray;">{escape(severity)}</span></p>',
        f'<p>{escape(flag["explanation"])}</p>',
        f'<p style="margin-bottom:2px;"><b>{escape(tr("Policy clause"))} {escape(flag["clause_id"])}</b></p>',
        f'<blockquote style="margin-left:12px; font-style:italic;">{escape(flag["clause_text"]).replace(chr(10), "<br>")}</blockquote>',
    ]


def item_html(flags: list[dict[str, Any]], context: list[dict[str, Any]]) -> str:
    """A queue item: the message's author and time, each of its flags, the message in context,
    then the notes and decision history of every flag."""
    first = flags[0]
    parts = [f'<h3 style="margin-bottom:2px;">{escape(first.get("author") or tr("Unknown member"))} '
             f'<span style="color:gray; font-weight:normal;">{when(first.get("ts"))}</span></h3>']
    for flag in flags:
        parts += _flag_part(flag)
    spans = [s for flag in flags for s in flag.get("spans") or []]
    parts += [f'<p style="margin-bottom:2px;"><b>{escape(tr("In context"))}</b></p>', context_html(context, spans, flag_links=True)]
    notes = [n for flag in flags for n in flag.get("notes") or []]
    if notes:
        parts.append(f'<p style="margin-bottom:2px;"><b>{escape(tr("Notes"))}</b></p><ul>')
        parts += [f"<li>{escape(n['text'])} <span style='color:gray;'>— {escape(n['actor'])}, {when(n['created_at'])}</span></li>"
                  for n in notes]
        parts.append("</ul>")
    history = sorted(((d, flag["category"]) for flag in flags for d in flag.get("decisions") or []), key=lambda pair: pair[0]["id"])
    if history:
        parts.append(f'<p style="margin-bottom:2px;"><b>{escape(tr("History"))}</b></p><ul>')
        for d, category in history:
            verb = tr("undid: ") if d.get("undoes") else ""
            about = f" ({escape(style.category_label(category))})" if len(flags) > 1 else ""
            parts.append(f"<li><span style='color:gray;'>{when(d['decided_at'])}</span> {escape(verb)}"
                         f"{escape(style.status_label(d['old_status']))} → {escape(style.status_label(d['new_status']))}{about}"
                         f" <span style='color:gray;'>({escape(d['actor'])})</span></li>")
        parts.append("</ul>")
    return "".join(parts)


def member_html(member: dict[str, Any]) -> str:
    name = member["pseudonym"] if member.get("erased_at") else member["name"]
    facts = [
        (tr("Messages"), member["messages"]), (tr("Flags"), member["flags"]), (tr("To review"), member["open_flags"]),
        (tr("Confirmed"), member["confirmed"]), (tr("Dismissed"), member["dismissed"]),
        (tr("Warnings"), member["warnings"]), (tr("Removals"), member["removals"]),
    ]
    parts = [f"<h3>{escape(name or '')}</h3>",
             "<p>" + " &nbsp;·&nbsp; ".join(f"{escape(k)}: <b>{v}</b>" for k, v in facts) + "</p>"]
    parts.append(f"<p><b>{escape(tr('Register'))}</b></p>")
    if member.get("events"):
        parts.append("<ul>")
        for e in member["events"]:
            reason = f" — {escape(e['reason'])}" if e.get("reason") else ""
            parts.append(f"<li>{when(e['at'])} <b>{escape(e['kind'])}</b>{reason}</li>")
        parts.append("</ul>")
    else:
        parts.append(f"<p style='color:gray;'>{escape(tr('No warnings or removals recorded.'))}</p>")
    if member.get("decisions"):
        parts.append(f"<p><b>{escape(tr('Decisions on their flags'))}</b></p><ul>")
        parts += [f"<li>{when(d['decided_at'])} {category_chip(d['category'])} "
                  f"{escape(style.status_label(d['old_status']))} → {escape(style.status_label(d['new_status']))}</li>"
                  for d in member["decisions"]]
        parts.append("</ul>")
    if member.get("notes"):
        parts.append(f"<p><b>{escape(tr('Notes'))}</b></p><ul>")
        parts += [f"<li>{escape(n['text'])} <span style='color:gray;'>({when(n['created_at'])})</span></li>" for n in member["notes"]]
        parts.append("</ul>")
    return "".join(parts)
