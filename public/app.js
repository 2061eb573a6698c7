// Crosscheck: keyboard review (j/k/c/d/n/o/?) and text selection for annotations.
// Progressive enhancement only: every action is also a plain form that works without this file.
(function () {
  'use strict';

  // ---- keyboard help
  const help = document.getElementById('help');
  function toggleHelp(show) {
    if (!help) return;
    help.hidden = show === undefined ? !help.hidden : !show;
  }
  document.querySelectorAll('[data-help]').forEach((a) => a.addEventListener('click', (e) => { e.preventDefault(); toggleHelp(true); }));
  document.querySelectorAll('[data-help-close]').forEach((a) => a.addEventListener('click', (e) => { e.preventDefault(); toggleHelp(false); }));
  if (help) help.addEventListener('click', (e) => { if (e.target === help) toggleHelp(false); });

  // ---- confirmations: shown over the page where the reviewer works; the × or Escape puts them away
  const flashes = document.querySelector('[data-flashes]');
  function dismissFlashes() {
    if (flashes) flashes.remove();
  }
  if (flashes)
    flashes.querySelectorAll('.flash').forEach((p) => {
      const close = document.createElement('button');
      close.type = 'button';
      close.className = 'flash-close';
      close.textContent = '×';
      close.setAttribute('aria-label', flashes.dataset.close || 'Close');
      close.addEventListener('click', () => { p.remove(); if (!flashes.querySelector('.flash')) flashes.remove(); });
      p.appendChild(close);
    });

  // ---- review queue
  const cards = Array.from(document.querySelectorAll('.card[data-finding]'));
  let current = -1;
  function select(i, scroll) {
    if (!cards.length) return;
    current = Math.max(0, Math.min(cards.length - 1, i));
    cards.forEach((c, k) => c.classList.toggle('current', k === current));
    const card = cards[current];
    if (scroll) {
      card.focus({ preventScroll: true });
      card.scrollIntoView({ block: 'nearest', behavior: 'auto' });
    }
  }
  if (cards.length) {
    const fromHash = cards.findIndex((c) => '#' + c.id === location.hash);
    select(fromHash >= 0 ? fromHash : 0, fromHash >= 0);
    cards.forEach((c, k) => c.addEventListener('focusin', () => select(k, false)));
  }
  const inField = (el) => el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);

  document.addEventListener('keydown', (e) => {
    const t = e.target;
    if (e.key === 'Escape') {
      if (help && !help.hidden) toggleHelp(false);
      else if (inField(t)) t.blur();
      else dismissFlashes();
      return;
    }
    // Enter on a dismiss reason submits; Ctrl/Cmd+Enter in a note saves it.
    if (e.key === 'Enter' && t.tagName === 'SELECT' && t.name === 'reason' && t.value) {
      e.preventDefault();
      t.form.requestSubmit();
      return;
    }
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && t.tagName === 'TEXTAREA') {
      e.preventDefault();
      t.form.requestSubmit();
      return;
    }
    if (inField(t) || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === '?') { e.preventDefault(); toggleHelp(); return; }
    if (e.key === 'u') { const u = document.querySelector('form[data-undo]'); if (u) { e.preventDefault(); u.requestSubmit(); } return; }
    if (!cards.length) return;
    const card = cards[current];
    const q = (sel) => card && card.querySelector(sel);
    switch (e.key) {
      case 'j': e.preventDefault(); select(current + 1, true); break;
      case 'k': e.preventDefault(); select(current - 1, true); break;
      case 'o': { const a = q('.card-head h3 a'); if (a) location.href = a.href; break; }
      case 'c': { const f = q('form.act-confirm'); if (f) { e.preventDefault(); f.requestSubmit(); } break; }
      case 'd': { const s = q('form.act-dismiss select'); if (s) { e.preventDefault(); s.focus(); } break; }
      case 'n': { const n = q('form.act-note textarea'); if (n) { e.preventDefault(); n.focus(); n.rows = 3; } break; }
    }
  });

  // ---- article: turn a text selection into offsets for the annotate forms
  const text = document.querySelector('[data-article-text]');
  const panel = document.querySelector('[data-annotate]');
  if (!text || !panel) return;

  // A DOM position → offset in article.text. Every segment element carries data-start and
  // holds exactly its slice of the text (labels are CSS generated content, not text).
  function offsetOf(node, off) {
    if (node === text) {
      const child = text.childNodes[off];
      return child ? Number(child.dataset.start) : Number(text.dataset.length);
    }
    const el = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
    const seg = el && el.closest('[data-start]');
    if (!seg || !text.contains(seg)) return null;
    if (node.nodeType === Node.TEXT_NODE) return Number(seg.dataset.start) + off;
    return Number(seg.dataset.start) + (off > 0 ? seg.textContent.length : 0);
  }

  const hint = panel.querySelector('[data-selection-hint]');
  const shown = panel.querySelector('[data-selection]');
  const shownText = panel.querySelector('[data-selection-text]');

  function guessNumber(s, form) {
    const m = /([-−+]?\d[\d,，]*(?:\.\d+)?)/.exec(s);
    if (!m) return;
    form.value.value = m[1].replace(/[,，]/g, '').replace('−', '-');
    const after = s.slice(m.index + m[0].length);
    const scale = /^\s*亿/.test(after) ? 1e8 : /^\s*万/.test(after) ? 1e4 : /^\s*(billion|bn)\b/i.test(after) ? 1e9 : /^\s*(million|mn|m)\b/i.test(after) ? 1e6 : /^\s*trillion\b/i.test(after) ? 1e12 : 1;
    form.scale.value = String(scale);
    if (/^\s*(%|％|per ?cent)/i.test(after)) form.unit.value = '%';
    else if (/个百分点|percentage points?|pp\b/i.test(after)) form.unit.value = 'pp';
    else if (/元|RMB|yuan/i.test(s)) form.unit.value = 'CNY';
    else if (/\$|US\$|dollars?/i.test(s)) form.unit.value = 'USD';
  }

  function onSelection() {
    const sel = window.getSelection();
    if (!sel || sel.isCollapsed || !sel.rangeCount) return;
    const r = sel.getRangeAt(0);
    if (!text.contains(r.commonAncestorContainer)) return;
    const start = offsetOf(r.startContainer, r.startOffset);
    const end = offsetOf(r.endContainer, r.endOffset);
    if (start === null || end === null || !(end > start)) return;
    const quote = r.toString();
    for (const form of panel.querySelectorAll('form')) {
      form.start.value = String(start);
      form.end.value = String(end);
      form.quote.value = quote;
    }
    const claimForm = panel.querySelector('[data-annotate-claim] form');
    if (claimForm) guessNumber(quote, claimForm);
    shownText.textContent = quote.length > 120 ? quote.slice(0, 120) + '…' : quote;
    shown.hidden = false;
    if (hint) hint.hidden = true;
    panel.querySelectorAll('details').forEach((d) => { d.open = true; });
  }
  text.addEventListener('mouseup', () => setTimeout(onSelection, 0));
  text.addEventListener('keyup', onSelection);
  // Typing in the quote field by hand means the old offsets no longer apply.
  panel.querySelectorAll('input[name=quote]').forEach((i) => i.addEventListener('input', () => { i.form.start.value = ''; i.form.end.value = ''; }));
})();
