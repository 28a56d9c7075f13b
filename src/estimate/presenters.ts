/**
 * How MSE results leave the estimate context: plain text for people and a JSON shape for
 * machines. Documented counts, estimates and intervals are always shown apart.
 */
import type { Interval } from './schema.ts';
import type { ModelSummary, MseReport, StratumEstimate } from './service.ts';

const fmt = (x: number | null): string => (x === null ? 'unknown' : Math.round(x).toLocaleString('en-GB'));

/** `12,525–16,543`, `4,400–unknown` or `unknown`. */
export function formatInterval(iv: Interval | null): string {
  if (!iv) return 'unknown';
  return `${fmt(iv.lower)}–${fmt(iv.upper)}`;
}

const METHOD_NAME: Record<Interval['method'], string> = {
  'profile-likelihood': 'profile-likelihood interval',
  'buckland-model-averaged': 'model-averaged interval, Buckland et al. 1997',
  'posterior-quantiles': 'credible interval',
  'summed-posterior-draws': 'credible interval of the summed draws',
};

function intervalText(iv: Interval | null): string {
  if (!iv) return 'interval unknown';
  return `${Math.round(iv.level * 100)}% ${METHOD_NAME[iv.method]} ${formatInterval(iv)}`;
}

function modelLine(label: string, m: ModelSummary): string {
  return `  ${label.padEnd(14)} ${fmt(m.estimate).padStart(9)}  (${formatInterval(m.interval)})  AIC ${m.aic.toFixed(1)}  BIC ${m.bic.toFixed(1)}  G² ${m.deviance.toFixed(1)} on ${m.df} df  [${m.name}]`;
}

function stratumText(s: StratumEstimate): string[] {
  const head = `stratum ${s.stratum ?? '(all)'}: documented ${fmt(s.documented)}; estimated total ${fmt(s.estimate)} (${intervalText(s.interval)}); basis: ${s.basis}`;
  const lines = [head];
  if (s.problem) lines.push(`  no estimate: ${s.problem}`);
  const ll = s.loglinear;
  if (ll) {
    lines.push(modelLine('independence', ll.independence), modelLine('best AIC', ll.bestAic), modelLine('best BIC', ll.bestBic));
    for (const [label, avg] of [['AIC average', ll.aicAverage], ['BIC average', ll.bicAverage]] as const) {
      const top = avg.weights.slice(0, 3).map((w) => `${(w.weight * 100).toFixed(0)}% ${fmt(w.estimate)}`).join(', ');
      lines.push(`  ${label.padEnd(14)} ${fmt(avg.estimate).padStart(9)}  (${formatInterval(avg.interval)}, Buckland)  top weights: ${top}`);
    }
    lines.push(`  ${ll.modelsFitted} models fitted (${ll.search} search), ${ll.diverged} flagged as diverged and left out`);
  }
  const lc = s.lcmcr;
  if (lc) {
    const d = lc.diagnostics;
    const st = lc.settings;
    lines.push(`  posterior mean ${fmt(lc.mean)}, median ${fmt(lc.median)}; ${lc.occupiedClasses.toFixed(1)} latent classes occupied on average`);
    lines.push(
      `  ${st.chains} chains × ${st.iterations.toLocaleString('en-GB')} iterations after ${st.burnIn.toLocaleString('en-GB')} burn-in, thinned by ${st.thin}, K* = ${st.classes}, seed ${st.seed}; ${lc.seconds.toFixed(1)} s`,
    );
    lines.push(`  diagnostics: R-hat ${d.rhat === null ? 'n/a' : d.rhat.toFixed(3)}, ESS ${Math.round(d.ess)}, Geweke z ${d.geweke.map((z) => z.toFixed(2)).join(' ')}${d.converged ? '' : ' — NOT CONVERGED'}`);
    for (const w of d.warnings) lines.push(`  warning: ${w}`);
  }
  return lines;
}

/** Human-readable report. */
export function reportText(report: MseReport, file?: string): string {
  const method = report.method === 'loglinear' ? 'log-linear models (Poisson GLM; headline = best AIC model)' : 'LCMCR (Bayesian latent classes, Dirichlet-process prior)';
  const lines = [`${file ? `${file}: ` : ''}${report.lists.length} lists (${report.lists.join(', ')}); method: ${method}`];
  for (const s of report.strata) lines.push(...stratumText(s));
  if (report.total) {
    lines.push(`total over ${report.strata.length} strata: documented ${fmt(report.total.documented)}; estimated total ${fmt(report.total.estimate)} (${intervalText(report.total.interval)})`);
  }
  return lines.join('\n');
}

/** JSON shape of a report (numbers as computed; unknown bounds as null). */
export function reportJson(report: MseReport, file?: string): Record<string, unknown> {
  return { file: file ?? null, ...report };
}
