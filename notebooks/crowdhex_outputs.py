"""Reading a crowdhex run's output folder into pandas tables, for the notebooks beside this file.

Every table holds what the job published and nothing else: records below the plan's minimum crowd
were never written, so they are missing here too. Times are UTC in the files and local (the plan's
time zone) in the tables this module returns.
"""

import json
from pathlib import Path
from zoneinfo import ZoneInfo

import pandas as pd

#: What becomes of each line read; they add up to summary["read"].
FATES = ["counted", "rejected", "outside_zones", "duplicates", "over_cap", "late"]


def latest(frame, keys):
    """Each record's last revision: a late post re-publishes its window with revision + 1."""
    if frame.empty or "revision" not in frame:
        return frame
    return (
        frame.sort_values("revision", kind="stable")
        .drop_duplicates(subset=keys, keep="last")
        .sort_values(keys)
        .reset_index(drop=True)
    )


def hhmm(t):
    """A local time as HH:MM, or "–" for none."""
    return "–" if pd.isna(t) else t.strftime("%H:%M")


class RunOutputs:
    """One run's output folder: what `crowdhex run --out DIR` wrote (or the plan's output.dir)."""

    def __init__(self, folder, zone=None, setting="CROWDHEX_OUTPUT"):
        """zone: a time zone name; by default the plan's, as the run's summary.json records it
        (Europe/Amsterdam for runs of versions that did not record it)."""
        self.folder = Path(folder)
        if not (self.folder / "summary.json").is_file():
            raise FileNotFoundError(
                f"{setting} is {self.folder}, which holds no summary.json; accepted: the output"
                " folder of a finished run (./crowdhex demo --no-serve writes out/demo/output)"
            )
        self.summary = json.loads((self.folder / "summary.json").read_text())
        recorded = (self.summary.get("plan") or {}).get("time_zone")
        self.zone = ZoneInfo(str(zone or recorded or "Europe/Amsterdam"))

    def lines(self, name):
        """A JSON-lines output as a table; empty (no columns) when the file is missing or empty."""
        path = self.folder / name
        if not path.is_file() or path.stat().st_size == 0:
            return pd.DataFrame()
        return pd.read_json(path, lines=True, dtype=False)

    def local(self, column):
        """UTC ISO-8601 times as local times of the plan's zone."""
        return pd.to_datetime(column, utc=True).dt.tz_convert(self.zone)

    def venues(self):
        """Distinct authors per venue and window, last revisions, with local start and end."""
        v = latest(self.lines("density/venues.jsonl"), ["venue", "window_start"])
        if not v.empty:
            v["start"] = self.local(v["window_start"])
            v["end"] = self.local(v["window_end"])
        return v

    def alerts(self):
        """Each alert as it ended (its last record), with local since, until and raised.

        raised is the end of the window whose record opened the alert: when it was published.
        """
        records = self.lines("alerts/alerts.jsonl")
        a = latest(records, ["id"])
        if a.empty:
            return a
        opened = records[records["state"] == "opened"].set_index("id")["window_end"]
        a["since"] = self.local(a["first_window_start"])
        a["until"] = self.local(a["last_window_end"])
        a["raised"] = self.local(a["id"].map(opened))
        return a.sort_values(["since", "venue"]).reset_index(drop=True)

    def flows(self):
        """Distinct authors per origin, destination and window, last revisions."""
        f = latest(self.lines("flows/flows.jsonl"), ["origin", "destination", "window_start"])
        if not f.empty:
            f["start"] = self.local(f["window_start"])
        return f


def truth_intervals(path, zone):
    """The ground truth's event intervals: (event id, phase, local start, local end, venues).

    Empty when the file does not exist (a stream that was not generated has no truth).
    """
    path = Path(path)
    if not path.is_file():
        return []
    zone = ZoneInfo(str(zone))
    out = []
    for event in json.loads(path.read_text()).get("events", []):
        affected = set(event.get("affected_venues", [])) | {event.get("venue_id")}
        for phase, span in event.get("intervals", {}).items():
            out.append(
                (
                    event["id"],
                    phase,
                    pd.Timestamp(span["start"]).tz_convert(zone),
                    pd.Timestamp(span["end"]).tz_convert(zone),
                    affected,
                )
            )
    return out


def against_truth(alerts, intervals):
    """Alerts against the truth, a first look (`crowdhex eval` is the scorer).

    Returns (matches, first): for each alert id the "event phase" intervals it overlaps at a venue
    the event affects (none: a false alert), and per interval the first alert raised during it,
    with how long after the interval's start.
    """
    matches = {}
    for _, a in alerts.iterrows():
        matches[a["id"]] = [
            f"{eid} {phase}"
            for eid, phase, start, end, affected in intervals
            if a["venue"] in affected and a["since"] < end and a["until"] > start
        ]
    rows = []
    for eid, phase, start, end, affected in intervals:
        during = alerts[
            alerts["venue"].isin(affected) & (alerts["raised"] >= start) & (alerts["raised"] < end)
        ] if not alerts.empty else alerts
        first = during.sort_values("raised").head(1) if len(during) else during
        rows.append(
            {
                "event": eid,
                "phase": phase,
                "from": hhmm(start),
                "to": hhmm(end),
                "first alert": first["id"].iat[0] if len(first) else None,
                "minutes after": (
                    round((first["raised"].iat[0] - start).total_seconds() / 60)
                    if len(first)
                    else None
                ),
            }
        )
    return matches, pd.DataFrame(rows)
