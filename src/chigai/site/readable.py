"""Provenance values as a person reads them: dates, durations, devices, names.

Result files store what a machine wrote (ISO timestamps, seconds as floats, torch device
strings, experiment ids); pages show these instead. Registered as Jinja filters
(READABLE) for page templates and fragments: `{{ prov.duration_s | duration(lang) }}`.
"""

import re
from collections.abc import Callable
from datetime import UTC, datetime

from chigai.experiment import ExperimentSpec
from chigai.site.presentation import Article, texts
from chigai.site.strings import label


def when(started_at: str, lang: str) -> str:
    """An ISO timestamp as a person reads it: '25 Nov 2026, 14:06 UTC' (en),
    '2026年11月25日 14:06 UTC' (ja)."""
    moment = datetime.fromisoformat(started_at).astimezone(UTC)
    if lang == "ja":
        return f"{moment.year}年{moment.month}月{moment.day}日 {moment:%H:%M} UTC"
    return f"{moment.day} {moment:%b %Y, %H:%M} UTC"


def duration(seconds: float, lang: str) -> str:
    """Seconds as a person reads them: '12.3 s', '17 min 12 s', '1 h 5 min' (ja: 秒, 分, 時間)."""
    unit = (
        {"h": "時間", "min": "分", "s": "秒"}
        if lang == "ja"
        else {"h": "h", "min": "min", "s": "s"}
    )
    if seconds < 59.95:  # what would print as 60.0 s is 1 min
        return f"{seconds:.1f} {unit['s']}" if seconds >= 0.1 else f"< 0.1 {unit['s']}"
    minutes, secs = divmod(round(seconds), 60)
    if minutes < 60:
        return f"{minutes} {unit['min']} {secs} {unit['s']}" if secs else f"{minutes} {unit['min']}"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} {unit['h']} {minutes} {unit['min']}" if minutes else f"{hours} {unit['h']}"


def device_name(device: str, lang: str) -> str:
    """A provenance device as a person reads it: 'CPU (AMD EPYC, 1 thread)', singular
    where it is one (older results say '1 threads')."""

    def threads(match: re.Match) -> str:
        count = int(match[1])
        return f"{count} {label('thread' if count == 1 else 'threads', lang)}"

    named = re.sub(r"(\d+) threads?\b", threads, device)
    return re.sub(r"^cpu\b", "CPU", re.sub(r"^cuda\b", "GPU", named))


def name(named: ExperimentSpec | Article, lang: str) -> str:
    """What a reader calls an experiment (its NAME) or an article (its article.toml); the
    experiment's id when it has no name yet."""
    names = named.name if isinstance(named, Article) else texts(named).name
    return names.get(lang, named.id)


READABLE: dict[str, Callable[..., str]] = {
    "when": when,
    "duration": duration,
    "device": device_name,
    "name": name,
}
