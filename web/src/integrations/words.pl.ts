/**
 * Words of a department's integrations (API tokens, webhooks), in Polish.
 * Typed by the English ones (words.en.ts), so a missing or extra key fails the typecheck.
 */

import { plural } from '../i18n/pl-grammar.ts';
import type { integrationWords as english } from './words.en.ts';

export const integrationWords: typeof english = {
  integrations: {
    link: 'Integracje',
    title: (code) => `Integracje działu ${code}`,
    intro:
      'Pozwól innym systemom składać i czytać zamówienia działu za pomocą tokenu API i powiadamiaj je o zdarzeniach przez webhooki.',
    headOnly: 'Integracjami działu zarządza tylko jego kierownik.',
    copy: 'Kopiuj',
    copied: 'Skopiowano',
    shownOnce: 'Skopiuj go teraz: jest pokazywany tylko ten jeden raz i nie da się go zobaczyć ponownie.',
    tokens: {
      title: 'Tokeny API',
      intro:
        'Token pozwala kontu usługi (np. systemowi kadrowemu) wywoływać API we własnym imieniu, tylko w zakresie swoich uprawnień, do czasu wygaśnięcia lub unieważnienia.',
      empty: 'Nie ma jeszcze tokenów.',
      caption: 'Tokeny API działu, od najstarszego.',
      name: 'Nazwa',
      scopes: 'Uprawnienia',
      services: 'Usługi, które może zamawiać',
      expires: 'Wygasa',
      lastUsed: 'Ostatnie użycie',
      state: 'Stan',
      never: 'Nigdy',
      stateWords: { active: 'Aktywny', expired: 'Wygasł', revoked: 'Unieważniony' },
      scopeWords: {
        'orders:file': 'Składanie zamówień (usługi wybrane niżej)',
        'orders:read': 'Odczyt zamówień działu',
      },
      revoke: 'Unieważnij',
      revokeLabel: (name) => `Unieważnij token „${name}”`,
      revoked: (name) => `Token „${name}” jest unieważniony; jego następne żądanie zostanie odrzucone.`,
      new: 'Nowy token',
      nameHint: 'Kto go używa, np. „System kadrowy”. Zamówienia złożone nim podają go na osi czasu.',
      expiresHint: 'Najpóźniej za rok od dziś.',
      create: 'Utwórz token',
      creating: 'Tworzenie…',
      secret: (name) => `Sekret tokenu „${name}”`,
      count: (n) => plural(n, 'token', 'tokeny', 'tokenów'),
    },
    webhooks: {
      title: 'Webhooki',
      intro:
        'Ordo wysyła wybrane zdarzenia na adres HTTPS, podpisane według Standard Webhooks, po kolei dla każdego zamówienia, ponawiając po błędzie. Po 10 nieudanych dostawach z rzędu (lub dobie błędów) webhook się wstrzymuje, a Ty dostajesz e-mail.',
      empty: 'Nie ma jeszcze webhooków.',
      caption: 'Subskrypcje webhooków działu.',
      url: 'Adres (HTTPS)',
      events: 'Zdarzenia',
      status: 'Stan',
      lastDelivery: 'Ostatnia dostawa',
      statusWords: { active: 'Aktywny', paused: 'Wstrzymany' },
      pausedFailing: 'Wstrzymany po błędach',
      failures: (n) => plural(n, 'błąd z rzędu', 'błędy z rzędu', 'błędów z rzędu'),
      eventWords: {
        'order.filed': 'Złożenie zamówienia',
        'order.status_changed': 'Zmiana stanu',
        'order.sla_warning': 'Ostrzeżenie o terminie',
        'order.sla_breach': 'Przekroczenie terminu',
        'order.resolved': 'Realizacja',
        'order.rated': 'Ocena',
      },
      pause: 'Wstrzymaj',
      resume: 'Wznów',
      remove: 'Usuń',
      removeLabel: (url) => `Usuń webhook na ${url}`,
      test: 'Wyślij zdarzenie testowe',
      tested: 'Zdarzenie testowe jest w drodze; zobacz dziennik dostaw.',
      log: 'Dziennik dostaw',
      hideLog: 'Ukryj dziennik',
      logCaption: 'Ostatnie 50 prób dostawy, od najnowszej.',
      logEmpty: 'Jeszcze nic nie dostarczono.',
      at: 'Kiedy',
      event: 'Zdarzenie',
      attempt: 'Próba',
      answer: 'Odpowiedź',
      duration: 'Czas',
      ms: (n) => `${n} ms`,
      noAnswer: 'Brak odpowiedzi',
      new: 'Nowy webhook',
      urlHint: 'Adresy w sieciach prywatnych, pętli zwrotnej i lokalnych łącza są odrzucane.',
      create: 'Subskrybuj',
      creating: 'Subskrybowanie…',
      secret: 'Sekret podpisu',
      secretHint: 'Odbiorca sprawdza nim podpis każdego żądania (nagłówek webhook-signature).',
    },
  },
};
