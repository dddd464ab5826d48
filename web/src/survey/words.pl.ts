/**
 * Words of the 1–5 rating, in Polish.
 * Typed by the English ones (words.en.ts), so a missing or extra key fails the typecheck.
 */

import type { surveyWords as english } from './words.en.ts';

export const surveyWords: typeof english = {
  survey: {
    title: 'Jak nam poszło?',
    order: (n, title) => `Zamówienie ${n}: ${title}`,
    service: (name) => `Usługa: ${name}`,
    thanks: (n) => `Dziękujemy — Twoja ocena: ${n} z 5`,
    scale: '1 oznacza „bardzo źle”, 5 — „bardzo dobrze”.',
    scoreName: (n) => `${n} z 5`,
    scoreWords: ['bardzo źle', 'źle', 'ani dobrze, ani źle', 'dobrze', 'bardzo dobrze'],
    category: 'Co poszło nie tak?\u00a0(opcjonalnie)',
    categoryHint: 'Twoja odpowiedź trafi do osoby odpowiedzialnej za tę usługę, która się nią zajmie.',
    noCategory: 'Wolę nie podawać',
    comment: 'Komentarz\u00a0(opcjonalnie)',
    commentHint: 'Co poszło dobrze, a co można poprawić?',
    save: 'Zapisz moją ocenę',
    change: 'Zapisz zmiany',
    saving: 'Zapisywanie…',
    saved: (n) => `Zapisano. Twoja ocena: ${n} z 5.`,
    pick: 'Wybierz ocenę od 1 do 5.',
    changeHint: 'Poniżej możesz zmienić ocenę lub dodać komentarz.',
    confirmHint: (n, button) => `W e-mailu wybrano ocenę ${n} z 5. Naciśnij „${button}”, aby ją wysłać.`,
    expiredTitle: 'Ten link do ankiety wygasł',
    invalidTitle: 'Tego linku do ankiety nie można użyć',
    earlierTitle: 'Ta ankieta została zastąpiona',
    earlierHint:
      'Od czasu tego e-maila zamówienie zostało ponownie otwarte i zrealizowane. Użyj linku z najnowszego e-maila albo oceń zamówienie na jego stronie.',
    badLinkHint: 'Nadal możesz otworzyć zamówienie w Ordo po zalogowaniu i tam je ocenić lub skomentować.',
    openOrder: 'Otwórz zamówienie w Ordo',
  },
  lowScoreCategories: {
    too_slow: 'Trwało to zbyt długo',
    incomplete: 'Czegoś brakowało',
    not_what_i_asked: 'Wynik nie odpowiadał zamówieniu',
    unclear_communication: 'Komunikacja była niejasna',
    other: 'Coś innego',
  },
};
