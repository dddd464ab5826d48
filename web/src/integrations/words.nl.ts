/**
 * Words of a department's integrations (API tokens, webhooks), in Dutch.
 * Typed by the English ones (words.en.ts), so a missing or extra key fails the typecheck.
 */

import { plural } from '../i18n/nl-grammar.ts';
import type { integrationWords as english } from './words.en.ts';

export const integrationWords: typeof english = {
  integrations: {
    link: 'Koppelingen',
    title: (code) => `Koppelingen van ${code}`,
    intro:
      'Laat andere systemen met een API-token aanvragen van de afdeling indienen en lezen, en houd ze met webhooks op de hoogte van wat er gebeurt.',
    headOnly: 'Alleen het hoofd van de afdeling beheert de koppelingen.',
    copy: 'Kopiëren',
    copied: 'Gekopieerd',
    shownOnce: 'Kopieer het nu: het wordt maar één keer getoond en is daarna niet meer te zien.',
    tokens: {
      title: 'API-tokens',
      intro:
        'Met een token roept een serviceaccount (bijvoorbeeld het HR-systeem) de API op eigen naam aan, alleen voor wat de rechten toestaan, tot het token verloopt of wordt ingetrokken.',
      empty: 'Nog geen tokens.',
      caption: 'API-tokens van de afdeling, oudste eerst.',
      name: 'Naam',
      scopes: 'Rechten',
      services: 'Diensten waarvoor het mag indienen',
      expires: 'Verloopt',
      lastUsed: 'Laatst gebruikt',
      state: 'Staat',
      never: 'Nooit',
      stateWords: { active: 'Actief', expired: 'Verlopen', revoked: 'Ingetrokken' },
      scopeWords: {
        'orders:file': 'Aanvragen indienen (voor de diensten hieronder)',
        'orders:read': 'Aanvragen van de afdeling lezen',
      },
      revoke: 'Intrekken',
      revokeLabel: (name) => `Token ‘${name}’ intrekken`,
      revoked: (name) => `Token ‘${name}’ is ingetrokken; het volgende verzoek ermee wordt geweigerd.`,
      new: 'Nieuw token',
      nameHint:
        'Wie het gebruikt, bijv. ‘HR-systeem’. Aanvragen die ermee zijn ingediend, noemen het in hun geschiedenis.',
      expiresHint: 'Maximaal een jaar vanaf vandaag.',
      create: 'Token aanmaken',
      creating: 'Aanmaken…',
      secret: (name) => `Het geheim van ‘${name}’`,
      count: (n) => plural(n, 'token', 'tokens'),
    },
    webhooks: {
      title: 'Webhooks',
      intro:
        'Ordo stuurt de gekozen gebeurtenissen naar een HTTPS-adres, ondertekend volgens Standard Webhooks, per aanvraag op volgorde en met nieuwe pogingen bij fouten. Na 10 fouten op rij (of een dag vol fouten) wordt een webhook gepauzeerd en volgt er een e-mail.',
      empty: 'Nog geen webhooks.',
      caption: 'Webhook-abonnementen van de afdeling.',
      url: 'Adres (HTTPS)',
      events: 'Gebeurtenissen',
      status: 'Status',
      lastDelivery: 'Laatste bezorging',
      statusWords: { active: 'Actief', paused: 'Gepauzeerd' },
      pausedFailing: 'Gepauzeerd na fouten',
      failures: (n) => `${plural(n, 'fout', 'fouten')} op rij`,
      eventWords: {
        'order.filed': 'Aanvraag ingediend',
        'order.status_changed': 'Status gewijzigd',
        'order.sla_warning': 'Waarschuwing termijn',
        'order.sla_breach': 'Termijn overschreden',
        'order.resolved': 'Afgehandeld',
        'order.rated': 'Beoordeeld',
      },
      pause: 'Pauzeren',
      resume: 'Hervatten',
      remove: 'Verwijderen',
      removeLabel: (url) => `Webhook naar ${url} verwijderen`,
      test: 'Testgebeurtenis versturen',
      tested: 'Er is een testgebeurtenis onderweg; zie het bezorglogboek.',
      log: 'Bezorglogboek',
      hideLog: 'Logboek verbergen',
      logCaption: 'De laatste 50 bezorgpogingen, nieuwste eerst.',
      logEmpty: 'Nog niets bezorgd.',
      at: 'Wanneer',
      event: 'Gebeurtenis',
      attempt: 'Poging',
      answer: 'Antwoord',
      duration: 'Tijd',
      ms: (n) => `${n} ms`,
      noAnswer: 'Geen antwoord',
      new: 'Nieuwe webhook',
      urlHint: 'Adressen in privé-, loopback- en link-local-netwerken worden geweigerd.',
      create: 'Abonneren',
      creating: 'Abonneren…',
      secret: 'Het ondertekeningsgeheim',
      secretHint: 'De ontvanger controleert er de handtekening van elk verzoek mee (header webhook-signature).',
    },
  },
};
