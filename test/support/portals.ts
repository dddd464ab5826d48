/** The portal's dictionary in every language at once, for tests (the portal loads only the reader's). */
import type { Language } from '#shared/model.ts';
import { en, portalIn, type Strings } from '../../web/src/i18n/en.ts';
import * as nl from '../../web/src/i18n/words.nl.ts';
import * as pl from '../../web/src/i18n/words.pl.ts';
import * as ru from '../../web/src/i18n/words.ru.ts';
import * as zh from '../../web/src/i18n/words.zh.ts';

export const PORTALS: Readonly<Record<Language, Strings>> = {
  en,
  pl: portalIn(pl),
  ru: portalIn(ru),
  nl: portalIn(nl),
  zh: portalIn(zh),
};
