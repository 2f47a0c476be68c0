import { escapeHtml } from '../../common/html';
import { csvColumns, FILE_SUFFIX, MANIFEST_NAME, RELEASE_FORMATS } from './formats';
import { DATASETS, type DatasetSpec, type Language, LANGUAGES, LICENCE, STATUS_COLUMN } from './datasets';
import { LANGUAGE_NAMES, TEXT } from './statistics-page-text';
import type { ReleaseFileRow, ReleaseRow } from './open-statistics.repository';

/** The signed head of the audit chain the page prints (docs/audit-chain.md). */
export interface PageCheckpoint {
  id: string;
  lastEventId: string;
  lastHash: string;
  createdAt: string;
  signature: string;
}

export interface StatisticsPage {
  lang: Language;
  /** The release shown (the latest unless ?release=N), null before the first. */
  release: ReleaseRow | null;
  files: ReleaseFileRow[];
  /** Every release, newest first. */
  releases: ReleaseRow[];
  checkpoint: PageCheckpoint | null;
  /** Whether the page shows a past release (`?release=N`), so its links keep the number. */
  pinned: boolean;
  /** True when `?release=` named no release: the page says so (served as a 404). */
  unknownRelease?: boolean;
}

const e = (value: string | number | null | undefined) =>
  escapeHtml(value === null || value === undefined ? '' : String(value));
const BASE = '/api/public/statistics';

function fileUrl(page: StatisticsPage, name: string): string {
  return `${BASE}/${encodeURIComponent(name)}${page.pinned && page.release ? `?release=${page.release.number}` : ''}`;
}

function pageUrl(lang: Language, release: number | null): string {
  return `/statistics?lang=${lang}${release === null ? '' : `&release=${release}`}`;
}

const dateTime = (value: Date | string) => new Date(value).toISOString().replace('T', ' ').slice(0, 16) + ' UTC';

function dictionary(spec: DatasetSpec, lang: Language): string {
  const t = TEXT[lang];
  const rows = csvColumns(spec).map((column) => {
    const dim = spec.dimensions.find((d) => d.id === column);
    const measure = [spec.measure, spec.companion].find((m) => m?.id === column);
    const type = dim
      ? dim.type === 'integer' && !dim.total
        ? 'integer'
        : 'string'
      : measure
        ? measure.type
        : 'string';
    const meaning = dim?.description[lang] ?? measure?.description[lang] ?? STATUS_COLUMN.description[lang];
    return `<tr><th scope="row"><code>${e(column)}</code></th><td>${e(type)}</td><td>${e(meaning)}</td></tr>`;
  });
  return `<table>
        <caption>${e(t.dictionary)}: ${e(spec.title[lang])}</caption>
        <thead><tr><th scope="col">${e(t.column)}</th><th scope="col">${e(t.type)}</th><th scope="col">${e(t.meaning)}</th></tr></thead>
        <tbody>${rows.join('')}</tbody>
      </table>`;
}

function dataset(page: StatisticsPage, spec: DatasetSpec): string {
  const t = TEXT[page.lang];
  const links = RELEASE_FORMATS.flatMap((format) => {
    const file = page.files.find((f) => f.dataset === spec.id && f.format === format);
    if (!file) return [];
    const name = `${spec.id}${FILE_SUFFIX[format]}`;
    return [
      `<li><a href="${e(fileUrl(page, name))}" download="${e(name)}">${e(t.format[format])}: ${e(name)}</a>
          (${e(file.sizeBytes)} ${e(t.bytes)}; SHA-256 <code class="hash">${e(file.sha256)}</code>)</li>`,
    ];
  });
  return `<section aria-labelledby="ds-${e(spec.id)}">
      <h3 id="ds-${e(spec.id)}">${e(spec.title[page.lang])}</h3>
      <p>${e(spec.description[page.lang])}</p>
      ${dictionary(spec, page.lang)}
      <h4>${e(t.downloads)}</h4>
      <ul>${links.join('')}</ul>
    </section>`;
}

function releaseFacts(page: StatisticsPage, release: ReleaseRow): string {
  const t = TEXT[page.lang];
  const period = release.periodFrom && release.periodTo ? `${release.periodFrom} – ${release.periodTo}` : '—';
  return `<dl>
        <dt>${e(t.release)}</dt><dd>${e(release.number)}</dd>
        <dt>${e(t.publishedAt)}</dt><dd><time datetime="${e(new Date(release.publishedAt).toISOString())}">${e(dateTime(release.publishedAt))}</time></dd>
        <dt>${e(t.period)}</dt><dd>${e(period)}</dd>
        <dt>${e(t.threshold)}</dt><dd>${e(release.threshold)}</dd>
        ${release.note ? `<dt>${e(t.note)}</dt><dd>${e(release.note)}</dd>` : ''}
        ${release.correctsReleaseNumber ? `<dt>${e(t.corrects)}</dt><dd><a href="${e(pageUrl(page.lang, release.correctsReleaseNumber))}">${e(t.release)} ${e(release.correctsReleaseNumber)}</a></dd>` : ''}
        <dt>${e(t.releaseSha)}</dt><dd><code class="hash">${e(release.sha256)}</code></dd>
        <dt>${e(t.licence)}</dt><dd><a href="${e(LICENCE.path)}" rel="license">${e(LICENCE.title)} (${e(LICENCE.name)})</a></dd>
      </dl>
      <p>${e(t.suppression)}</p>`;
}

function verification(page: StatisticsPage): string {
  const t = TEXT[page.lang];
  return `<section aria-labelledby="verify">
      <h2 id="verify">${e(t.verifyTitle)}</h2>
      <p>${e(t.verify)}</p>
      <p><a href="${e(fileUrl(page, MANIFEST_NAME))}" download="${MANIFEST_NAME}">${e(t.manifest)}: ${MANIFEST_NAME}</a></p>
      <pre><code>sha256sum -c ${MANIFEST_NAME}
sha256sum ${MANIFEST_NAME}</code></pre>
    </section>`;
}

function pastReleases(page: StatisticsPage): string {
  const t = TEXT[page.lang];
  const rows = page.releases.map(
    (r) =>
      `<tr><th scope="row"><a href="${e(pageUrl(page.lang, r.number))}">${e(t.release)} ${e(r.number)}</a></th>` +
      `<td>${e(dateTime(r.publishedAt))}</td><td>${e(r.note ?? '')}</td><td><code class="hash">${e(r.sha256)}</code></td></tr>`,
  );
  return `<section aria-labelledby="past">
      <h2 id="past">${e(t.past)}</h2>
      <table>
        <caption>${e(t.past)}</caption>
        <thead><tr><th scope="col">${e(t.number)}</th><th scope="col">${e(t.publishedAt)}</th><th scope="col">${e(t.note)}</th><th scope="col">SHA-256</th></tr></thead>
        <tbody>${rows.join('')}</tbody>
      </table>
    </section>`;
}

function checkpoint(page: StatisticsPage): string {
  const t = TEXT[page.lang];
  const c = page.checkpoint;
  const body = c
    ? `<dl>
        <dt>${e(t.checkpointId)}</dt><dd>${e(c.id)}</dd>
        <dt>${e(t.createdAt)}</dt><dd>${e(c.createdAt)}</dd>
        <dt>${e(t.lastEvent)}</dt><dd>${e(c.lastEventId)}</dd>
        <dt>${e(t.lastHash)}</dt><dd><code class="hash">${e(c.lastHash)}</code></dd>
        <dt>${e(t.signature)}</dt><dd><code class="hash">${e(c.signature)}</code></dd>
      </dl>
      <p><a href="/api/public/audit-checkpoint">/api/public/audit-checkpoint</a></p>`
    : `<p>${e(t.checkpointNone)}</p>`;
  return `<section aria-labelledby="checkpoint">
      <h2 id="checkpoint">${e(t.checkpointTitle)}</h2>
      <p>${e(t.checkpointIntro)}</p>
      ${body}
    </section>`;
}

/**
 * The public page `/statistics`, in one language with links to the others: static HTML,
 * no script (it works with JavaScript off and under the app's Content-Security-Policy),
 * every value escaped.
 */
export function renderStatisticsPage(page: StatisticsPage): string {
  const t = TEXT[page.lang];
  const release = page.release;
  const switcher = LANGUAGES.map((lang) =>
    lang === page.lang
      ? `<li><span aria-current="page" lang="${lang}">${e(LANGUAGE_NAMES[lang])}</span></li>`
      : `<li><a href="${e(pageUrl(lang, page.pinned && release ? release.number : null))}" lang="${lang}" hreflang="${lang}">${e(LANGUAGE_NAMES[lang])}</a></li>`,
  ).join('');
  const content = release
    ? `<section aria-labelledby="release">
      <h2 id="release">${e(t.release)} ${e(release.number)}</h2>
      ${releaseFacts(page, release)}
      ${DATASETS.map((spec) => dataset(page, spec)).join('\n')}
    </section>
    ${verification(page)}
    ${pastReleases(page)}`
    : `<p class="none">${e(page.unknownRelease ? t.unknown : t.none)}</p>`;
  return `<!doctype html>
<html lang="${page.lang}">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${e(t.title)} · Qonys</title>
    <style>
      body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; margin: 0; background: #f4f5f7; color: #1a1a1a; line-height: 1.45; }
      .wrap { max-width: 60rem; margin: 0 auto; padding: 1rem; }
      nav ul { list-style: none; display: flex; gap: 1rem; padding: 0; margin: 0; }
      section { background: #fff; border-radius: 8px; padding: .75rem 1.25rem; margin: 1rem 0; }
      section section { padding: 0; margin: 1.5rem 0 0; }
      table { border-collapse: collapse; width: 100%; margin: .5rem 0; display: block; overflow-x: auto; }
      caption { text-align: left; font-weight: 600; padding: .25rem 0; }
      th, td { border: 1px solid #ccd; padding: .3rem .5rem; text-align: left; vertical-align: top; }
      dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
      dd { margin: 0; min-width: 0; }
      .hash { overflow-wrap: anywhere; font-size: .85rem; }
      pre { background: #eef; padding: .5rem; overflow-x: auto; }
      a { color: #0b4f8a; }
    </style>
  </head>
  <body>
    <header class="wrap">
        <nav aria-label="${e(t.languages)}"><ul>${switcher}</ul></nav>
        <h1>${e(t.title)}</h1>
        <p>${e(t.intro)}</p>
    </header>
    <main class="wrap">
    ${content}
    ${checkpoint(page)}
    </main>
  </body>
</html>
`;
}
