/**
 * Words of a department's incoming mail page, in Russian.
 * Typed by the English ones (words.en.ts), so a missing or extra key fails the typecheck.
 */
import { plural } from '../i18n/ru-grammar.ts';
import type { inboundWords as english } from './words.en.ts';

export const inboundWords: typeof english = {
  inbound: {
    link: 'Входящая почта',
    title: (code) => `Входящая почта ${code}`,
    intro:
      'Письма на адрес отдела и ответы на письма Ordo о его заявках, сначала новые, с тем, что Ordo сделало с каждым письмом.',
    headOnly: 'Входящую почту отдела видит только его руководитель.',
    address: (address) => `Письмо на адрес ${address} создаёт заявку.`,
    noAddress: 'У отдела пока нет своего почтового адреса; ответы на письма Ordo всё равно приходят сюда.',
    caption: 'Входящая почта отдела, сначала новые.',
    empty: 'Писем пока не было.',
    received: 'Получено',
    from: 'От',
    subject: 'Тема',
    outcome: 'Что сделало Ordo',
    order: 'Заявка',
    noSubject: '(без темы)',
    unknown: 'неизвестно',
    pending: 'Обрабатывается',
    answered: 'Отправителю ответили письмом.',
    message: 'Письмо',
    download: 'Скачать',
    downloadOf: (subject) => `Скачать письмо «${subject}» в том виде, в каком оно пришло (.eml)`,
    downloading: 'Открываем…',
    attachments: (n) => plural(n, 'вложение', 'вложения', 'вложений'),
    outcomes: {
      commented: 'Добавлено как комментарий к заявке',
      answered: 'Ответ на вопрос по заявке',
      filed: 'Создана заявка',
      refused_unknown_sender: 'Отклонено: отправитель не известен Ordo',
      refused_not_participant: 'Отклонено: отправитель не участвует в заявке',
      refused_unauthenticated: 'Отклонено: не удалось подтвердить отправителя',
      refused_bad_signature: 'Отклонено: адрес ответа не подлинный',
      refused_too_large: 'Отклонено: слишком большое письмо',
      refused_unknown_address: 'Отклонено: адрес никуда не ведёт',
      refused_by_order: 'Отклонено заявкой',
      dropped_auto_reply: 'Пропущено: автоответ',
      dropped_bulk: 'Пропущено: массовая рассылка',
      dropped_loop: 'Пропущено: отправлено самим Ordo',
      dropped_duplicate: 'Пропущено: повтор того же письма',
    },
  },
};
