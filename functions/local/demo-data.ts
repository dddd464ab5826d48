/**
 * Demo data for the local stack and tests: four departments, people in every role, and services with
 * realistic forms, checklists and standards.
 */
import type { BusinessCalendar, Canvas, Department, DepartmentGoal, Service, User } from '#shared/model.ts';

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

const hours = (h: number) => h * 60;
const days = (d: number) => d * 8 * 60;

export const demoServices: DemoService[] = [
  {
    id: 'hr-onboarding',
    department: 'HR',
    name: 'Onboard a new employee',
    summary: 'Contract, employee record, payroll and a welcome pack for someone joining your team.',
    description:
      'Start this as soon as the offer is signed. HR registers the new hire, sets up payroll and sends the welcome pack. IT and Facilities are told what the new hire needs.',
    tags: ['onboarding', 'new hire', 'contract'],
    ownerId: 'olivia',
    audience: [],
    form: [
      { id: 'fullName', kind: 'text', label: 'Full name of the new hire', required: true, max: 120 },
      { id: 'startDate', kind: 'date', label: 'Start date', required: true },
      {
        id: 'contractType',
        kind: 'select',
        label: 'Contract type',
        required: true,
        options: ['Permanent', 'Fixed-term', 'Contractor'],
      },
      {
        id: 'contractEnd',
        kind: 'date',
        label: 'Contract end date',
        help: 'Only for fixed-term contracts.',
        required: true,
        after: { field: 'startDate', days: 0 },
        visibleWhen: { field: 'contractType', equals: ['Fixed-term'] },
      },
      { id: 'managerEmail', kind: 'email', label: "Manager's email", required: true },
    ],
    inputs: [
      {
        id: 'identity',
        label: 'Name and start date of the new hire',
        kind: 'formField',
        field: 'fullName',
        required: true,
      },
      {
        id: 'manager',
        label: 'Manager who receives the new hire',
        kind: 'formField',
        field: 'managerEmail',
        required: true,
      },
    ],
    deliverables: [
      { id: 'record', label: 'Employee record created', required: true },
      { id: 'payroll', label: 'Registered in payroll', required: true },
      { id: 'welcome', label: 'Welcome pack sent to the new hire', required: false },
    ],
    stages: [
      { id: 'triage', name: 'Triage', targetMinutes: hours(4) },
      { id: 'paperwork', name: 'Paperwork', targetMinutes: days(2) },
      { id: 'handover', name: 'Handover to manager', targetMinutes: days(1) },
    ],
    approval: { kind: 'none' },
    standard: { firstResponseMinutes: hours(4), resolutionMinutes: days(3), warningAt: 0.8, always: false },
    survey: { enabled: true, question: 'How satisfied are you with how HR handled this onboarding?' },
    reportTo: [],
  },
  {
    id: 'hr-certificate',
    department: 'HR',
    name: 'Employment certificate',
    summary: 'A signed certificate of employment, e.g. for a bank or a visa application.',
    description: 'HR prepares and signs the certificate and sends you a scan; the original waits at the HR desk.',
    tags: ['certificate', 'documents'],
    ownerId: 'hana',
    audience: [],
    form: [
      { id: 'purpose', kind: 'select', label: 'What it is for', required: true, options: ['Bank', 'Visa', 'Other'] },
      {
        id: 'purposeOther',
        kind: 'text',
        label: 'Tell us what for',
        required: true,
        visibleWhen: { field: 'purpose', equals: ['Other'] },
      },
      { id: 'includeSalary', kind: 'checkbox', label: 'Include salary', required: false },
    ],
    inputs: [],
    deliverables: [{ id: 'scan', label: 'Signed certificate scan sent', required: true }],
    stages: [{ id: 'in_progress', name: 'In progress' }],
    approval: { kind: 'none' },
    standard: { firstResponseMinutes: hours(4), resolutionMinutes: days(2), warningAt: 0.8, always: false },
    survey: { enabled: true, question: 'How satisfied are you with this service?' },
    reportTo: [],
    translations: {
      pl: {
        name: 'Zaświadczenie o zatrudnieniu',
        summary: 'Podpisane zaświadczenie o zatrudnieniu, np. dla banku lub do wniosku wizowego.',
        description:
          'Dział HR przygotowuje i podpisuje zaświadczenie, a Tobie wysyła skan; oryginał czeka w biurze HR.',
        fields: {
          purpose: { label: 'Do czego jest potrzebne', options: { Bank: 'Bank', Visa: 'Wiza', Other: 'Inne' } },
          purposeOther: { label: 'Napisz, do czego' },
          includeSalary: { label: 'Z informacją o wynagrodzeniu' },
        },
        deliverables: { scan: 'Wysłano skan podpisanego zaświadczenia' },
        stages: { in_progress: 'W realizacji' },
        surveyQuestion: 'Jak bardzo jesteś zadowolony z tej usługi?',
      },
    },
  },
  {
    id: 'it-laptop',
    department: 'IT',
    name: 'New laptop',
    summary: 'A configured laptop with your standard software, ready to sign in.',
    description: 'Pick the model; IT prepares, encrypts and hands over the laptop with your accounts ready.',
    tags: ['hardware', 'laptop', 'equipment'],
    ownerId: 'ivan',
    audience: [],
    form: [
      { id: 'model', kind: 'select', label: 'Model', required: true, options: ['14" standard', '16" performance'] },
      { id: 'neededBy', kind: 'date', label: 'Needed by', required: true },
      {
        id: 'software',
        kind: 'multiSelect',
        label: 'Extra software',
        required: false,
        options: ['Office', 'Design suite', 'Developer tools'],
      },
      { id: 'notes', kind: 'longText', label: 'Anything else', required: false, max: 2000 },
    ],
    inputs: [],
    deliverables: [
      { id: 'prepared', label: 'Laptop prepared and encrypted', required: true },
      { id: 'handed', label: 'Laptop handed over', required: true },
    ],
    stages: [
      { id: 'triage', name: 'Triage' },
      { id: 'preparation', name: 'Preparation', targetMinutes: days(2) },
      { id: 'delivery', name: 'Delivery', targetMinutes: days(1) },
    ],
    approval: { kind: 'head' },
    standard: { firstResponseMinutes: hours(2), resolutionMinutes: days(5), warningAt: 0.8, always: false },
    survey: { enabled: true, question: 'How satisfied are you with your new laptop service?' },
    reportTo: [],
  },
  {
    id: 'it-access',
    department: 'IT',
    name: 'Access to a system',
    summary: 'Get access to a business application with the right role.',
    description: 'Name the system and the role; the system owner is asked when needed.',
    tags: ['access', 'accounts', 'permissions'],
    ownerId: 'iris',
    audience: [],
    form: [
      { id: 'system', kind: 'select', label: 'System', required: true, options: ['CRM', 'ERP', 'HR portal', 'Wiki'] },
      { id: 'role', kind: 'text', label: 'Role you need', required: true, max: 100 },
      { id: 'reason', kind: 'longText', label: 'Why you need it', required: true, min: 10, max: 1000 },
    ],
    inputs: [],
    deliverables: [{ id: 'granted', label: 'Access granted and tested', required: true }],
    stages: [{ id: 'in_progress', name: 'In progress' }],
    approval: { kind: 'none' },
    standard: { firstResponseMinutes: hours(1), resolutionMinutes: days(1), warningAt: 0.8, always: false },
    survey: { enabled: true, question: 'How satisfied are you with this service?' },
    reportTo: [],
  },
  {
    id: 'fin-expenses',
    department: 'FIN',
    name: 'Reimburse expenses',
    summary: 'Get back what you paid for the company, with receipts.',
    description: 'Enter the amount and the cost centre and hand over the receipts. Paid with the next payment run.',
    tags: ['expenses', 'money', 'receipts'],
    ownerId: 'fiona',
    audience: [],
    form: [
      { id: 'amount', kind: 'number', label: 'Amount (EUR)', required: true, min: 0.01, max: 100000 },
      {
        id: 'costCentre',
        kind: 'text',
        label: 'Cost centre',
        required: true,
        pattern: '[A-Z]{2}-\\d{3}',
        help: 'Like SA-101.',
      },
      { id: 'description', kind: 'longText', label: 'What was it for', required: true, max: 2000 },
    ],
    inputs: [
      { id: 'receipts', label: 'Scans of the receipts', kind: 'attachment', required: true },
      { id: 'costCentre', label: 'Cost centre', kind: 'formField', field: 'costCentre', required: true },
    ],
    deliverables: [
      { id: 'checked', label: 'Receipts checked', required: true },
      { id: 'paid', label: 'Payment scheduled', required: true },
    ],
    stages: [{ id: 'in_progress', name: 'In progress' }],
    approval: { kind: 'none' },
    standard: { firstResponseMinutes: days(1), resolutionMinutes: days(5), warningAt: 0.8, always: false },
    survey: { enabled: true, question: 'How satisfied are you with this service?' },
    reportTo: [],
  },
  {
    id: 'fac-repair',
    department: 'FAC',
    name: 'Repair request',
    summary: 'Something in the office is broken: doors, lights, heating, furniture.',
    description: 'Tell us where and what; urgent safety issues are fixed the same day.',
    tags: ['repair', 'office', 'maintenance'],
    ownerId: 'felix',
    audience: [],
    form: [
      { id: 'location', kind: 'text', label: 'Where (building, floor, room)', required: true, max: 200 },
      { id: 'problem', kind: 'longText', label: 'What is broken', required: true, max: 2000 },
      { id: 'safety', kind: 'checkbox', label: 'This is a safety risk', required: false },
    ],
    inputs: [],
    deliverables: [{ id: 'fixed', label: 'Repaired and checked', required: true }],
    stages: [{ id: 'in_progress', name: 'In progress' }],
    approval: { kind: 'none' },
    standard: { firstResponseMinutes: hours(2), resolutionMinutes: days(3), warningAt: 0.8, always: false },
    survey: { enabled: true, question: 'How satisfied are you with the repair?' },
    reportTo: [],
  },
  {
    id: 'hr-contract-change',
    department: 'HR',
    name: 'Change of contract',
    summary: 'Change hours, salary, role or location in an existing contract.',
    description: 'The manager asks; HR prepares the annex, gets it signed and updates payroll.',
    tags: ['contract', 'salary', 'hours', 'role'],
    ownerId: 'olivia',
    audience: [],
    form: [
      { id: 'employee', kind: 'text', label: 'Employee', required: true, max: 120 },
      {
        id: 'change',
        kind: 'multiSelect',
        label: 'What changes',
        required: true,
        options: ['Working hours', 'Salary', 'Role', 'Location'],
      },
      { id: 'effective', kind: 'date', label: 'Effective from', required: true },
      {
        id: 'newHours',
        kind: 'number',
        label: 'New weekly hours',
        required: true,
        min: 4,
        max: 40,
        visibleWhen: { field: 'change', equals: ['Working hours'] },
      },
    ],
    inputs: [{ id: 'budget', label: 'Budget holder confirmed the change', kind: 'confirmation', required: true }],
    deliverables: [
      { id: 'annex', label: 'Contract annex signed', required: true },
      { id: 'payroll', label: 'Payroll updated', required: true },
    ],
    stages: [
      { id: 'preparation', name: 'Preparation', targetMinutes: days(2) },
      { id: 'signature', name: 'Signature', targetMinutes: days(3) },
    ],
    approval: { kind: 'head' },
    standard: { firstResponseMinutes: days(1), resolutionMinutes: days(10), warningAt: 0.8, always: false },
    survey: { enabled: true, question: 'How satisfied are you with this service?' },
    reportTo: [],
  },
  {
    id: 'hr-new-joiner',
    department: 'HR',
    name: 'New joiner: everything for day one',
    summary: 'One form for HR, IT and Facilities: contract, laptop, desk and badge for someone joining.',
    description:
      'HR registers the new hire; IT prepares the laptop and Facilities the desk and badge. You follow one case with each department’s part.',
    tags: ['onboarding', 'new hire', 'laptop', 'desk', 'bundle'],
    ownerId: 'olivia',
    audience: [],
    form: [
      { id: 'fullName', kind: 'text', label: 'Full name of the new hire', required: true, max: 120 },
      { id: 'startDate', kind: 'date', label: 'Start date', required: true },
      { id: 'managerEmail', kind: 'email', label: "Manager's email", required: true },
      { id: 'laptop', kind: 'select', label: 'Laptop', required: true, options: ['14" standard', '16" performance'] },
      { id: 'building', kind: 'select', label: 'Office', required: true, options: ['Warsaw HQ', 'Kraków'] },
    ],
    inputs: [{ id: 'identity', label: 'Name and start date', kind: 'formField', field: 'fullName', required: true }],
    deliverables: [{ id: 'ready', label: 'Everything ready for day one', required: true }],
    stages: [{ id: 'coordination', name: 'Coordination' }],
    approval: { kind: 'none' },
    standard: { firstResponseMinutes: hours(4), resolutionMinutes: days(5), warningAt: 0.8, always: false },
    survey: { enabled: true, question: 'How well did HR, IT and Facilities prepare day one?' },
    reportTo: [],
    bundle: [
      { serviceId: 'it-laptop', fieldMap: { model: 'laptop', neededBy: 'startDate' } },
      { serviceId: 'fac-desk', fieldMap: { person: 'fullName', startDate: 'startDate', building: 'building' } },
    ],
  },
  {
    id: 'it-password',
    department: 'IT',
    name: 'Password or MFA reset',
    summary: 'Locked out? We reset your password or your second factor, any time.',
    description: 'Answered around the clock by the on-call engineer. Have your phone at hand.',
    tags: ['password', 'mfa', 'account', 'urgent'],
    ownerId: 'ivan',
    audience: [],
    form: [
      {
        id: 'account',
        kind: 'select',
        label: 'Which account',
        required: true,
        options: ['Windows', 'Email', 'VPN', 'CRM'],
      },
      { id: 'what', kind: 'select', label: 'What to reset', required: true, options: ['Password', 'Second factor'] },
      {
        id: 'phone',
        kind: 'text',
        label: 'Phone number to call you back',
        required: true,
        pattern: '\\+?[0-9 ]{6,20}',
      },
    ],
    inputs: [],
    deliverables: [{ id: 'reset', label: 'Reset done and sign-in confirmed', required: true }],
    stages: [{ id: 'in_progress', name: 'In progress' }],
    approval: { kind: 'none' },
    titleTemplate: '{what} for {account}',
    // A deliberately short 24×7 standard: in the local stack you can watch warning and breach happen.
    standard: { firstResponseMinutes: 3, resolutionMinutes: 5, warningAt: 0.6, always: true },
    survey: { enabled: true, question: 'How satisfied are you with this service?' },
    reportTo: [],
  },
  {
    id: 'it-licence',
    department: 'IT',
    name: 'Software licence',
    summary: 'A licence for a tool that is not part of the standard set.',
    description: 'Say which tool and why; licences above 500 EUR a year need your head’s approval first.',
    tags: ['software', 'licence'],
    ownerId: 'iris',
    audience: [],
    form: [
      { id: 'tool', kind: 'text', label: 'Tool', required: true, max: 100 },
      { id: 'costPerYear', kind: 'number', label: 'Cost per year (EUR)', required: true, min: 0, max: 100000 },
      { id: 'reason', kind: 'longText', label: 'What you need it for', required: true, max: 2000 },
    ],
    inputs: [{ id: 'costCentre', label: 'Cost centre approved the spend', kind: 'confirmation', required: true }],
    deliverables: [{ id: 'installed', label: 'Licence assigned and installed', required: true }],
    stages: [{ id: 'in_progress', name: 'In progress' }],
    approval: { kind: 'none' },
    standard: { firstResponseMinutes: hours(4), resolutionMinutes: days(3), warningAt: 0.8, always: false },
    survey: { enabled: true, question: 'How satisfied are you with this service?' },
    reportTo: [],
  },
  {
    id: 'fin-supplier',
    department: 'FIN',
    name: 'Register a new supplier',
    summary: 'Add a supplier to the ERP so their invoices can be paid.',
    description: 'We check the supplier’s tax id and bank account before the first payment.',
    tags: ['supplier', 'vendor', 'erp'],
    ownerId: 'fiona',
    audience: [],
    form: [
      { id: 'name', kind: 'text', label: 'Supplier name', required: true, max: 200 },
      { id: 'taxId', kind: 'text', label: 'Tax id (VAT number)', required: true, pattern: '[A-Z]{2}[0-9A-Z]{6,12}' },
      { id: 'contact', kind: 'email', label: 'Supplier contact email', required: true },
    ],
    inputs: [{ id: 'bankLetter', label: 'Bank account confirmation letter', kind: 'attachment', required: true }],
    deliverables: [
      { id: 'verified', label: 'Tax id and bank account verified', required: true },
      { id: 'registered', label: 'Supplier created in the ERP', required: true },
    ],
    stages: [
      { id: 'verification', name: 'Verification', targetMinutes: days(2) },
      { id: 'registration', name: 'Registration', targetMinutes: days(1) },
    ],
    approval: { kind: 'none' },
    standard: { firstResponseMinutes: days(1), resolutionMinutes: days(4), warningAt: 0.8, always: false },
    survey: { enabled: true, question: 'How satisfied are you with this service?' },
    reportTo: [],
  },
  {
    id: 'fin-purchase',
    department: 'FIN',
    name: 'Purchase order',
    summary: 'Raise a purchase order before you buy from a supplier.',
    description: 'Orders above 10,000 EUR are approved by the head of Finance.',
    tags: ['purchase', 'po', 'buying'],
    ownerId: 'frank',
    audience: [],
    form: [
      { id: 'supplier', kind: 'text', label: 'Supplier', required: true, max: 200 },
      { id: 'amount', kind: 'number', label: 'Amount (EUR)', required: true, min: 1, max: 10000000 },
      {
        id: 'costCentre',
        kind: 'text',
        label: 'Cost centre',
        required: true,
        pattern: '[A-Z]{2}-\\d{3}',
        help: 'Like SA-101.',
      },
    ],
    inputs: [{ id: 'quote', label: 'Supplier quote', kind: 'attachment', required: true }],
    deliverables: [{ id: 'po', label: 'Purchase order number issued', required: true }],
    stages: [{ id: 'in_progress', name: 'In progress' }],
    approval: { kind: 'head', when: { field: 'amount', above: 10000 } },
    titleTemplate: '{supplier}, {amount} EUR',
    standard: { firstResponseMinutes: hours(8), resolutionMinutes: days(3), warningAt: 0.8, always: false },
    survey: { enabled: true, question: 'How satisfied are you with this service?' },
    reportTo: [],
  },
  {
    id: 'fac-desk',
    department: 'FAC',
    name: 'Desk and access badge',
    summary: 'A desk, a chair and a working access badge for a person starting on site.',
    description: 'We assign a desk near the team and print the badge for the first day.',
    tags: ['desk', 'badge', 'access', 'onboarding'],
    ownerId: 'felix',
    audience: [],
    form: [
      { id: 'person', kind: 'text', label: 'For whom', required: true, max: 120 },
      { id: 'startDate', kind: 'date', label: 'First day on site', required: true },
      { id: 'building', kind: 'select', label: 'Office', required: true, options: ['Warsaw HQ', 'Kraków'] },
    ],
    inputs: [],
    deliverables: [
      { id: 'desk', label: 'Desk assigned', required: true },
      { id: 'badge', label: 'Badge printed and tested', required: true },
    ],
    stages: [{ id: 'in_progress', name: 'In progress' }],
    approval: { kind: 'none' },
    standard: { firstResponseMinutes: hours(4), resolutionMinutes: days(3), warningAt: 0.8, always: false },
    survey: { enabled: true, question: 'How satisfied are you with this service?' },
    reportTo: [],
  },
  {
    id: 'fac-event',
    department: 'FAC',
    name: 'Room set-up for an event',
    summary: 'Chairs, screens and catering set up for a meeting or event on site.',
    description: 'Tell us the room, the time and how many people; we set it up and clear it afterwards.',
    tags: ['event', 'room', 'catering'],
    ownerId: 'fatima',
    audience: [],
    form: [
      { id: 'room', kind: 'text', label: 'Room', required: true, max: 100 },
      { id: 'date', kind: 'date', label: 'Date', required: true },
      { id: 'people', kind: 'number', label: 'Number of people', required: true, min: 2, max: 300 },
      { id: 'catering', kind: 'checkbox', label: 'Catering needed', required: false },
      {
        id: 'diet',
        kind: 'longText',
        label: 'Dietary needs',
        required: false,
        max: 1000,
        visibleWhen: { field: 'catering', equals: [true] },
      },
    ],
    inputs: [],
    deliverables: [{ id: 'setup', label: 'Room set up and checked', required: true }],
    stages: [{ id: 'in_progress', name: 'In progress' }],
    approval: { kind: 'none' },
    standard: { firstResponseMinutes: hours(4), resolutionMinutes: days(2), warningAt: 0.8, always: false },
    survey: { enabled: true, question: 'How satisfied are you with the set-up?' },
    reportTo: [],
  },
];
