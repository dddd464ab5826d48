/**
 * Words of the 1–5 rating, in Russian.
 * Typed by the English ones (words.en.ts), so a missing or extra key fails the typecheck.
 */

import type { surveyWords as english } from './words.en.ts';

export const surveyWords: typeof english = {
  survey: {
    title: 'Как мы справились?',
    order: (n, title) => `Заявка ${n}: ${title}`,
    service: (name) => `Услуга: ${name}`,
    thanks: (n) => `Спасибо! Ваша оценка — ${n} из 5`,
    scale: '1 — совсем не доволен, 5 — очень доволен.',
    scoreName: (n) => `${n} из 5`,
    scoreWords: ['совсем не доволен', 'не доволен', 'ни доволен, ни недоволен', 'доволен', 'очень доволен'],
    category: 'Что пошло не так?\u00a0(необязательно)',
    categoryHint: 'Ваш ответ получит ответственный за эту услугу и разберётся с ним.',
    noCategory: 'Предпочитаю не отвечать',
    comment: 'Комментарий\u00a0(необязательно)',
    commentHint: 'Что получилось хорошо, а что стоит улучшить?',
    save: 'Сохранить оценку',
    change: 'Сохранить изменения',
    saving: 'Сохранение…',
    saved: (n) => `Сохранено. Ваша оценка — ${n} из 5.`,
    pick: 'Выберите оценку от 1 до 5.',
    changeHint: 'Ниже можно изменить оценку или добавить комментарий.',
    confirmHint: (n, button) => `В письме вы выбрали ${n} из 5. Нажмите «${button}», чтобы отправить оценку.`,
    expiredTitle: 'Срок действия ссылки на опрос истёк',
    invalidTitle: 'Эту ссылку на опрос использовать нельзя',
    earlierTitle: 'Этот опрос заменён новым',
    earlierHint:
      'После этого письма заявку снова открыли и выполнили. Воспользуйтесь ссылкой из самого нового письма или поставьте оценку на странице заявки.',
    badLinkHint: 'Вы по-прежнему можете войти в Ordo, открыть заявку и поставить оценку или оставить комментарий там.',
    openOrder: 'Открыть заявку в Ordo',
  },
  lowScoreCategories: {
    too_slow: 'Слишком долго',
    incomplete: 'Чего-то не хватало',
    not_what_i_asked: 'Сделали не то, что я просил(а)',
    unclear_communication: 'Общение было непонятным',
    other: 'Другое',
  },
};
