/**
 * Prints texts of the extraction evaluation set with JavaScript string offsets, for labelling by
 * hand. Each printed segment starts with `[offset]`; long lines are cut at sentence ends.
 *
 *   node --import tsx eval/labels/show-text.ts <id> [<id> …]
 *   node --import tsx eval/labels/show-text.ts --sample 0-9     # by position in the selection
 *   node --import tsx eval/labels/show-text.ts --dev --sample 0-9   # … in the development set
 *   node --import tsx eval/labels/show-text.ts <id> --span 120,135
 */
import { loadCorpus, selectSample, setFromArgs, type CorpusText } from './select-extract-sample.ts';
import { SHARED_DATA_ABSENT } from '../../src/shared-data.ts';

const SEGMENT = 260;

/** Cuts `text` into segments (line breaks, then sentence ends past SEGMENT chars) with offsets. */
export function segments(text: string): { start: number; body: string }[] {
  const out: { start: number; body: string }[] = [];
  let pos = 0;
  for (const line of text.split('\n')) {
    let rest = line;
    let at = pos;
    while (rest.length > SEGMENT) {
      const m = /[.!?؟،]\s/g;
      m.lastIndex = SEGMENT;
      const hit = m.exec(rest);
      if (!hit) break;
      const cut = hit.index + 2;
      out.push({ start: at, body: rest.slice(0, cut) });
      at += cut;
      rest = rest.slice(cut);
    }
    if (rest.trim()) out.push({ start: at, body: rest });
    pos += line.length + 1;
  }
  return out;
}

function show(t: CorpusText, index?: number): void {
  console.log(`==== ${index ?? ''} ${t.id} lang=${t.language} type=${t.sourceType} pub=${t.publicationDate} len=${t.text.length}`);
  console.log(`TITLE: ${t.title.replace(/\s+/g, ' ').slice(0, 200)}`);
  for (const s of segments(t.text)) console.log(`[${s.start}] ${s.body}`);
}

const args = process.argv.slice(2);
const corpus = loadCorpus();
if (!corpus) {
  console.log(SHARED_DATA_ABSENT);
} else {
  const si = args.indexOf('--sample');
  const sp = args.indexOf('--span');
  if (si >= 0) {
    const [a, b] = (args[si + 1] ?? '0').split('-').map(Number);
    const sample = selectSample(setFromArgs(args)) ?? [];
    for (let i = a ?? 0; i <= (b ?? a ?? 0) && i < sample.length; i++) { const s = sample[i]; if (s) show(s.text, i); }
  } else {
    const ids = args.filter((x, i) => !x.startsWith('--') && i !== sp + 1);
    for (const id of ids) {
      const t = corpus.get(id);
      if (!t) { console.log(`unknown id ${id}`); continue; }
      if (sp >= 0) {
        const [s, e] = (args[sp + 1] ?? '0,0').split(',').map(Number);
        console.log(JSON.stringify(t.text.slice(s, e)));
      } else {
        show(t);
      }
    }
  }
}
