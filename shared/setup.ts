/**
 * A new department's guided setup: the steps of the department canvas in order, with the calendar
 * after delivery and the publishing of the first services last. Each step is done or skipped by the
 * head; what is left is where the head resumes. Pure rules; the progress is stored per department
 * (functions/repositories/setup.ts) and the answers of the canvas steps on the department's canvas.
 */
import type { BusinessCalendar, Canvas } from './model.ts';

export const SETUP_STEPS = [
  'value',
  'customers',
  'ordering',
  'delivery',
  'calendar',
  'processes',
  'quality',
  'standards',
  'resources',
  'partners',
  'publish',
] as const;
export type SetupStep = (typeof SETUP_STEPS)[number];

export const STEP_MARKS = ['done', 'skipped'] as const;
export type StepMark = (typeof STEP_MARKS)[number];
export type StepState = StepMark | 'todo';

/** The part of the canvas a step fills in (the calendar and publishing fill none). */
export const CANVAS_OF_STEP: Readonly<Partial<Record<SetupStep, keyof Canvas>>> = {
  value: 'value',
  customers: 'customerSegments',
  ordering: 'howToOrder',
  delivery: 'channels',
  processes: 'keyProcesses',
  quality: 'qualityChecks',
  standards: 'standardsAndMetrics',
  resources: 'resources',
  partners: 'partners',
};

/** What the head has done or skipped so far; `updatedAt` is absent before the first step. */
export interface SetupProgress {
  department: string;
  marks: Partial<Record<SetupStep, StepMark>>;
  updatedAt?: string;
}

/** GET/PUT /departments/:code/setup: the progress, each step's state and where to go on. */
export interface SetupView {
  progress: SetupProgress;
  steps: Array<{ step: SetupStep; state: StepState }>;
  /** The first step neither done nor skipped; undefined when every step is. */
  next?: SetupStep;
  finished: boolean;
}

export const emptyProgress = (department: string): SetupProgress => ({ department, marks: {} });

export const stepState = (progress: SetupProgress, step: SetupStep): StepState => progress.marks[step] ?? 'todo';

/** The first step left to do, in the canvas's order; undefined when none is. */
export function nextStep(progress: SetupProgress): SetupStep | undefined {
  return SETUP_STEPS.find((step) => stepState(progress, step) === 'todo');
}

/** The step after `step` (undefined after the last). */
export function stepAfter(step: SetupStep): SetupStep | undefined {
  return SETUP_STEPS[SETUP_STEPS.indexOf(step) + 1];
}

/** The step before `step` (undefined before the first). */
export function stepBefore(step: SetupStep): SetupStep | undefined {
  const i = SETUP_STEPS.indexOf(step);
  return i > 0 ? SETUP_STEPS[i - 1] : undefined;
}

/** The setup is finished when publishing is done: skipped canvas steps may be filled in later. */
export const isFinished = (progress: SetupProgress): boolean => progress.marks.publish === 'done';

/** The progress with `step` marked; marking a step again replaces its mark (a skipped step done later). */
export function markStep(progress: SetupProgress, step: SetupStep, mark: StepMark, at: string): SetupProgress {
  return { ...progress, marks: { ...progress.marks, [step]: mark }, updatedAt: at };
}

export function setupView(progress: SetupProgress): SetupView {
  const next = nextStep(progress);
  return {
    progress,
    steps: SETUP_STEPS.map((step) => ({ step, state: stepState(progress, step) })),
    ...(next ? { next } : {}),
    finished: isFinished(progress),
  };
}

/** Where a head lands on the setup page: the step asked for, else the next step to do, else the last. */
export function landingStep(progress: SetupProgress, asked?: string): SetupStep {
  if (asked && (SETUP_STEPS as readonly string[]).includes(asked)) return asked as SetupStep;
  return nextStep(progress) ?? 'publish';
}

/** A department without any published service is offered the guided setup. */
export const offersSetup = (services: ReadonlyArray<{ status: string }>): boolean =>
  !services.some((s) => s.status === 'published');

/** A sensible calendar to start from: Monday to Friday, 09:00–17:00 in `timeZone`, no holidays yet. */
export function defaultWorkweek(timeZone: string, holidays: string[] = []): BusinessCalendar {
  const day = () => [{ start: '09:00', end: '17:00' }];
  return { timeZone, hours: { 1: day(), 2: day(), 3: day(), 4: day(), 5: day() }, holidays };
}
