/**
 * Accessibility checks run inside a real page (playwright-core): WCAG 2.1 colour contrast of
 * visible text against its effective background (SC 1.4.3), keyboard access through a skip link
 * with a visible, contrasting focus indicator (SC 2.4.1, 2.4.7, 1.4.11) and labelled form controls
 * (SC 1.3.1, 4.1.2). Each returns a list of problems, empty when the page passes.
 */
import type { Page } from 'playwright-core';

export interface ContrastFailure {
  element: string;
  text: string;
  fg: string;
  bg: string;
  ratio: number;
  required: number;
}

/**
 * Runs in the page. Text is every element with its own visible text (HTML and SVG), each form
 * control's value and placeholder. Its colour (with opacity) is laid over the element's effective
 * background: the background colours of it and its ancestors composited over the white canvas.
 * SVG text is measured against its SVG's background, not the shapes drawn under it. Large text
 * (24px, or 18.66px bold) needs 3:1, other text 4.5:1. A colour the check cannot read, or a
 * background image, is reported rather than skipped.
 */
function pageContrastFailures(onlyFocused: boolean): ContrastFailure[] {
  type Rgba = [number, number, number, number];
  const parse = (c: string): Rgba | null => {
    if (c === 'transparent') return [0, 0, 0, 0];
    const m = /^rgba?\(([^)]+)\)$/.exec(c.trim());
    if (!m) return null;
    const p = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
    return p.length >= 3 && p.every((x) => Number.isFinite(x)) ? [p[0], p[1], p[2], p.length > 3 ? p[3] : 1] : null;
  };
  const over = (top: Rgba, bottom: Rgba): Rgba => {
    const a = top[3] + bottom[3] * (1 - top[3]);
    if (a === 0) return [0, 0, 0, 0];
    const mix = (i: number): number => (top[i] * top[3] + bottom[i] * bottom[3] * (1 - top[3])) / a;
    return [mix(0), mix(1), mix(2), a];
  };
  const luminance = (c: Rgba): number => {
    const lin = (v: number): number => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2]);
  };
  const hex = (c: Rgba): string => `#${c.slice(0, 3).map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
  const describe = (el: Element): string => {
    const id = el.id ? `#${el.id}` : '';
    const cls = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
    const parent = el.parentElement ? `${el.parentElement.tagName.toLowerCase()} > ` : '';
    return `${parent}${el.tagName.toLowerCase()}${id}${cls}`;
  };
  /** The background behind `el`, or a reason it cannot be known. */
  const background = (el: Element): Rgba | string => {
    const layers: Rgba[] = [];
    for (let e: Element | null = el; e; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.backgroundImage !== 'none') return `background image on ${describe(e)}`;
      const c = parse(s.backgroundColor);
      if (!c) return `unreadable background ${s.backgroundColor} on ${describe(e)}`;
      if (c[3] > 0) layers.push(c);
      if (c[3] >= 1) break;
    }
    return layers.reduceRight<Rgba>((acc, layer) => over(layer, acc), [255, 255, 255, 1]);
  };
  const opacity = (el: Element): number => {
    let o = 1;
    for (let e: Element | null = el; e; e = e.parentElement) o *= Number(getComputedStyle(e).opacity);
    return o;
  };
  const shown = (el: Element): boolean => {
    const s = getComputedStyle(el);
    if (s.display === 'none' || s.visibility !== 'visible' || el.closest('[hidden], [aria-hidden="true"]')) return false;
    const r = el.getBoundingClientRect();
    // Zero-sized, clipped to a pixel (visually hidden) or moved off the page (the skip link until focused).
    return r.width > 1 && r.height > 1 && r.right + window.scrollX > 0 && r.bottom + window.scrollY > 0;
  };

  const failures: ContrastFailure[] = [];
  const check = (el: Element, text: string, colour: string, pseudo = ''): void => {
    const s = getComputedStyle(el);
    const fgRaw = parse(colour);
    const bg = background(el);
    const size = Number.parseFloat(s.fontSize);
    const required = size >= 24 || (size >= 18.66 && Number(s.fontWeight) >= 700) ? 3 : 4.5;
    const element = describe(el) + pseudo;
    if (!fgRaw || typeof bg === 'string') {
      failures.push({ element, text, fg: fgRaw ? hex(fgRaw) : colour, bg: typeof bg === 'string' ? bg : hex(bg), ratio: 0, required });
      return;
    }
    const fg = over([fgRaw[0], fgRaw[1], fgRaw[2], fgRaw[3] * opacity(el)], bg);
    const [hi, lo] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
    const ratio = (hi + 0.05) / (lo + 0.05);
    if (ratio < required) failures.push({ element, text, fg: hex(fg), bg: hex(bg), ratio: Math.round(ratio * 100) / 100, required });
  };

  const candidates = onlyFocused && document.activeElement ? [document.activeElement] : [...document.querySelectorAll('body *')];
  for (const el of candidates) {
    if (!shown(el) || (el as HTMLInputElement).disabled) continue;
    const s = getComputedStyle(el);
    const own = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent ?? '').join('').trim();
    const isSvg = el instanceof SVGElement;
    if (own && !['SCRIPT', 'STYLE', 'TITLE', 'OPTION', 'TEXTAREA'].includes(el.tagName.toUpperCase())) {
      if (isSvg && s.fill === 'none') continue;
      check(el, own.slice(0, 60), isSvg ? s.fill : s.color);
    }
    if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) {
      if (el instanceof HTMLInputElement && ['hidden', 'checkbox', 'radio', 'range', 'color', 'file', 'image'].includes(el.type)) continue;
      const value = el instanceof HTMLSelectElement ? (el.selectedOptions[0]?.text ?? '') : el.value;
      if (value.trim()) check(el, value.slice(0, 60), s.color);
      const placeholder = el.getAttribute('placeholder');
      if (!value && placeholder) check(el, placeholder.slice(0, 60), getComputedStyle(el, '::placeholder').color, '::placeholder');
    }
  }
  return failures;
}

/**
 * tsx (esbuild) wraps named functions in `__name(...)`; functions sent to the page need it there.
 * A string is sent as it is, untransformed.
 */
async function shim(page: Page): Promise<void> {
  await page.evaluate('globalThis.__name ??= (f) => f');
}

/** Text of `page` (or only its focused element) with too little contrast. */
export async function contrastFailures(page: Page, onlyFocused = false): Promise<ContrastFailure[]> {
  await shim(page);
  return page.evaluate(pageContrastFailures, onlyFocused);
}

export const formatContrast = (f: ContrastFailure): string =>
  `${f.element} "${f.text}": ${f.fg} on ${f.bg} = ${f.ratio}:1 (needs ${f.required}:1)`;

/** Runs in the page: the focused element's indicator (outline or box shadow) and its contrast with what surrounds it. */
function focusIndicator(): { element: string; inMain: boolean; visible: boolean; ratio: number | null; style: string } | null {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const s = getComputedStyle(el);
  const width = Number.parseFloat(s.outlineWidth);
  const outline = s.outlineStyle !== 'none' && width >= 2;
  const shadow = s.boxShadow !== 'none';
  const element = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${(el.textContent ?? '').trim().slice(0, 40) || el.getAttribute('aria-label') || el.getAttribute('name') || ''}"`;
  const rgb = (c: string): number[] | null => {
    const m = /^rgba?\(([^)]+)\)$/.exec(c.trim());
    return m ? m[1].split(/[\s,/]+/).filter(Boolean).map(Number) : null;
  };
  const lum = (c: number[]): number => {
    const lin = (v: number): number => {
      const x = v / 255;
      return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2]);
  };
  // The outline is drawn outside the element: compare it with the first opaque background around it.
  let around: number[] = [255, 255, 255];
  for (let e: Element | null = el.parentElement; e; e = e.parentElement) {
    const c = rgb(getComputedStyle(e).backgroundColor);
    if (c && (c.length < 4 || c[3] >= 1)) {
      around = c;
      break;
    }
  }
  const ring = outline ? rgb(s.outlineColor) : null;
  const ratio = ring ? (Math.max(lum(ring), lum(around)) + 0.05) / (Math.min(lum(ring), lum(around)) + 0.05) : null;
  const main = document.querySelector('main');
  return { element, inMain: !!main?.contains(el), visible: outline || shadow, ratio: ratio && Math.round(ratio * 100) / 100, style: `outline ${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}; box-shadow ${s.boxShadow}` };
}

/**
 * Keyboard access of the page at `url`: the first Tab stop is a visible skip link to main, with
 * readable text; following it takes the next Tab into main; every stop (up to `maxStops`) shows a
 * focus indicator of at least 3:1 against its surroundings.
 */
export async function keyboardProblems(page: Page, url: string, maxStops = 60): Promise<string[]> {
  const problems: string[] = [];
  await page.goto(url);
  await shim(page);
  await page.keyboard.press('Tab');
  const skip = await page.evaluate(() => {
    const el = document.activeElement as HTMLAnchorElement | null;
    const r = el?.getBoundingClientRect();
    return el && r ? { href: el.getAttribute('href'), cls: el.className, inView: r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight && r.width > 1, target: !!document.getElementById('main') } : null;
  });
  if (!skip || skip.href !== '#main' || !skip.cls.includes('skip')) problems.push(`first Tab stop is not the skip link: ${JSON.stringify(skip)}`);
  else {
    if (!skip.inView) problems.push('the focused skip link is not visible in the viewport');
    if (!skip.target) problems.push('the skip link points at #main, which is missing');
    for (const f of await contrastFailures(page, true)) problems.push(`skip link: ${formatContrast(f)}`);
    const hasFocusableInMain = await page.evaluate(() => !!document.querySelector('main a[href], main button, main input:not([type=hidden]), main select, main textarea'));
    await page.keyboard.press('Enter');
    await shim(page);
    await page.keyboard.press('Tab');
    const after = await page.evaluate(focusIndicator);
    if (hasFocusableInMain && !after?.inMain) problems.push(`after following the skip link, Tab goes to ${after?.element ?? 'nothing'}, not into main`);
  }
  await page.goto(url);
  await shim(page);
  const seen = new Set<string>();
  for (let i = 0; i < maxStops; i++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(focusIndicator);
    if (!f) break;
    const key = `${f.element}|${f.style}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (!f.visible) problems.push(`no visible focus indicator on ${f.element} (${f.style})`);
    else if (f.ratio !== null && f.ratio < 3) problems.push(`focus indicator on ${f.element} has ${f.ratio}:1 against its surroundings, needs 3:1 (${f.style})`);
  }
  return problems;
}

/** Form controls and buttons of the page without an accessible name. */
export async function unlabelledControls(page: Page): Promise<string[]> {
  await shim(page);
  return page.evaluate(() => {
    const named = (el: Element): boolean => {
      const labelled = el.getAttribute('aria-labelledby')?.split(/\s+/).some((id) => document.getElementById(id)?.textContent?.trim());
      const labels = (el as HTMLInputElement).labels;
      return !!(el.getAttribute('aria-label')?.trim() || labelled || (labels && [...labels].some((l) => l.textContent?.trim())) || el.getAttribute('title')?.trim());
    };
    const out: string[] = [];
    for (const el of document.querySelectorAll('input, select, textarea, button')) {
      if (el.closest('[hidden]')) continue;
      const type = el.getAttribute('type') ?? '';
      if (el.tagName === 'INPUT' && type === 'hidden') continue;
      const isButton = el.tagName === 'BUTTON' || ['submit', 'button', 'reset'].includes(type);
      const ok = isButton ? !!((el.textContent ?? '').trim() || (el as HTMLInputElement).value || named(el)) : named(el);
      if (!ok) out.push(el.outerHTML.slice(0, 160));
    }
    return out;
  });
}
