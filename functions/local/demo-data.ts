/**
 * Demo data for the local stack and tests: four departments, people in every role, and services with
 * realistic forms, checklists and standards.
 */
import type { BusinessCalendar, Canvas, Department, DepartmentGoal, Service, User } from '#shared/model.ts';
import { createServiceBody } from '#shared/service-schema.ts';
import { readServiceDocuments } from '#shared/templates/index.ts';
import services from './demo-services.json' with { type: 'json' };

const officeHours: BusinessCalendar = {
  timeZone: 'Europe/Warsaw',
  hours: {
    '1': [{ start: '09:00', end: '17:00' }],
    '2': [{ start: '09:00', end: '17:00' }],
    '3': [{ start: '09:00', end: '17:00' }],
    '4': [{ start: '09:00', end: '17:00' }],
    '5': [{ start: '09:00', end: '15:00' }],
  },
  holidays: ['2026-12-24', '2026-12-25', '2026-12-26', '2027-01-01', '2027-01-06'],
};

const splitShift: BusinessCalendar = {
  ...officeHours,
  hours: Object.fromEntries(
    ['1', '2', '3', '4', '5'].map((d) => [
      d,
      [
        { start: '08:00', end: '12:00' },
        { start: '12:30', end: '16:30' },
      ],
    ]),
  ),
};

function canvas(parts: Partial<Canvas> & Pick<Canvas, 'value' | 'customerSegments'>): Canvas {
  return {
    howToOrder: 'Order in Ordo from the catalog; you will get an email at every step.',
    channels: 'Ordo portal, email notifications, a desk on the 2nd floor for urgent matters.',
    keyProcesses: '',
    qualityChecks: 'Every resolved order gets a one-question survey; the head reviews low scores weekly.',
    standardsAndMetrics: 'First response and resolution standards on every service, measured in working hours.',
    resources: '',
    partners: '',
    ...parts,
  };
}

export const demoUsers: User[] = [
  {
    id: 'anna',
    name: 'Anna Kowalska',
    email: 'anna.kowalska@example.com',
    memberships: {},
    admin: false,
    department: 'Sales',
    location: 'Warsaw',
    jobRole: 'Account manager',
  },
  {
    id: 'carl',
    name: 'Carl Jensen',
    email: 'carl.jensen@example.com',
    memberships: {},
    admin: false,
    department: 'Marketing',
    location: 'Warsaw',
    jobRole: 'Marketing specialist',
  },
  {
    id: 'ben',
    name: 'Ben Carter',
    email: 'ben.carter@example.com',
    memberships: {},
    admin: false,
    department: 'Engineering',
    location: 'Kraków',
    jobRole: 'Software engineer',
  },
  {
    id: 'hana',
    name: 'Hana Nowak',
    email: 'hana.nowak@example.com',
    memberships: { HR: 'agent' },
    admin: false,
    department: 'HR',
  },
  {
    id: 'olivia',
    name: 'Olivia Grant',
    email: 'olivia.grant@example.com',
    memberships: { HR: 'agent' },
    admin: false,
    department: 'HR',
  },
  {
    id: 'henry',
    name: 'Henry Ortiz',
    email: 'henry.ortiz@example.com',
    memberships: { HR: 'head' },
    admin: false,
    department: 'HR',
  },
  {
    id: 'ivan',
    name: 'Ivan Petrov',
    email: 'ivan.petrov@example.com',
    memberships: { IT: 'agent' },
    admin: false,
    department: 'IT',
  },
  {
    id: 'iris',
    name: 'Iris Chen',
    email: 'iris.chen@example.com',
    memberships: { IT: 'head' },
    admin: false,
    department: 'IT',
  },
  {
    id: 'fiona',
    name: 'Fiona Walsh',
    email: 'fiona.walsh@example.com',
    memberships: { FIN: 'agent' },
    admin: false,
    department: 'Finance',
  },
  {
    id: 'frank',
    name: 'Frank Moreau',
    email: 'frank.moreau@example.com',
    memberships: { FIN: 'head' },
    admin: false,
    department: 'Finance',
  },
  {
    id: 'felix',
    name: 'Felix Braun',
    email: 'felix.braun@example.com',
    memberships: { FAC: 'agent' },
    admin: false,
    department: 'Facilities',
  },
  {
    id: 'fatima',
    name: 'Fatima Zahra',
    email: 'fatima.zahra@example.com',
    memberships: { FAC: 'head' },
    admin: false,
    department: 'Facilities',
  },
  {
    id: 'ada',
    name: 'Ada Lindqvist',
    email: 'ada.lindqvist@example.com',
    memberships: {},
    admin: true,
    department: 'Platform',
  },
];

/**
 * The people the README's walk-through signs in as to order something (Anna, Maja) and a colleague
 * the same way (Jonas): the demo history leaves their survey budget free, so their first resolved
 * order brings the survey the README promises.
 */
export const SCENARIO_REQUESTERS: readonly string[] = ['anna', 'maja.wisniewska', 'jonas.keller'];

/** Employees who order services: the rest of a believable company, with segments for reports. */
const FIRST = [
  'Maja',
  'Tomasz',
  'Julia',
  'Piotr',
  'Lena',
  'Marek',
  'Sofia',
  'Adam',
  'Ewa',
  'Jonas',
  'Nina',
  'Pablo',
  'Zofia',
  'Karol',
  'Ines',
  'Oskar',
  'Alicja',
  'Rafael',
  'Hanna',
  'Igor',
];
const LAST = [
  'Wiśniewska',
  'Zieliński',
  'Wójcik',
  'Kamiński',
  'Schmidt',
  'Lewandowski',
  'Rossi',
  'Dąbrowski',
  'Mazur',
  'Keller',
  'Jankowska',
  'García',
  'Pawlak',
  'Król',
  'Silva',
  'Berg',
  'Nowicka',
  'Costa',
  'Wolska',
  'Sokołow',
];
const UNITS = ['Sales', 'Engineering', 'Marketing', 'Operations', 'Legal'];
const SITES = ['Warsaw', 'Kraków', 'Berlin'];
const JOB_ROLES = ['Manager', 'Specialist', 'Analyst', 'Engineer', 'Assistant', 'Specialist', 'Analyst'];
export const demoEmployees: User[] = FIRST.map((first, i) => {
  const last = LAST[i]!;
  const id = `${first}.${last}`
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z.]/g, '');
  return {
    id,
    name: `${first} ${last}`,
    email: `${id}@example.com`,
    memberships: {},
    admin: false,
    department: UNITS[i % UNITS.length]!,
    location: SITES[i % SITES.length]!,
    jobRole: JOB_ROLES[i % JOB_ROLES.length]!,
    ...(i === 0 ? { language: 'pl' as const } : {}),
  };
});

export const demoDepartments: Omit<Department, 'version'>[] = [
  {
    code: 'HR',
    name: 'Human Resources',
    contactEmail: 'hr-team@example.com',
    headId: 'henry',
    calendar: splitShift,
    canvas: canvas({
      value: 'People join, change roles and leave without paperwork chasing them.',
      customerSegments: 'Hiring managers, every employee, payroll.',
      keyProcesses: 'Onboarding, contract changes, certificates, offboarding.',
      resources: '3 HR partners, 1 HR assistant.',
      partners: 'IT (accounts and laptops), Facilities (desks and badges), Finance (payroll).',
    }),
  },
  {
    code: 'IT',
    name: 'IT Services',
    contactEmail: 'it-team@example.com',
    headId: 'iris',
    calendar: officeHours,
    canvas: canvas({
      value: 'Everyone has working equipment and the access they need, safely.',
      customerSegments: 'Every employee; new hires through HR.',
      keyProcesses: 'Equipment, access management, incident handling.',
      resources: '4 service desk engineers.',
      partners: 'Hardware supplier, HR.',
    }),
  },
  {
    code: 'FIN',
    name: 'Finance',
    contactEmail: 'finance-team@example.com',
    headId: 'frank',
    calendar: officeHours,
    canvas: canvas({
      value: 'Money owed to employees and suppliers is paid correctly and on time.',
      customerSegments: 'Employees with expenses, purchasing managers.',
      keyProcesses: 'Expense reimbursement, supplier onboarding, invoices.',
      resources: '2 accountants.',
      partners: 'Bank, external auditor.',
    }),
  },
  {
    code: 'FAC',
    name: 'Facilities',
    contactEmail: 'facilities-team@example.com',
    headId: 'fatima',
    calendar: { ...officeHours, hours: { ...officeHours.hours, '5': [{ start: '09:00', end: '17:00' }] } },
    canvas: canvas({
      value: 'Offices that are safe, working and ready for events.',
      customerSegments: 'Every employee on site, event organisers.',
      keyProcesses: 'Repairs, room and event set-up, access badges.',
      resources: '2 technicians, 1 coordinator.',
      partners: 'Building management, cleaning contractor.',
    }),
  },
];

/**
 * What each demo department promises this quarter (SPEC §2 goals): on-time resolution and CSAT for
 * the department, a first-response time for one service.
 */
export function demoGoals(code: string, today: Date): DepartmentGoal[] {
  const quarter = Math.floor(today.getUTCMonth() / 3);
  const from = new Date(Date.UTC(today.getUTCFullYear(), quarter * 3, 1)).toISOString().slice(0, 10);
  const to = new Date(Date.UTC(today.getUTCFullYear(), quarter * 3 + 3, 0)).toISOString().slice(0, 10);
  const goals: DepartmentGoal[] = [
    { id: 'on-time', metric: 'resolution_on_time', target: 0.9, from, to },
    { id: 'csat', metric: 'csat', target: 0.85, from, to },
  ];
  const firstService = demoServices.find((s) => s.department === code);
  if (firstService) {
    goals.push({
      id: 'first-response',
      metric: 'median_first_response',
      target: 120,
      serviceId: firstService.id,
      from,
      to,
    });
  }
  return goals;
}

type DemoService = Omit<Service, 'version' | 'updatedAt' | 'status'>;

/**
 * The demo catalogue (demo-services.json): each service as `POST /services` takes it, so it passes the
 * same checks. Durations are business minutes; `it-password` has a deliberately short 24×7 standard
 * (3 and 5 minutes), so in the local stack you can watch a warning and a breach happen.
 */
export const demoServices: DemoService[] = readServiceDocuments(
  createServiceBody,
  services,
  'demo-services.json',
  (service) => service,
);
