// POST /lang — the language switch: the reader's choice, kept in a cookie for a year, then back
// to the page they were on. It works signed out too (the sign-in page has the switch).
import type { Express } from 'express';
import type { Ctx } from '../context.js';
import { HttpError } from '../errors.js';
import { backTo, field } from '../form.js';
import { isLang, LANG_COOKIE, LANGS, msg } from '../i18n.js';

export function langRoutes(app: Express, ctx: Ctx) {
  app.post('/lang', ctx.form, ctx.verify, (req, res) => {
    const lang = field(req, 'lang', 10);
    if (!isLang(lang)) throw new HttpError(400, msg('err.lang', { langs: LANGS.join(', ') }));
    res.append('Set-Cookie', `${LANG_COOKIE}=${lang}; Path=/; Max-Age=31536000; SameSite=Lax${req.secure ? '; Secure' : ''}`);
    res.redirect(303, backTo(req, '/'));
  });
}
