// Splits article text into segments at every mark boundary, so each claim, rejected claim
// and note can be highlighted in place by its offsets. Segments also break at each "\r":
// the HTML parser turns "\r\n" into "\n", and a lone CR in its own element keeps its length,
// so DOM offsets still equal article offsets when the browser reports a selection.
export type MarkKind = 'claim' | 'rejected' | 'note';

export interface Mark {
  kind: MarkKind;
  id: string;
  start: number;
  end: number;
  /** For claims: discrepancy, rounding, consistent, single. */
  state?: string;
  title?: string;
}

export interface Segment {
  start: number;
  end: number;
  text: string;
  /** The innermost claim (or rejected claim) covering the segment. */
  claim?: Mark;
  /** True on the segment where that claim ends: the label goes there. */
  claimEnds?: boolean;
  note?: Mark;
  noteEnds?: boolean;
}

export function segmentsOf(text: string, marks: Mark[]): Segment[] {
  const n = text.length;
  const valid = marks.filter((m) => m.start >= 0 && m.end <= n && m.start < m.end);
  const cuts = new Set<number>([0, n]);
  for (const m of valid) cuts.add(m.start).add(m.end);
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) cuts.add(i).add(i + 1);
  const points = [...cuts].sort((a, b) => a - b);
  const byStart = [...valid].sort((a, b) => a.start - b.start);
  let active: Mark[] = [];
  let next = 0;
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    active = active.filter((m) => m.end > a);
    while (next < byStart.length && byStart[next]!.start <= a) {
      const m = byStart[next++]!;
      if (m.end > a) active.push(m);
    }
    const seg: Segment = { start: a, end: b, text: text.slice(a, b) };
    let claim: Mark | undefined;
    let note: Mark | undefined;
    for (const m of active) {
      if (m.kind === 'note') note ??= m;
      // Innermost wins: a manual claim inside a longer extracted one stays visible.
      else if (!claim || m.end - m.start < claim.end - claim.start) claim = m;
    }
    if (claim) (seg.claim = claim), (seg.claimEnds = claim.end === b);
    if (note) (seg.note = note), (seg.noteEnds = note.end === b);
    out.push(seg);
  }
  return out;
}
