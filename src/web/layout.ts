import { html, type SafeHtml } from './html.ts';
import { translator, type Lang } from './i18n.ts';

export interface PageMeta {
  lang: Lang;
  title: string;
  /** Path and query of this page, to build the language switch link. */
  path: string;
}

function switchLangHref(path: string, lang: Lang): string {
  const url = new URL(path, 'http://x');
  url.searchParams.set('lang', lang === 'ar' ? 'en' : 'ar');
  return `${url.pathname}${url.search}`;
}

/** The page frame: language, direction, navigation, footer. No inline scripts or styles (CSP). */
export function layout(meta: PageMeta, body: SafeHtml): string {
  const t = translator(meta.lang);
  const dir = meta.lang === 'ar' ? 'rtl' : 'ltr';
  return `<!doctype html>\n${html`<html lang="${meta.lang}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${meta.title} · ${t('site.title')}</title>
<link rel="stylesheet" href="/assets/app.css">
<link rel="icon" href="/assets/icon.svg" type="image/svg+xml">
</head>
<body>
<a class="skip" href="#main">${meta.lang === 'ar' ? 'انتقل إلى المحتوى' : 'Skip to content'}</a>
<header class="site">
  <a class="brand" href="/?lang=${meta.lang}">${t('site.title')}</a>
  <span class="tagline">${t('site.tagline')}</span>
  <nav aria-label="${meta.lang === 'ar' ? 'التنقل الرئيسي' : 'Main'}">
    <a href="/?lang=${meta.lang}">${t('nav.home')}</a>
    <a href="/incidents?lang=${meta.lang}">${t('nav.incidents')}</a>
    <a href="/strikes?lang=${meta.lang}">${t('nav.strikes')}</a>
    <a href="/map?lang=${meta.lang}">${meta.lang === 'ar' ? 'الخريطة' : 'Map'}</a>
    <a href="/charts?lang=${meta.lang}">${meta.lang === 'ar' ? 'رسوم بيانية' : 'Charts'}</a>
    <a href="/methodology?lang=${meta.lang}">${meta.lang === 'ar' ? 'المنهجية' : 'Methodology'}</a>
    <a href="/docs">${t('nav.api')}</a>
    <a href="/submit?lang=${meta.lang}">${meta.lang === 'ar' ? 'أبلغ عن حادثة' : 'Report an incident'}</a>
    <a href="/workspace">${meta.lang === 'ar' ? 'مساحة العمل' : 'Workspace'}</a>
    <a href="${switchLangHref(meta.path, meta.lang)}" hreflang="${meta.lang === 'ar' ? 'en' : 'ar'}" lang="${meta.lang === 'ar' ? 'en' : 'ar'}">${t('lang.switch')}</a>
  </nav>
</header>
<main id="main">
${body}
</main>
<footer class="site">
  <p>${t('home.source')} <a href="https://github.com/kevinschaul/uscentcom-isil-airstrikes-scraper">${meta.lang === 'ar' ? 'المصدر' : 'Origin'}</a>.</p>
</footer>
</body>
</html>`.value}`;
}
