/**
 * Words of the team queue, in Russian.
 * Typed by the English ones (words.en.ts), so a missing or extra key fails the typecheck.
 */

import { form } from '../i18n/ru-grammar.ts';
import type { queueWords as english } from './words.en.ts';

const orders = (n: number) => `${n} ${form(n, 'заявка', 'заявки', 'заявок')}`;

export const queueWords: typeof english = {
  queue: {
    title: (code) => `Очередь ${code}`,
    caption: 'Активные заявки, самые срочные — первыми',
    empty: 'Очередь пуста. Команде нечего ждать.',
    claim: 'Взять в работу',
    claimed: (n) => `Вы взяли заявку ${n}.`,
    filterStatus: 'Статус',
    filterPriority: 'Приоритет',
    all: 'Все',
    noMatch: 'Среди загруженных заявок нет подходящих под эти фильтры.',
    filterSla: 'Норматив времени',
    due: 'Норматив времени',
    views: 'Представления очереди',
    viewAll: 'Все активные заявки',
    viewAtRisk: 'Под угрозой',
    atRiskTitle: (code) => `Под угрозой в ${code}`,
    atRiskIntro:
      'Активные заявки, у которых норматив времени почти исчерпан или уже нарушен; самые просроченные — первыми.',
    atRiskCaption: 'Заявки под угрозой, самые просроченные — первыми',
    atRiskEmpty: 'Ничто не под угрозой. Все активные заявки укладываются в нормативы времени.',
    shortcutsTitle: 'Сочетания клавиш',
    shortcuts: [
      ['j', 'следующая заявка'],
      ['k', 'предыдущая заявка'],
      ['Enter', 'открыть выбранную заявку'],
      ['c', 'взять выбранную заявку'],
      ['x', 'отметить выбранную заявку'],
    ],
    cannotClaim: (n) => `Заявку ${n} взять нельзя: взять можно только открытую заявку.`,
    someone: 'бывший сотрудник команды',
    sortBy: 'Сортировать по',
    sortDirection: 'Порядок',
    sortKeys: {
      due: 'Норматив времени',
      status: 'Статус',
      priority: 'Приоритет',
      age: 'Возраст',
      assignee: 'Исполнитель',
    },
    sortAscending: {
      due: 'Сначала самые срочные',
      status: 'Сначала ожидающие',
      priority: 'Сначала срочные',
      age: 'Сначала старые',
      assignee: 'От А до Я',
    },
    sortDescending: {
      due: 'Сначала наименее срочные',
      status: 'Сначала в работе',
      priority: 'Сначала низкий',
      age: 'Сначала новые',
      assignee: 'От Я до А',
    },
    selectAll: 'Отметить все показанные заявки',
    selectOne: (n) => `Отметить ${n}`,
    selectedCount: (n) => `Отмечено: ${orders(n)}`,
    bulkTitle: 'Отмеченные заявки',
    claimSelected: 'Взять отмеченные',
    assignTo: 'Назначить',
    choosePerson: 'Выберите сотрудника',
    assignSelected: 'Назначить отмеченные',
    clearSelection: 'Снять отметку',
    bulkClaimed: (n) => `Вы взяли: ${orders(n)}.`,
    bulkAssigned: (n, name) => `Назначено ${orders(n)}, исполнитель — ${name}.`,
    bulkFailedOne: (n, why) => `${n}: ${why}`,
    bulkPartly: (done, of, failures) => `Выполнено ${done} из ${of}. Не выполнено: ${failures}`,
  },
};
