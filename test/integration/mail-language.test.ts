/**
 * Mail speaks each recipient's language: a Polish-speaking requester gets Polish, the English team
 * English, and a mixed set of people one message per language — Russian, Dutch and Chinese too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderView } from '#shared/api.ts';
import { mailDay } from '#shared/mail-words.ts';
import type { Language } from '#shared/model.ts';
import { localDay } from '#shared/stats.ts';
import { type Caller, createHarness, type Harness } from './harness.ts';

let now = new Date('2026-11-25T09:30:00Z');
let h: Harness;
let anna: Caller;
let hana: Caller;
let ivan: Caller;

async function speaks(id: string, language: Language) {
  const person = (await h.deps.users.get(id))!;
  await h.deps.users.save({ ...person, language }, person);
}

beforeAll(async () => {
  h = await createHarness({ now: () => new Date(now) });
  // Before signing in: each request reads the profile, and the change must be what it sees.
  await speaks('anna', 'pl');
  await speaks('ivan', 'pl');
  [anna, hana, ivan] = [await h.as('anna'), await h.as('hana'), await h.as('ivan')];
});
afterAll(() => h?.close());

async function act(who: Caller, number: string, body: Record<string, unknown>) {
  const v = (await who.json<OrderView>('GET', `/api/v1/orders/${number}`)).body.order.version;
  const res = await who.json<OrderView>('POST', `/api/v1/orders/${number}/transitions`, { version: v, ...body });
  expect(res.status).toBe(200);
  return res.body.order;
}

/** Delivered mail about `number`: who got which subject, and the HTML's language. */
async function mailAbout(number: string) {
  await h.deliverMail();
  return (await h.mailbox())
    .filter((m) => m.subject.includes(`${number} `))
    .map((m) => ({
      to: [...m.destination.to].sort(),
      subject: m.subject,
      lang: m.body.html?.match(/<html lang="(\w+)">/)?.[1],
      text: m.body.text ?? '',
    }));
}

describe('mail in the recipient’s language', () => {
  it('writes to a Polish requester in Polish, and to the English team and watcher in English', async () => {
    const filed = await anna.json<OrderView>('POST', '/api/v1/orders', {
      serviceId: 'hr-certificate',
      answers: { purpose: 'Bank' },
    });
    expect(filed.status).toBe(201);
    // Anna reads Polish: the service's words in her order are the department's Polish ones.
    const { number, title } = filed.body.order;
    expect(title).toBe('Zaświadczenie o zatrudnieniu');
    const english = 'Employment certificate';
    await anna.json('POST', `/api/v1/orders/${number}/watchers`, { add: ['ben'] });

    let mail = await mailAbout(number);
    const received = mail.find((m) => m.to.includes('anna.kowalska@example.com'));
    expect(received).toMatchObject({
      to: ['anna.kowalska@example.com'],
      subject: `Przyjęliśmy Twoje zamówienie ${number} ${title}`,
      lang: 'pl',
    });
    expect(received?.text).toContain(
      `usługi „Zaświadczenie o zatrudnieniu” zostało zarejestrowane pod numerem ${number}`,
    );
    expect(received?.text).toContain('Otwórz zamówienie: ');
    expect(mail.find((m) => m.to.includes('hr-team@example.com'))).toMatchObject({
      subject: `New order in the queue: ${number} ${english}`,
      lang: 'en',
    });

    await act(hana, number, { action: 'assign', assigneeId: 'olivia' });
    const v = (await hana.json<OrderView>('GET', `/api/v1/orders/${number}`)).body.order.version;
    await hana.json('POST', `/api/v1/orders/${number}/deliverables/scan`, { version: v, done: true });
    const resolved = await act(hana, number, { action: 'resolve' });

    // Requester and watcher are told together, yet each in their own language: two messages.
    const ids = [`${number}.order_resolved.v${resolved.version}.requester`];
    ids.push(`${ids[0]}.pl`);
    const queued = await Promise.all(ids.map((id) => h.deps.outbox.get(id)));
    expect(queued.map((m) => m?.to)).toEqual([['ben.carter@example.com'], ['anna.kowalska@example.com']]);

    mail = await mailAbout(number);
    expect(mail.filter((m) => m.subject.startsWith('Assigned to you'))).toMatchObject([
      { to: ['olivia.grant@example.com'], lang: 'en' },
    ]);
    expect(mail.filter((m) => /^(Done|Zrealizowane):/.test(m.subject))).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          to: ['anna.kowalska@example.com'],
          subject: `Zrealizowane: ${number} ${title}`,
          lang: 'pl',
        }),
        expect.objectContaining({ to: ['ben.carter@example.com'], subject: `Done: ${number} ${english}`, lang: 'en' }),
      ]),
    );
    expect(mail.filter((m) => /^(Done|Zrealizowane):/.test(m.subject))).toHaveLength(2);
    // What was handed back, in each reader's words of the service.
    const done = (lang: string) => mail.find((m) => /^(Done|Zrealizowane):/.test(m.subject) && m.lang === lang)?.text;
    expect(done('pl')).toContain('- Wysłano skan podpisanego zaświadczenia');
    expect(done('en')).toContain('- Signed certificate scan sent');
    const survey = mail.filter((m) => m.subject.includes('?'));
    expect(survey).toMatchObject([
      { to: ['anna.kowalska@example.com'], subject: `Jak nam poszło? ${number} ${title}`, lang: 'pl' },
    ]);
    expect(survey[0]?.text).toMatch(/1 – bardzo źle: http\S+\/survey\/\S+\?score=1/);
    expect(survey[0]?.text).toContain('5 – bardzo dobrze');
    expect(survey[0]?.text).toContain('„Jak bardzo jesteś zadowolony z tej usługi?”');

    // Nobody reopens it: the timer job closes it, and tells the requester in Polish.
    now = new Date(Date.parse(resolved.autoCloseAt!) + 60_000);
    await h.deps.slaTimers.run();
    mail = await mailAbout(number);
    expect(mail.filter((m) => m.subject.startsWith('Zamknięte'))).toMatchObject([
      { to: ['anna.kowalska@example.com'], subject: `Zamknięte: ${number} ${title}`, lang: 'pl' },
    ]);
    expect(mail.some((m) => m.subject.startsWith('Closed'))).toBe(false);
  });

  it('escalates to a mixed set of people with one message per language, due times in each', async () => {
    const filed = await anna.json<OrderView>('POST', '/api/v1/orders', {
      serviceId: 'it-password',
      answers: { account: 'VPN', what: 'Password', phone: '+48 600 100 200' },
    });
    const { number, title } = filed.body.order;
    await act(ivan, number, { action: 'claim' });
    // 24×7 standard of 5 minutes: past it, the assignee and owner (Ivan, Polish) and the head
    // (Iris, English) are told.
    now = new Date(now.getTime() + 6 * 60_000);
    await h.deps.slaTimers.run();
    const mail = await mailAbout(number);
    const breach = mail.filter((m) => /^(Standard missed|Przekroczony standard czasu):/.test(m.subject));
    expect(breach.map((m) => [m.to, m.subject, m.lang]).sort()).toEqual([
      [['iris.chen@example.com'], `Standard missed: ${number} ${title}`, 'en'],
      [['ivan.petrov@example.com'], `Przekroczony standard czasu: ${number} ${title}`, 'pl'],
    ]);
    const polish = breach.find((m) => m.lang === 'pl')!.text;
    const english = breach.find((m) => m.lang === 'en')!.text;
    expect(polish).toMatch(/„Standard czasu realizacji — termin upłynął: \d+ \S+ \d{4}, \d\d:\d\d CET”/);
    expect(english).toMatch(/“The resolution standard — was due \d+ \w{3} \d{4}, \d\d:\d\d CET”/);
    // English keeps the id it always had; the Polish message adds its language.
    const { version } = (await ivan.json<OrderView>('GET', `/api/v1/orders/${number}`)).body.order;
    const id = `${number}.sla_breach.v${version}.escalation-resolution`;
    expect((await h.deps.outbox.get(id))?.to).toEqual(['iris.chen@example.com']);
    expect((await h.deps.outbox.get(`${id}.pl`))?.to).toEqual(['ivan.petrov@example.com']);
  });

  it('writes to Russian, Dutch and Chinese readers each in their language, one message per language', async () => {
    await speaks('carl', 'ru');
    await speaks('felix', 'nl');
    await speaks('fatima', 'zh');
    const carl = await h.as('carl');
    const filed = await carl.json<OrderView>('POST', '/api/v1/orders', {
      serviceId: 'hr-certificate',
      answers: { purpose: 'Bank' },
    });
    expect(filed.status).toBe(201);
    const { number, title } = filed.body.order;
    await carl.json('POST', `/api/v1/orders/${number}/watchers`, { add: ['felix', 'fatima'] });

    let mail = await mailAbout(number);
    expect(mail.find((m) => m.to.includes('carl.jensen@example.com'))).toMatchObject({
      subject: `Ваша заявка ${number} ${title} принята`,
      lang: 'ru',
    });
    expect(mail.find((m) => m.to.includes('carl.jensen@example.com'))?.text).toContain('Открыть заявку: ');

    await act(hana, number, { action: 'claim' });
    const v = (await hana.json<OrderView>('GET', `/api/v1/orders/${number}`)).body.order.version;
    await hana.json('POST', `/api/v1/orders/${number}/deliverables/scan`, { version: v, done: true });
    await act(hana, number, { action: 'resolve' });
    mail = await mailAbout(number);
    const done = mail
      .filter((m) => /^(Выполнено|Afgehandeld|已完成)[:：]/.test(m.subject))
      .map((m) => [m.to, m.subject, m.lang])
      .sort();
    expect(done).toEqual(
      [
        [['carl.jensen@example.com'], `Выполнено: ${number} ${title}`, 'ru'],
        [['fatima.zahra@example.com'], `已完成：${number} ${title}`, 'zh'],
        [['felix.braun@example.com'], `Afgehandeld: ${number} ${title}`, 'nl'],
      ].sort(),
    );
    const said = (lang: string) => mail.find((m) => m.lang === lang && done.some((d) => d[1] === m.subject))?.text;
    expect(said('ru')).toContain('Что передано:');
    expect(said('nl')).toContain('Wat is opgeleverd:');
    expect(said('zh')).toContain('交付的内容：');
    // The survey goes to the requester alone, in Russian, its five answers in Russian words.
    const survey = mail.filter((m) => m.subject.startsWith('Как мы справились?'));
    expect(survey.map((m) => m.to)).toEqual([['carl.jensen@example.com']]);
    expect(survey[0]?.text).toMatch(/1 – совсем не доволен: http\S+\/survey\/\S+\?score=1/);
  });

  it('sends a Polish head the daily digest in Polish, and an English head in English', async () => {
    await speaks('iris', 'pl');
    // 09:05 in Warsaw the next day: past the digest hour.
    now = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 8, 5));
    const day = localDay(now.toISOString(), 'Europe/Warsaw');
    await h.deliverMail();
    const digests = (await h.mailbox()).filter((m) => m.body.text?.includes('/dashboard'));
    const it = digests.find((m) => m.subject.startsWith(`Podsumowanie dnia IT, ${mailDay(day, 'pl')}: `));
    expect(it?.destination.to).toEqual(['iris.chen@example.com']);
    expect(it?.subject).toMatch(/: \d+ (zagrożone|zagrożonych) lub po terminie, \d+ (otwarte|otwartych)$/);
    expect(it?.body.html).toContain('<html lang="pl">');
    expect(it?.body.text).toMatch(/^Dzień dobry\. IT: \d+ otwart\S+ zamówie\S+, w tym \d+ \S+ lub po terminie\./);
    expect(it?.body.text).toMatch(/IT-1001 \(po terminie\) Password or MFA reset/);
    const hr = digests.find((m) => m.subject.startsWith(`HR daily digest ${mailDay(day, 'en')}: `));
    expect(hr?.destination.to).toEqual(['henry.ortiz@example.com']);
    expect(hr?.body.html).toContain('<html lang="en">');
  });
});
