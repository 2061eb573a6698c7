// Saved web pages: the readable text of an HTML file, and what its head says about it.
// parse5 parses the way browsers do, so hostile or broken markup cannot confuse us; we keep
// only text nodes outside script, style and other non-content elements. The extracted text
// is the article body: offsets refer to it, never to the markup.
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'head', 'nav', 'footer', 'form', 'button', 'select', 'aside']);
// Page furniture by name: related stories, tickers, share bars, comments, ads. Their figures are not the article's.
const FURNITURE = /(?:^|[\s_-])(?:nav|menu|footer|sidebar|side-bar|related|recommend|ticker|share|comment|breadcrumb|crumb|hot|rank|ad|ads|advert|promo|banner|toolbar|copyright)(?:$|[\s_-])/i;
const BLOCK = new Set(['p', 'div', 'section', 'article', 'main', 'header', 'aside', 'li', 'ul', 'ol', 'table', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'figure', 'figcaption', 'br', 'hr', 'dd', 'dt']);

export interface HtmlArticle {
  text: string;
  title?: string;
  publisher?: string;
  url?: string;
  date?: string;
}

const attr = (el: Element, name: string) => el.attrs?.find((a) => a.name === name)?.value;

export function htmlToArticle(html: string): HtmlArticle {
  const doc = parse(html);
  const meta: Omit<HtmlArticle, 'text'> = {};
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeName === '#text') {
      parts.push((node as DefaultTreeAdapterMap['textNode']).value.replace(/\s+/g, ' '));
      return;
    }
    if (!('childNodes' in node)) return;
    const el = node as Element;
    if (el.tagName === 'head') {
      // Only what the head says about the page: its title, meta tags and canonical link.
      for (const c of el.childNodes) {
        if (!('tagName' in c)) continue;
        if (c.tagName === 'title') meta.title ??= text(c).trim();
        else if (c.tagName === 'meta') readMeta(c, meta);
        else if (c.tagName === 'link' && attr(c, 'rel') === 'canonical') meta.url ??= attr(c, 'href');
      }
      return;
    }
    if (el.tagName === 'meta') readMeta(el, meta);
    if (SKIP.has(el.tagName)) return;
    if (FURNITURE.test(`${attr(el, 'class') ?? ''} ${attr(el, 'id') ?? ''}`) && el.tagName !== 'body' && el.tagName !== 'article') return;
    // Table rows become markdown rows ("| label | 5.66 | 5.26 |"), so the table reader sees their columns.
    if (el.tagName === 'tr') {
      parts.push('\n|');
      for (const c of el.childNodes) walk(c);
      parts.push('\n');
      return;
    }
    if (el.tagName === 'td' || el.tagName === 'th') {
      parts.push(' ');
      for (const c of el.childNodes) walk(c);
      parts.push(' |');
      return;
    }
    const block = BLOCK.has(el.tagName);
    if (block) parts.push('\n');
    const children = el.tagName === 'template' ? [] : el.childNodes;
    for (const c of children) walk(c);
    if (block) parts.push('\n');
  };
  walk(doc as unknown as Node);
  const body = parts
    .join('')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n\n');
  return { text: body, ...meta };
}

function text(el: Element): string {
  return el.childNodes.map((c) => (c.nodeName === '#text' ? (c as DefaultTreeAdapterMap['textNode']).value : 'childNodes' in c ? text(c as Element) : '')).join('');
}

function readMeta(el: Element, meta: Omit<HtmlArticle, 'text'>) {
  const key = (attr(el, 'property') ?? attr(el, 'name') ?? '').toLowerCase();
  const content = attr(el, 'content')?.trim();
  if (!content) return;
  if (key === 'og:title') meta.title = content; // the page title without the site's suffix
  else if (key === 'og:site_name' || key === 'publisher' || key === 'article:publisher') meta.publisher ??= content;
  else if (key === 'og:url') meta.url ??= content;
  else if (key === 'article:published_time' || key === 'pubdate' || key === 'date' || key === 'publishdate') meta.date ??= content.slice(0, 10);
}
