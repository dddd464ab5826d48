/**
 * Words of a department's incoming mail page, in Polish.
 * Typed by the English ones (words.en.ts), so a missing or extra key fails the typecheck.
 */
import { plural } from '../i18n/pl-grammar.ts';
import type { inboundWords as english } from './words.en.ts';

export const inboundWords: typeof english = {
  inbound: {
    link: 'Poczta przychodząca',
    title: (code) => `Poczta przychodząca działu ${code}`,
    intro:
      'Wiadomości wysłane na adres działu i odpowiedzi na wiadomości Ordo o jego zamówieniach, od najnowszych, z tym, co Ordo z każdą zrobiło.',
    headOnly: 'Pocztę przychodzącą działu widzi tylko jego kierownik.',
    address: (address) => `Wiadomość na adres ${address} składa zamówienie.`,
    noAddress: 'Dział nie ma jeszcze własnego adresu poczty; odpowiedzi na wiadomości Ordo i tak trafiają tutaj.',
    caption: 'Poczta przychodząca działu, od najnowszej.',
    empty: 'Nie przyszła jeszcze żadna wiadomość.',
    received: 'Otrzymano',
    from: 'Od',
    subject: 'Temat',
    outcome: 'Co zrobiło Ordo',
    order: 'Zamówienie',
    noSubject: '(bez tematu)',
    unknown: 'nieznany',
    pending: 'W trakcie przyjmowania',
    answered: 'Nadawca dostał odpowiedź mailem.',
    message: 'Wiadomość',
    download: 'Pobierz',
    downloadOf: (subject) => `Pobierz wiadomość „${subject}” w postaci, w jakiej nadeszła (.eml)`,
    downloading: 'Otwieranie…',
    attachments: (n) => plural(n, 'załącznik', 'załączniki', 'załączników'),
    outcomes: {
      commented: 'Dodano jako komentarz do zamówienia',
      answered: 'Odpowiedziano na pytanie zamówienia',
      filed: 'Złożono zamówienie',
      refused_unknown_sender: 'Odrzucono: Ordo nie zna nadawcy',
      refused_not_participant: 'Odrzucono: nadawca nie uczestniczy w zamówieniu',
      refused_unauthenticated: 'Odrzucono: nie udało się potwierdzić nadawcy',
      refused_bad_signature: 'Odrzucono: adres odpowiedzi nie był prawdziwy',
      refused_too_large: 'Odrzucono: za duża wiadomość',
      refused_unknown_address: 'Odrzucono: adres nigdzie nie prowadzi',
      refused_by_order: 'Odrzucone przez zamówienie',
      dropped_auto_reply: 'Pominięto: automatyczna odpowiedź',
      dropped_bulk: 'Pominięto: poczta masowa lub z listy',
      dropped_loop: 'Pominięto: wysłane przez samo Ordo',
      dropped_duplicate: 'Pominięto: ta sama wiadomość ponownie',
    },
  },
};
